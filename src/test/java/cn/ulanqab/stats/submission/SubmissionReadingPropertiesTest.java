package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.report.Wording;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.testing.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of reading submissions: whatever bytes a county sends, nothing throws out of the catalogue,
 * reader or validator and every row read gets exactly one outcome; well-formed RFC 4180 files in any
 * accepted encoding and line end give back every record and its fields; every accepted spelling of a number
 * parses back to the same BigDecimal.
 */
class SubmissionReadingPropertiesTest {

    static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    static final RowValidator VALIDATOR = new RowValidator(REFERENCE.registry(), REFERENCE.catalog(), "2023");
    static final String HEADER = "county_code,indicator_code,period,value,unit,remark";
    static final List<String> INDICATORS = REFERENCE.catalog().indicators().stream().map(i -> i.code()).toList();
    static final String[] PIECES = {",", "\"", "\"\"", "\r\n", "\n", "\r", " ", "\t", ";", "150902", "150921", "2023", "2022",
            "1,203", "１２３", "－5", "一百", "1E3", "万元", "亩", "家", "=SUM(A1)", "<b>", "\uFEFF", "区划代码", "数值", "—", "/"};

    @TempDir
    Path folder;

    @Test
    void arbitraryBytesNeverThrowAndEveryRowIsAccountedFor() {
        Property.forAll(300, SubmissionReadingPropertiesTest::arbitraryFile, bytes -> {
            Path file = folder.resolve("150902.csv");
            Files.write(file, bytes);
            SubmissionFile f = BrokenFilesCorpusTest.catalogue(folder);
            assertThat(f.status()).isIn(FileStatus.PROCESSED, FileStatus.UNREADABLE);
            if (f.status() == FileStatus.UNREADABLE) {
                assertThat(en(f.reason())).as("an UNREADABLE file says why").isNotBlank();
                return;
            }
            List<RowOutcome> outcomes = readAndValidate(file, f);
            long previousLine = 1;
            for (RowOutcome o : outcomes) {
                assertThat(o.isAccepted() ? o.value() != null && o.message() == null : o.reason() != null && o.message() != null)
                        .as("accepted with a value, or rejected with a reason and a message: " + o).isTrue();
                assertThat(o.row().line()).as("rows in file order, after the header").isGreaterThan(previousLine);
                previousLine = o.row().line();
            }
        });
    }

    @Test
    void wellFormedFilesGiveBackEveryRecordAndItsFields() {
        Property.forAll(300, SubmissionReadingPropertiesTest::wellFormedFile, generated -> {
            Path file = folder.resolve("150902.csv");
            Files.write(file, generated.bytes());
            SubmissionFile f = BrokenFilesCorpusTest.catalogue(folder);
            assertThat(f.status()).as(String.valueOf(f.reason())).isEqualTo(FileStatus.PROCESSED);
            assertThat(f.encoding()).isEqualTo(generated.encoding());
            List<RowOutcome> outcomes = readAndValidate(file, f);
            assertThat(outcomes).as("count of records == count of outcomes").hasSize(generated.records().size());
            for (int i = 0; i < outcomes.size(); i++) {
                Record expected = generated.records().get(i);
                SubmittedRow row = outcomes.get(i).row();
                assertThat(row.line()).isEqualTo(expected.line());
                assertThat(row.indicatorCode()).isEqualTo(Blanks.trim(expected.indicator()));
                assertThat(row.value()).isEqualTo(Blanks.trim(expected.value()));
                assertThat(row.remark()).as("a remark is kept whole").isEqualTo(Blanks.trim(expected.remark()));
                if (outcomes.get(i).isAccepted()) {
                    assertThat(outcomes.get(i).value()).isNotNull();
                }
            }
        });
    }

    @Test
    void everyAcceptedSpellingOfANumberParsesBackToTheSameValue() {
        Property.forAll(500, SubmissionReadingPropertiesTest::number, n -> {
            for (String spelling : spellings(n, new Random(n.hashCode()))) {
                assertThat(SubmittedNumber.parse(spelling)).as(spelling).hasValue(n);
                assertThat(SubmittedNumber.isMissing(spelling)).isFalse();
            }
        });
    }

    static List<RowOutcome> readAndValidate(Path file, SubmissionFile f) throws Exception {
        List<RowOutcome> outcomes = new ArrayList<>();
        try (SubmissionReader reader = new SubmissionReader(file, f.countyCode(), SubmissionCatalogue.encodingOf(f.encoding()))) {
            reader.forEachRemaining(row -> outcomes.add(VALIDATOR.validate(row)));
        }
        return outcomes;
    }

    // ---- generators

    record Hex(byte[] bytes) {
        @Override
        public String toString() {
            return HexFormat.of().formatHex(bytes);
        }
    }

    static byte[] arbitraryFile(Random r) {
        int kind = r.nextInt(4);
        if (kind == 0) {
            byte[] b = new byte[r.nextInt(600)];
            r.nextBytes(b);
            return b;
        }
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? HEADER + (r.nextBoolean() ? "\r\n" : "\n") : "");
        int pieces = r.nextInt(120);
        for (int i = 0; i < pieces; i++) {
            sb.append(r.nextInt(5) == 0 ? randomText(r, 1 + r.nextInt(8)) : PIECES[r.nextInt(PIECES.length)]);
        }
        Charset cs = kind == 1 ? StandardCharsets.UTF_8 : kind == 2 ? SubmissionEncoding.GB18030 : StandardCharsets.UTF_16LE;
        byte[] text = sb.toString().getBytes(cs);
        if (r.nextInt(5) == 0 && text.length > 0) {
            text[r.nextInt(text.length)] = (byte) r.nextInt(256); // a flipped byte
        }
        return text;
    }

    record Record(long line, String county, String indicator, String period, String value, String unit, String remark) {
    }

    record Generated(byte[] bytes, String encoding, List<Record> records) {
        @Override
        public String toString() {
            return encoding + " " + records;
        }
    }

    /** Blanks as Excel and WPS leave them: nothing, spaces, tabs, the no-break space and the ideographic space. */
    static final List<String> BLANKS = List.of("", " ", "\t", "\u00A0", "\u3000", " \u3000\u00A0\t");

    static Generated wellFormedFile(Random r) {
        String encoding = List.of("UTF-8", "UTF-8-BOM", "GB18030").get(r.nextInt(3));
        String eol = r.nextBoolean() ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder(HEADER).append(eol);
        long line = 2;
        List<Record> records = new ArrayList<>();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(10) == 0) {
                sb.append(BLANKS.get(r.nextInt(BLANKS.size()))).append(eol); // a line of nothing but blanks is not a row
                line++;
            }
            Record rec = new Record(line, r.nextInt(8) == 0 ? "150921" : "150902", INDICATORS.get(r.nextInt(INDICATORS.size())),
                    r.nextInt(10) == 0 ? "2022" : "2023", r.nextBoolean() ? spellings(number(r), r).get(0) : field(r, 12),
                    r.nextBoolean() ? "" : List.of("家", "万元", "亿元", "斤", "个").get(r.nextInt(5)), field(r, r.nextInt(5) == 0 ? 3000 : 40));
            String[] fields = {rec.county(), rec.indicator(), rec.period(), rec.value(), rec.unit(), rec.remark()};
            for (int k = 0; k < fields.length; k++) {
                sb.append(k == 0 ? "" : ",").append(quoted(fields[k], r));
                line += newlines(fields[k]);
            }
            sb.append(eol);
            records.add(rec);
            line++;
        }
        Charset cs = encoding.equals("GB18030") ? SubmissionEncoding.GB18030 : StandardCharsets.UTF_8;
        byte[] body = sb.toString().getBytes(cs);
        if (encoding.equals("UTF-8-BOM")) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        if (encoding.equals("GB18030") && new String(body, StandardCharsets.UTF_8).equals(sb.toString())) {
            encoding = "UTF-8"; // pure ASCII is valid UTF-8, which is tried first
        }
        return new Generated(body, encoding, records);
    }

    /** A field with commas, quotes, line ends, Chinese and blanks, of up to {@code max} characters. */
    static String field(Random r, int max) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(max + 1);
        while (sb.length() < len) {
            int k = r.nextInt(10);
            sb.append(k == 0 ? "," : k == 1 ? "\"" : k == 2 ? (r.nextBoolean() ? "\n" : "\r\n") : k == 3 ? BLANKS.get(1 + r.nextInt(BLANKS.size() - 1)) : randomText(r, 1));
        }
        String s = sb.toString();
        // a field made only of blanks and line ends would make the row look blank; keep one visible character
        return Blanks.isBlank(s) && s.length() > 0 ? s + "x" : s;
    }

    static String randomText(Random r, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int k = r.nextInt(3);
            sb.append((char) (k == 0 ? 'a' + r.nextInt(26) : k == 1 ? '0' + r.nextInt(10) : 0x4E00 + r.nextInt(0x9FA5 - 0x4E00)));
        }
        return sb.toString();
    }

    static String quoted(String field, Random r) {
        boolean must = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return must || r.nextInt(4) == 0 ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    static long newlines(String s) {
        return s.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
    }

    static BigDecimal number(Random r) {
        long unscaled = (long) (r.nextDouble() * Math.pow(10, 1 + r.nextInt(14)));
        BigDecimal n = BigDecimal.valueOf(unscaled, r.nextInt(5));
        return r.nextInt(6) == 0 ? n.negate() : n;
    }

    /** Plain, comma-grouped, full-width (digits, ，, ．, －) and blank-padded spellings of the same number. */
    static List<String> spellings(BigDecimal n, Random r) {
        String plain = n.toPlainString();
        String sign = plain.startsWith("-") ? "-" : "";
        String digits = sign.isEmpty() ? plain : plain.substring(1);
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(integer.charAt(i));
        }
        String groupedText = sign + grouped + fraction;
        List<String> result = new ArrayList<>(Arrays.asList(plain, groupedText, fullWidth(plain), fullWidth(groupedText),
                " " + groupedText + "\t", "\u3000" + fullWidth(plain) + " "));
        StringBuilder mixed = new StringBuilder();
        for (char c : groupedText.toCharArray()) {
            mixed.append(r.nextBoolean() ? fullWidth(String.valueOf(c)) : String.valueOf(c));
        }
        result.add(mixed.toString());
        return result;
    }

    static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == ',' ? '，' : c == '.' ? '．' : c == '-' ? '－' : c);
        }
        return sb.toString();
    }

    @Test
    void generatorsProduceWhatTheyClaim() throws IOException {
        Generated g = wellFormedFile(new Random(1));
        assertThat(g.records()).isNotNull();
        assertThat(spellings(new BigDecimal("-1234567.25"), new Random(2))).contains("-1,234,567.25", "－１，２３４，５６７．２５");
    }

    /** What a check found, in the English bundle's words. */
    private static String en(Detail detail) {
        return Wording.of("en").detail(detail);
    }
}
