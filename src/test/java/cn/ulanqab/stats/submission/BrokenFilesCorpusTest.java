package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.report.Wording;
import java.util.Collections;
import cn.ulanqab.stats.catalog.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every file of the broken-file corpus ({@code src/test/resources/corpus/}, plus the huge and binary ones made
 * here) through the real catalogue, reader and validator, with the outcome each must get. A row outcome
 * {@code null} means accepted. {@code CorpusThroughTheJobTest} runs a night with several of them.
 */
class BrokenFilesCorpusTest {

    static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    static final String NAME = "150902.csv";

    /** How a corpus case is put in place as {@code <period folder>/150902.csv}. */
    interface Maker {
        void make(Path target) throws IOException;
    }

    record Case(String name, Maker maker, FileStatus status, String reasonHas, List<RowReason> outcomes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Maker resource(String file) {
        return target -> {
            try (InputStream in = BrokenFilesCorpusTest.class.getResourceAsStream("/corpus/" + file)) {
                Files.copy(in, target);
            }
        };
    }

    static List<RowReason> accepted(int n) {
        return new ArrayList<>(Collections.nCopies(n, (RowReason) null));
    }

    static Stream<Case> corpus() {
        return Stream.of(
                new Case("empty file", resource("empty.csv"), FileStatus.UNREADABLE, "the file is empty: it needs a header row", List.of()),
                new Case("header only", resource("header-only.csv"), FileStatus.PROCESSED, null, List.of()),
                new Case("no header", resource("no-header.csv"), FileStatus.UNREADABLE,
                        "the first row is data (it starts with the code 150902), not a header: add the header row", List.of()),
                new Case("binary garbage", BrokenFilesCorpusTest::binaryGarbage, FileStatus.UNREADABLE,
                        "neither UTF-8 nor GB18030 text", List.of()),
                new Case("an xlsx workbook named .csv", target -> Files.write(target, new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0}),
                        FileStatus.UNREADABLE, "Excel workbook (.xlsx)", List.of()),
                new Case("cut inside a quoted field", resource("cut-inside-quotes.csv"), FileStatus.PROCESSED, null,
                        Arrays.asList(null, RowReason.MALFORMED_ROW)),
                new Case("a single 10 MB line", BrokenFilesCorpusTest::tenMegabyteLine, FileStatus.UNREADABLE,
                        "the header row (line 1) is longer than 1 MB", List.of()),
                new Case("a 10 MB field in a row", BrokenFilesCorpusTest::tenMegabyteField, FileStatus.PROCESSED, null,
                        List.of(RowReason.MALFORMED_ROW)),
                new Case("semicolon delimiter", resource("semicolon.csv"), FileStatus.UNREADABLE,
                        "looks like semicolon-separated text: save the sheet as “CSV UTF-8”", List.of()),
                new Case("tab delimiter", resource("tab.csv"), FileStatus.UNREADABLE,
                        "looks like tab-separated text: save the sheet as “CSV UTF-8”", List.of()),
                new Case("mixed line ends", resource("mixed-line-ends.csv"), FileStatus.PROCESSED, null, accepted(4)),
                new Case("UTF-16 with a BOM", resource("utf16-bom.csv"), FileStatus.UNREADABLE,
                        "UTF-16 text (Excel’s “Unicode text”): save it as “CSV UTF-8”", List.of()),
                new Case("UTF-16 without a BOM", resource("utf16le-no-bom.csv"), FileStatus.UNREADABLE,
                        "UTF-16 text", List.of()),
                new Case("UTF-8 BOM in front of GB18030 bytes", resource("bom-then-gb18030.csv"), FileStatus.UNREADABLE,
                        "starts with a UTF-8 byte-order mark but byte", List.of()),
                new Case("GB18030 with Chinese headers", resource("gb18030.csv"), FileStatus.PROCESSED, null, accepted(1)),
                new Case("duplicated header row", resource("duplicated-header.csv"), FileStatus.PROCESSED, null,
                        Arrays.asList(null, RowReason.UNKNOWN_COUNTY, null)),
                new Case("extra columns", resource("extra-columns.csv"), FileStatus.PROCESSED,
                        "extra columns ignored: 填报人, #8", accepted(1)),
                new Case("missing required column", resource("missing-value-column.csv"), FileStatus.UNREADABLE,
                        "the header lacks value (数值)", List.of()),
                new Case("a folder where a submission should be", Files::createDirectory, FileStatus.UNREADABLE,
                        "not a regular file but a folder", List.of()),
                new Case("a link to a file that is not there", target -> Files.createSymbolicLink(target, target.resolveSibling("gone.bin")),
                        FileStatus.UNREADABLE, "not a regular file but a symbolic link", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBrokenFileGetsItsOutcome(Case c, @TempDir Path folder) throws Exception {
        c.maker().make(folder.resolve(NAME));

        SubmissionFile file = catalogue(folder);
        assertThat(file.status()).as(c.name() + ": " + file.reason()).isEqualTo(c.status());
        if (c.reasonHas() != null) {
            assertThat(en(file.reason())).contains(c.reasonHas());
        } else {
            assertThat(file.reason()).isNull();
        }
        List<RowOutcome> outcomes = file.status() == FileStatus.PROCESSED ? readAndValidate(folder, file) : List.of();
        assertThat(outcomes).extracting(RowOutcome::reason).as(c.name()).containsExactlyElementsOf(c.outcomes());
    }

    @Test
    void aFileCutInsideAQuotedFieldKeepsTheRowsBeforeTheBreak(@TempDir Path folder) throws Exception {
        resource("cut-inside-quotes.csv").make(folder.resolve(NAME));
        List<RowOutcome> outcomes = readAndValidate(folder, catalogue(folder));
        assertThat(outcomes.get(0).row().line()).isEqualTo(2);
        assertThat(outcomes.get(1).row().line()).isEqualTo(3);
        assertThat(outcomes.get(1).message()).isEqualTo(Detail.of("unclosed.quote"));
    }

    @Test
    void mixedLineEndsKeepPhysicalLineNumbers(@TempDir Path folder) throws Exception {
        resource("mixed-line-ends.csv").make(folder.resolve(NAME));
        assertThat(readAndValidate(folder, catalogue(folder))).extracting(o -> o.row().line()).containsExactly(2L, 3L, 4L, 6L);
    }

    @Test
    void aRecordOfTenMegabytesIsMalformedWithItsFirstHundredCharacters(@TempDir Path folder) throws Exception {
        tenMegabyteField(folder.resolve(NAME));
        RowOutcome only = readAndValidate(folder, catalogue(folder)).get(0);
        assertThat(only.reason()).isEqualTo(RowReason.MALFORMED_ROW);
        assertThat(only.message()).isEqualTo(Detail.of("record.too.long", 2));
        assertThat(only.row().line()).isEqualTo(2);
        assertThat(only.row().value()).hasSize(100).startsWith("150902,TECH_INCUBATORS,2023,1,家,\"很长的备注").endsWith("…");
    }

    @Test
    void aFileWithoutReadPermissionIsUnreadable(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(NAME);
        resource("header-only.csv").make(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        boolean stillReadable;
        try (InputStream in = Files.newInputStream(file)) {
            stillReadable = true;
        } catch (IOException e) {
            stillReadable = false;
        }
        // The catalogue never throws, whoever runs it.
        SubmissionFile seen = catalogue(folder);
        assumeFalse(stillReadable, "running as root: chmod 000 does not stop root from reading, so the permission check"
                + " cannot fail here (the broken-link case covers a file that cannot be opened)");
        assertThat(seen.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(en(seen.reason())).contains("no read permission");
    }

    static SubmissionFile catalogue(Path folder) {
        SubmissionCatalogue.Result result = SubmissionCatalogue.of(folder, REFERENCE.registry());
        return result.files().stream().filter(f -> f.name().equals(NAME)).findFirst().orElseThrow();
    }

    static List<RowOutcome> readAndValidate(Path folder, SubmissionFile file) throws Exception {
        RowValidator validator = new RowValidator(REFERENCE.registry(), REFERENCE.catalog(), "2023");
        List<RowOutcome> outcomes = new ArrayList<>();
        try (SubmissionReader reader = new SubmissionReader(folder.resolve(file.name()), file.countyCode(),
                SubmissionCatalogue.encodingOf(file.encoding()))) {
            reader.forEachRemaining(row -> outcomes.add(validator.validate(row)));
        }
        return outcomes;
    }

    static void binaryGarbage(Path target) throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(20231231L).nextBytes(bytes);
        Files.write(target, bytes);
    }

    static void tenMegabyteLine(Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] chunk = "数值".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 10L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
        }
    }

    static void tenMegabyteField(Path target) {
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write("county_code,indicator_code,period,value,unit,remark\n150902,TECH_INCUBATORS,2023,1,家,\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "很长的备注,\"\"引号\"\"".repeat(500).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 10L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a check found, in the English bundle's words. */
    private static String en(Detail detail) {
        return Wording.of("en").detail(detail);
    }
}
