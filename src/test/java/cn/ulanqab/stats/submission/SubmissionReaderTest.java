package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.report.Wording;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SubmissionReaderTest {

    private static final String HEADER = "county_code,indicator_code,period,value,unit,remark";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("150921.csv");
        Files.write(file, bytes);
        return file;
    }

    private static List<SubmittedRow> read(Path file) throws Exception {
        SubmissionEncoding.Detected encoding = SubmissionEncoding.detect(file);
        assertThat(encoding.readable()).as(String.valueOf(encoding.problem())).isTrue();
        List<SubmittedRow> rows = new ArrayList<>();
        try (SubmissionReader reader = new SubmissionReader(file, "150921", encoding)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private List<SubmittedRow> read(String text) throws Exception {
        return read(write(text));
    }

    private SubmissionReader.UnreadableHeader headerProblem(String text) throws IOException {
        Path file = write(text);
        SubmissionEncoding.Detected encoding = SubmissionEncoding.detect(file);
        try (SubmissionReader ignored = new SubmissionReader(file, "150921", encoding)) {
            throw new AssertionError("the header was accepted");
        } catch (SubmissionReader.UnreadableHeader e) {
            return e;
        }
    }

    // --- line numbers ---

    @Test
    void numbersRowsByPhysicalLineWithHeaderAsLineOne() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\n150921,MEAT_OUTPUT,2023,1,,\n150921,MILK_OUTPUT,2023,2,,\n");
        assertThat(rows).extracting(SubmittedRow::line, SubmittedRow::indicatorCode)
                .containsExactly(tuple(2L, "MEAT_OUTPUT"), tuple(3L, "MILK_OUTPUT"));
    }

    @Test
    void blankLinesAreNotRowsButCountAsLines() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\n\n150921,MEAT_OUTPUT,2023,1,,\n\n\n150921,MILK_OUTPUT,2023,2,,\n\n");
        assertThat(rows).extracting(SubmittedRow::line).containsExactly(3L, 6L);
        assertThat(rows).allMatch(r -> r.malformed() == null);
    }

    @Test
    void quotedValueSpanningTwoLinesShiftsTheNextRecord() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\n150921,MEAT_OUTPUT,2023,1,,\"first line\nsecond line\"\n150921,MILK_OUTPUT,2023,2,,\n");
        assertThat(rows).extracting(SubmittedRow::line).containsExactly(2L, 4L);
        assertThat(rows.get(0).remark()).isEqualTo("first line\nsecond line");
    }

    @Test
    void bomDoesNotChangeLineNumbers() throws Exception {
        List<SubmittedRow> rows = read("\uFEFF" + HEADER + "\r\n150921,MEAT_OUTPUT,2023,1,,\r\n\r\n150921,MILK_OUTPUT,2023,2,,\r\n");
        assertThat(rows).extracting(SubmittedRow::line).containsExactly(2L, 4L);
        assertThat(rows.get(0).countyCode()).isEqualTo("150921");
    }

    @Test
    void readsCrlfAndLfAlike() throws Exception {
        String lf = HEADER + "\n150921,MEAT_OUTPUT,2023,1,万吨,a\n150921,MILK_OUTPUT,2023,2,,b\n";
        List<SubmittedRow> fromLf = read(lf);
        List<SubmittedRow> fromCrlf = read(lf.replace("\n", "\r\n"));
        assertThat(fromCrlf).isEqualTo(fromLf);
        assertThat(fromLf).extracting(SubmittedRow::unit, SubmittedRow::remark).containsExactly(tuple("万吨", "a"), tuple("", "b"));
    }

    @Test
    void readsLastRowWithoutLineEnd() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\r\n150921,MEAT_OUTPUT,2023,1,,\r\n150921,MILK_OUTPUT,2023,2,,");
        assertThat(rows).extracting(SubmittedRow::line, SubmittedRow::value).containsExactly(tuple(2L, "1"), tuple(3L, "2"));
    }

    // --- header ---

    @Test
    void readsGb18030WithChineseHeaders() throws Exception {
        String text = "区划代码,指标代码,统计期,数值,计量单位,备注\r\n150921,MEAT_OUTPUT,2023,12.6,万吨,卓资县\r\n";
        List<SubmittedRow> rows = read(write(text.getBytes(Charset.forName("GB18030"))));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.countyCode()).isEqualTo("150921");
            assertThat(r.indicatorCode()).isEqualTo("MEAT_OUTPUT");
            assertThat(r.period()).isEqualTo("2023");
            assertThat(r.value()).isEqualTo("12.6");
            assertThat(r.unit()).isEqualTo("万吨");
            assertThat(r.remark()).isEqualTo("卓资县");
            assertThat(r.file()).isEqualTo("150921.csv");
            assertThat(r.fileCountyCode()).isEqualTo("150921");
        });
    }

    @Test
    void findsColumnsInAnyOrderIgnoringCaseAndBlanks() throws Exception {
        List<SubmittedRow> rows = read(" Value ,PERIOD, Indicator_Code,County_Code , Remark\n12,2023,MEAT_OUTPUT,150921,note\n");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("12");
            assertThat(r.period()).isEqualTo("2023");
            assertThat(r.indicatorCode()).isEqualTo("MEAT_OUTPUT");
            assertThat(r.countyCode()).isEqualTo("150921");
            assertThat(r.remark()).isEqualTo("note");
            assertThat(r.unit()).isEmpty();
        });
    }

    @Test
    void ignoresExtraColumns() throws Exception {
        List<SubmittedRow> rows = read("序号,county_code,indicator_code,填报人,period,value\n1,150921,MEAT_OUTPUT,张三,2023,12\n");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.malformed()).isNull();
            assertThat(r.countyCode()).isEqualTo("150921");
            assertThat(r.value()).isEqualTo("12");
        });
    }

    @Test
    void trimsBlanksAroundFields() throws Exception {
        assertThat(read(HEADER + "\n 150921 , MEAT_OUTPUT ,2023, 12 , 万吨 , x \n"))
                .extracting(SubmittedRow::countyCode, SubmittedRow::value, SubmittedRow::unit)
                .containsExactly(tuple("150921", "12", "万吨"));
    }

    @Test
    void namesTheMissingRequiredColumn() throws Exception {
        SubmissionReader.UnreadableHeader e = headerProblem("county_code,indicator_code,value,unit\n150921,MEAT_OUTPUT,12,\n");
        assertThat(en(e.detail())).contains("lacks period (统计期) (found:");
        assertThat(en(headerProblem("区划代码,指标代码,统计期\n").detail())).contains("lacks value (数值)");
    }

    @Test
    void saysTabSeparatedHeaderLooksTabSeparated() throws Exception {
        assertThat(en(headerProblem("county_code\tindicator_code\tperiod\tvalue\n150921\tMEAT_OUTPUT\t2023\t12\n").detail()))
                .contains("tab-separated");
    }

    @Test
    void saysSemicolonSeparatedHeaderLooksSemicolonSeparated() throws Exception {
        assertThat(en(headerProblem("county_code;indicator_code;period;value\n150921;MEAT_OUTPUT;2023;12\n").detail()))
                .contains("semicolon-separated");
    }

    @Test
    void emptyFileHasNoHeader() throws Exception {
        assertThat(en(headerProblem("").detail())).contains("empty");
        assertThat(en(headerProblem("\n\n").detail())).contains("empty");
    }

    @Test
    void rejectsAColumnNamedTwice() throws Exception {
        assertThat(en(headerProblem("county_code,indicator_code,period,value,数值\n").detail())).contains("twice");
    }

    @Test
    void headerOnlyFileHasNoRows() throws Exception {
        assertThat(read(HEADER + "\n")).isEmpty();
    }

    // --- malformed rows ---

    @Test
    void rowWithTooManyFieldsIsMalformedAndReadingContinues() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\n150921,MEAT_OUTPUT,2023,1,203,万吨,x\n150921,MILK_OUTPUT,2023,2,,\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).malformed()).isEqualTo(Detail.of("field.count", 7, 6));
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).malformed()).isNull();
        assertThat(rows.get(1).indicatorCode()).isEqualTo("MILK_OUTPUT");
    }

    @Test
    void rowWithTooFewFieldsIsMalformed() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\n150921,MEAT_OUTPUT,2023\n");
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.malformed()).isNotNull());
    }

    @Test
    void lineOfOnlyCommasIsARow() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\n,,,,,\n,,,\n150921,MEAT_OUTPUT,2023,1,,\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).malformed()).isNull();
        assertThat(rows.get(0).countyCode()).isEmpty();
        assertThat(rows.get(0).value()).isEmpty();
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).malformed()).isNotNull();
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).malformed()).isNull();
    }

    @Test
    void fileCutInsideQuotedFieldKeepsEarlierRowsAndEndsWithOneMalformedRow() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\n150921,MEAT_OUTPUT,2023,1,,\n\n150921,MILK_OUTPUT,2023,2,,\"unfinished\nremark,150921");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).malformed()).isNull();
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).malformed()).isEqualTo(Detail.of("unclosed.quote"));
    }

    @Test
    void textAfterClosingQuoteIsMalformedAndFollowingRowsAreRead() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\n150921,MEAT_OUTPUT,2023,1,,\n\"abc\"x,MILK_OUTPUT,2023,2,,\n150921,URBAN_NEW_JOBS,2023,3,,\n\n150921,POCKET_PARKS,2023,4,,\n");
        assertThat(rows).extracting(SubmittedRow::line).containsExactly(2L, 3L, 4L, 6L);
        assertThat(rows.get(1).malformed()).isEqualTo(Detail.of("broken.quoting"));
        assertThat(rows.get(1).value()).contains("\"abc\"x");
        assertThat(rows).extracting(SubmittedRow::malformed).filteredOn(m -> m == null).hasSize(3);
        assertThat(rows.get(2).indicatorCode()).isEqualTo("URBAN_NEW_JOBS");
        assertThat(rows.get(3).indicatorCode()).isEqualTo("POCKET_PARKS");
    }

    @Test
    void brokenQuotingAfterAMultiLineRecordKeepsLineNumbers() throws Exception {
        List<SubmittedRow> rows = read(HEADER + "\n150921,MEAT_OUTPUT,2023,1,,\"a\nb\"\n150921,MILK_OUTPUT,2023,\"2\"x,,\n150921,URBAN_NEW_JOBS,2023,3,,\n");
        assertThat(rows).extracting(SubmittedRow::line).containsExactly(2L, 4L, 5L);
        assertThat(rows.get(1).malformed()).isNotNull();
        assertThat(rows.get(2).malformed()).isNull();
        assertThat(rows.get(2).indicatorCode()).isEqualTo("URBAN_NEW_JOBS");
    }

    @Test
    void consecutiveBrokenRowsInABomFileAreEachMalformed() throws Exception {
        List<SubmittedRow> rows = read("\uFEFF" + HEADER + "\r\n\"a\"b,X,2023,1,,\r\n\"c\"d,Y,2023,2,,\r\n150921,MEAT_OUTPUT,2023,3,,\r\n");
        assertThat(rows).extracting(SubmittedRow::line, r -> r.malformed() != null)
                .containsExactly(tuple(2L, true), tuple(3L, true), tuple(4L, false));
        assertThat(rows.get(0).value()).isEqualTo("\"a\"b,X,2023,1,,");
        assertThat(rows.get(1).value()).isEqualTo("\"c\"d,Y,2023,2,,");
    }

    @Test
    void brokenRowInAGb18030FileShowsItsChineseText() throws Exception {
        String text = "区划代码,指标代码,统计期,数值,计量单位,备注\r\n150921,MEAT_OUTPUT,2023,1,万吨,\"卓资\"县\r\n150921,MILK_OUTPUT,2023,2,万吨,鲜奶\r\n";
        List<SubmittedRow> rows = read(write(text.getBytes(Charset.forName("GB18030"))));
        assertThat(rows).extracting(SubmittedRow::line).containsExactly(2L, 3L);
        assertThat(rows.get(0).malformed()).isNotNull();
        assertThat(rows.get(0).value()).isEqualTo("150921,MEAT_OUTPUT,2023,1,万吨,\"卓资\"县");
        assertThat(rows.get(1).remark()).isEqualTo("鲜奶");
    }

    @Test
    void everyRecordAfterTheHeaderIsAccountedFor() throws Exception {
        String text = HEADER + "\r\n"
                + "150921,MEAT_OUTPUT,2023,1,,\r\n"            // 2 row
                + "\r\n"                                       // 3 blank
                + ",,,,,\r\n"                                  // 4 row of blanks
                + "150921,MILK_OUTPUT,2023,2,万吨,\"x,y\"\r\n"  // 5 row with quoted comma
                + "150921,MILK_OUTPUT,2023,1,203,,\r\n"        // 6 too many fields
                + "\"bad\"q,URBAN_NEW_JOBS,2023,3,,\r\n"       // 7 broken quoting
                + "150921,POCKET_PARKS,2023,4,,\"two\r\nlines\"\r\n" // 8-9
                + "150921,RURAL_ROADS_BUILT,2023,5,,\r\n";     // 10
        List<SubmittedRow> rows = read(text);
        assertThat(rows).extracting(SubmittedRow::line).containsExactly(2L, 4L, 5L, 6L, 7L, 8L, 10L);
        assertThat(rows).extracting(r -> r.malformed() != null)
                .containsExactly(false, false, false, true, true, false, false);
        assertThat(rows.get(2).remark()).isEqualTo("x,y");
    }

    @Test
    void iteratorEndsCleanly() throws Exception {
        Path file = write(HEADER + "\n150921,MEAT_OUTPUT,2023,1,,\n");
        try (SubmissionReader reader = new SubmissionReader(file, "150921", SubmissionEncoding.detect(file))) {
            assertThat(reader.hasNext()).isTrue();
            assertThat(reader.hasNext()).isTrue();
            reader.next();
            assertThat(reader.hasNext()).isFalse();
            assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    /** What a check found, in the English bundle's words. */
    private static String en(Detail detail) {
        return Wording.of("en").detail(detail);
    }
}
