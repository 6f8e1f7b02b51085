package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.catalog.Level;
import cn.ulanqab.stats.catalog.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reading of rows and files as the spec's "Clarifications (December 2026)" decide it, each on a real file in a
 * submission folder, through the catalogue, the reader and the validator.
 */
class ClarifiedReadingTest {

    static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    static final String HEADER = "county_code,indicator_code,period,value,unit,remark";

    @TempDir
    Path folder;

    private List<RowOutcome> read(String content) throws IOException {
        Files.writeString(folder.resolve("150902.csv"), content, StandardCharsets.UTF_8);
        return readFile("150902.csv");
    }

    private List<RowOutcome> readFile(String name) throws IOException {
        SubmissionFile file = SubmissionCatalogue.of(folder, REFERENCE.registry()).files().stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        assertThat(file.status()).as(String.valueOf(file.reason())).isEqualTo(FileStatus.PROCESSED);
        RowValidator validator = new RowValidator(REFERENCE.registry(), REFERENCE.catalog(), "2023");
        List<RowOutcome> outcomes = new ArrayList<>();
        try (SubmissionReader reader = new SubmissionReader(folder.resolve(name), file.countyCode(),
                SubmissionCatalogue.encodingOf(file.encoding()))) {
            reader.forEachRemaining(row -> outcomes.add(validator.validate(row)));
        } catch (SubmissionReader.UnreadableHeader e) {
            throw new AssertionError(e);
        }
        return outcomes;
    }

    @Test
    void trimsTheNoBreakAndIdeographicSpacesAndTabsExcelLeavesAroundCells() throws IOException {
        List<RowOutcome> outcomes = read(HEADER + "\n"
                + "\u00A0150902\u00A0,TECH_INCUBATORS\t,2023\u3000,\u00A012\u00A0,家\u3000,\u3000备注\u3000\n"
                + "150902,MEAT_OUTPUT,2023,\u3000１，２０３．５\u3000,\t吨 ,\n");

        assertThat(outcomes).extracting(RowOutcome::reason).containsExactly(null, null);
        assertThat(outcomes.get(0).value()).isEqualByComparingTo("12");
        assertThat(outcomes.get(0).row().remark()).isEqualTo("备注");
        assertThat(outcomes.get(1).value()).isEqualByComparingTo("1203.5");
    }

    @Test
    void aLineOfOnlyEmptyQuotesIsAMalformedRow() throws IOException {
        List<RowOutcome> outcomes = read(HEADER + "\n\"\"\n150902,TECH_INCUBATORS,2023,5,家,\n");

        assertThat(outcomes).extracting(o -> o.row().line(), RowOutcome::reason)
                .containsExactly(tuple(2L, RowReason.MALFORMED_ROW), tuple(3L, null));
        assertThat(outcomes.get(0).message()).isEqualTo(Detail.of("field.count", 1, 6));
    }

    @Test
    void linesOfNothingButBlanksAreNotRowsAndLineNumbersStayPhysical() throws IOException {
        List<RowOutcome> outcomes = read(HEADER + "\r\n   \r\n\t\r\n\u3000\u00A0\r\n\r\n150902,TECH_INCUBATORS,2023,5,家,\r\n \t\r\n"
                + "150902,MEAT_OUTPUT,2023,1,吨,\r\n\u3000\r\n");

        assertThat(outcomes).extracting(o -> o.row().line(), RowOutcome::reason)
                .containsExactly(tuple(6L, null), tuple(8L, null));
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkippedAndCounted() throws IOException {
        List<RowOutcome> outcomes = read("\n \n\u3000\n" + HEADER + "\n150902,TECH_INCUBATORS,2023,5,家,\n");

        assertThat(outcomes).extracting(o -> o.row().line(), RowOutcome::reason).containsExactly(tuple(5L, null));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() throws IOException {
        List<RowOutcome> outcomes = read(HEADER + "\n150902,TECH_INCUBATORS,2023,5,家,据\"统计\"口径\n"
                + "150902,MEAT_OUTPUT,2023,12\"3,吨,\n150902,MILK_OUTPUT,2023,4,吨,\n");

        assertThat(outcomes).extracting(RowOutcome::reason).containsExactly(null, RowReason.NOT_A_NUMBER, null);
        assertThat(outcomes.get(0).row().remark()).isEqualTo("据\"统计\"口径");
        assertThat(outcomes.get(1).row().value()).isEqualTo("12\"3");
    }

    @Test
    void aFullWidthSlashMeansNotReported() throws IOException {
        List<RowOutcome> outcomes = read(HEADER + "\n150902,TECH_INCUBATORS,2023,／,家,\n150902,MEAT_OUTPUT,2023,\u3000／\u00A0,吨,\n");

        assertThat(outcomes).extracting(RowOutcome::reason).containsExactly(RowReason.MISSING_VALUE, RowReason.MISSING_VALUE);
    }

    @Test
    void aValueOfMoreThanFortyCharactersIsNotANumberHoweverManyDigits() throws IOException {
        String digits150 = "1".repeat(150);
        String digits40 = "1".repeat(40);
        String digits41 = "1".repeat(41);
        List<RowOutcome> outcomes = read(HEADER + "\n150902,MEAT_OUTPUT,2023," + digits150 + ",吨,\n"
                + "150902,MILK_OUTPUT,2023," + digits41 + ",吨,\n150902,TECH_INCUBATORS,2023," + digits40 + ",家,\n");

        assertThat(outcomes).extracting(RowOutcome::reason).containsExactly(RowReason.NOT_A_NUMBER, RowReason.NOT_A_NUMBER, null);
        assertThat(outcomes.get(0).message().key()).isEqualTo("value.too.long");
        assertThat(outcomes.get(0).message().args()).endsWith("40", "150");
        assertThat(outcomes.get(0).row().value()).as("the row keeps what was sent").isEqualTo(digits150);
        assertThat(outcomes.get(2).value()).isEqualByComparingTo(digits40);
    }

    @Test
    void aRecordLongerThanOneMegabyteIsMalformedAndReadingGoesOnAtTheNextLine() throws IOException {
        String remark = "长".repeat(SubmissionReader.MAX_RECORD);
        String nearlyLimit = "备".repeat(SubmissionReader.MAX_RECORD - 100);
        List<RowOutcome> outcomes = read(HEADER + "\n150902,TECH_INCUBATORS,2023,5,家," + remark + "\n"
                + "150902,MEAT_OUTPUT,2023,1,吨," + nearlyLimit + "\n150902,MILK_OUTPUT,2023,2,吨,\n");

        assertThat(outcomes).extracting(o -> o.row().line(), RowOutcome::reason)
                .containsExactly(tuple(2L, RowReason.MALFORMED_ROW), tuple(3L, null), tuple(4L, null));
        assertThat(outcomes.get(0).message()).isEqualTo(Detail.of("record.too.long", 2));
        assertThat(outcomes.get(0).row().value()).hasSize(100).startsWith("150902,TECH_INCUBATORS,2023,5,家,长长");
        assertThat(outcomes.get(1).row().remark()).as("a remark below the record limit is kept whole").isEqualTo(nearlyLimit);
    }

    @Test
    void extensionAndVersionMarkerAreMatchedWithoutRegardToCase() throws IOException {
        Files.writeString(folder.resolve("150902.CSV"), HEADER + "\n150902,TECH_INCUBATORS,2023,5,家,\n");
        Files.writeString(folder.resolve("150902-V2.csv"), HEADER + "\n150902,TECH_INCUBATORS,2023,6,家,\n");
        Files.writeString(folder.resolve("150921-v3.Csv"), HEADER + "\n150921,TECH_INCUBATORS,2023,7,家,\n");

        List<SubmissionFile> files = SubmissionCatalogue.of(folder, REFERENCE.registry()).files();

        assertThat(files).filteredOn(f -> f.name().startsWith("1509")).extracting(SubmissionFile::name, SubmissionFile::status)
                .containsExactly(tuple("150902-V2.csv", FileStatus.PROCESSED), tuple("150902.CSV", FileStatus.SUPERSEDED),
                        tuple("150921-v3.Csv", FileStatus.PROCESSED));
        assertThat(readFile("150902-V2.csv").get(0).value()).isEqualByComparingTo("6");
    }

    @Test
    void theCityFileIsExpectedOnlyWhenTheCatalogHasCityLevelIndicators(@TempDir Path reference) throws IOException {
        Files.copy(Path.of("input/reference/counties.csv"), reference.resolve("counties.csv"));
        List<String> countyLevelOnly = Files.readAllLines(Path.of("input/reference/indicators.csv")).stream()
                .filter(l -> !l.contains(",CITY,CITY,")).toList();
        Files.write(reference.resolve("indicators.csv"), countyLevelOnly);
        ReferenceData withoutCityIndicators = ReferenceData.load(reference);

        List<String> missingWith = missing(SubmissionCatalogue.of(folder, REFERENCE.registry()).files());
        List<String> missingWithout = missing(SubmissionCatalogue.of(folder, withoutCityIndicators.registry()).files());

        assertThat(REFERENCE.catalog().indicators()).anyMatch(i -> i.level() == Level.CITY);
        assertThat(missingWith).hasSize(12).contains("150900");
        assertThat(missingWithout).hasSize(11).doesNotContain("150900");
    }

    private static List<String> missing(List<SubmissionFile> files) {
        return files.stream().filter(f -> f.status() == FileStatus.MISSING).map(SubmissionFile::countyCode).toList();
    }

    /** Writes a file with one line of {@code megabytes} MB between two good rows, without holding it in memory. */
    static void writeWithHugeLine(Path file, int megabytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n150902,TECH_INCUBATORS,2023,5,家,\n150902,MEAT_OUTPUT,2023,1,吨,").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "很长的备注，".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < (long) megabytes << 20; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\n150902,MILK_OUTPUT,2023,2,吨,\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
