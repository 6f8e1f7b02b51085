package cn.ulanqab.stats.submission;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.report.Wording;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SubmissionCatalogueTest {

    private static final Registry REGISTRY = ReferenceData.load(Path.of("input/reference")).registry();
    private static final String GOOD = "county_code,indicator_code,period,value\n150921,MEAT_OUTPUT,2023,1\n";

    @TempDir
    Path folder;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Map<String, SubmissionFile> byName(List<SubmissionFile> files) {
        return files.stream().filter(f -> !f.name().isEmpty())
                .collect(Collectors.toMap(SubmissionFile::name, Function.identity()));
    }

    private static List<String> missingCodes(List<SubmissionFile> files) {
        return files.stream().filter(f -> f.status() == FileStatus.MISSING).map(SubmissionFile::countyCode).toList();
    }

    @Test
    void usesTheResubmissionAndSupersedesTheFirstFile() throws IOException {
        file("150921.csv", GOOD);
        file("150921-v2.csv", GOOD);
        Map<String, SubmissionFile> files = byName(SubmissionFolder.scan(folder, REGISTRY));
        assertThat(files.get("150921-v2.csv").status()).isEqualTo(FileStatus.PROCESSED);
        assertThat(files.get("150921-v2.csv").version()).isEqualTo(2);
        assertThat(files.get("150921.csv").status()).isEqualTo(FileStatus.SUPERSEDED);
        assertThat(files.get("150921.csv").version()).isEqualTo(1);
        assertThat(en(files.get("150921.csv").reason())).contains("150921-v2.csv");
    }

    @Test
    void comparesVersionsAsNumbersNotText() throws IOException {
        file("150922-v9.csv", GOOD);
        file("150922-v10.csv", GOOD);
        file("150922-v2.csv", GOOD);
        Map<String, SubmissionFile> files = byName(SubmissionFolder.scan(folder, REGISTRY));
        assertThat(files.get("150922-v10.csv").status()).isEqualTo(FileStatus.PROCESSED);
        assertThat(files.get("150922-v9.csv").status()).isEqualTo(FileStatus.SUPERSEDED);
        assertThat(files.get("150922-v2.csv").status()).isEqualTo(FileStatus.SUPERSEDED);
        assertThat(en(files.get("150922-v9.csv").reason())).contains("150922-v10.csv");
    }

    @Test
    void recordsUnknownCodesAndOtherFilesAsUnrecognized() throws IOException {
        file("150999.csv", GOOD);
        file("notes.txt", "hello");
        file("150921.xlsx", "binary");
        Map<String, SubmissionFile> files = byName(SubmissionFolder.scan(folder, REGISTRY));
        assertThat(files.get("150999.csv").status()).isEqualTo(FileStatus.UNRECOGNIZED);
        assertThat(en(files.get("150999.csv").reason())).contains("150999");
        assertThat(files.get("notes.txt").status()).isEqualTo(FileStatus.UNRECOGNIZED);
        assertThat(files.get("150921.xlsx").status()).isEqualTo(FileStatus.UNRECOGNIZED);
        // an unrecognized file does not stand in for its unit
        assertThat(missingCodes(SubmissionFolder.scan(folder, REGISTRY))).contains("150921");
    }

    @Test
    void listsOneMissingRowPerUnitWithoutFileIncludingTheCity() throws IOException {
        file("150921.csv", GOOD);
        file("150922-v2.csv", GOOD);
        List<SubmissionFile> files = SubmissionFolder.scan(folder, REGISTRY);
        List<String> missing = missingCodes(files);
        assertThat(missing).hasSize(10).doesNotHaveDuplicates().contains("150900", "150902", "150981")
                .doesNotContain("150921", "150922");
        assertThat(files).filteredOn(f -> f.status() == FileStatus.MISSING)
                .allSatisfy(f -> assertThat(f.path()).isNull());
    }

    @Test
    void emptyFolderHasTwelveMissingUnits() {
        assertThat(missingCodes(SubmissionFolder.scan(folder, REGISTRY))).hasSize(12);
    }

    @Test
    void cityFileIsASubmission() throws IOException {
        file("150900.csv", "county_code,indicator_code,period,value\n150900,HOTLINE_APPEALS,2023,1\n");
        SubmissionCatalogue.Result result = SubmissionCatalogue.of(folder, REGISTRY);
        assertThat(byName(result.files()).get("150900.csv").status()).isEqualTo(FileStatus.PROCESSED);
        assertThat(missingCodes(result.files())).doesNotContain("150900").hasSize(11);
    }

    @Test
    void folderNamedLikeASubmissionIsUnreadable() throws IOException {
        Files.createDirectory(folder.resolve("150921.csv"));
        SubmissionCatalogue.Result result = SubmissionCatalogue.of(folder, REGISTRY);
        SubmissionFile f = byName(result.files()).get("150921.csv");
        assertThat(f.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(en(f.reason())).contains("folder");
        assertThat(result.sha256ByName()).doesNotContainKey("150921.csv");
    }

    @Test
    void fileWithoutRequiredColumnsIsUnreadableWithReason() throws IOException {
        file("150921.csv", "name,amount\nmeat,12\n");
        SubmissionFile f = byName(SubmissionCatalogue.of(folder, REGISTRY).files()).get("150921.csv");
        assertThat(f.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(en(f.reason())).contains("county_code").contains("period");
        assertThat(f.encoding()).isEqualTo("UTF-8");
    }

    @Test
    void undecodableFileIsUnreadable() throws IOException {
        Files.write(folder.resolve("150921.csv"), new byte[]{'a', ',', (byte) 0x80, (byte) 0xFF, '\n'});
        SubmissionFile f = byName(SubmissionCatalogue.of(folder, REGISTRY).files()).get("150921.csv");
        assertThat(f.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(f.encoding()).isNull();
        assertThat(en(f.reason())).isNotBlank();
    }

    @Test
    void unreadableFileStillCountsAsSentNotMissing() throws IOException {
        file("150921.csv", "name,amount\n");
        assertThat(missingCodes(SubmissionCatalogue.of(folder, REGISTRY).files())).doesNotContain("150921");
    }

    @Test
    void processedFileCarriesItsEncoding() throws IOException {
        file("150921.csv", "\uFEFF" + GOOD);
        file("150922.csv", GOOD);
        Map<String, SubmissionFile> files = byName(SubmissionCatalogue.of(folder, REGISTRY).files());
        assertThat(files.get("150921.csv").encoding()).isEqualTo("UTF-8-BOM");
        assertThat(files.get("150922.csv").encoding()).isEqualTo("UTF-8");
        assertThat(SubmissionCatalogue.encodingOf("UTF-8-BOM").bom()).isTrue();
        assertThat(SubmissionCatalogue.encodingOf("GB18030").charset()).isEqualTo(SubmissionEncoding.GB18030);
    }

    @Test
    void recordsSha256OfEveryFile() throws Exception {
        Path good = file("150921.csv", GOOD);
        file("150921-v2.csv", GOOD + "150921,MILK_OUTPUT,2023,2\n");
        file("notes.txt", "hello");
        SubmissionCatalogue.Result result = SubmissionCatalogue.of(folder, REGISTRY);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(good)));
        assertThat(result.sha256ByName()).containsEntry("150921.csv", expected);
        assertThat(result.sha256ByName()).containsKeys("150921-v2.csv", "notes.txt");
        assertThat(result.sha256ByName().values()).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(result.sha256ByName().get("150921-v2.csv")).isNotEqualTo(expected);
        assertThat(SubmissionCatalogue.sha256(folder.resolve("notes.txt")))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void everyFileFoundIsInTheLedgerOnce() throws IOException {
        file("150921.csv", GOOD);
        file("150921-v2.csv", GOOD);
        file("150999.csv", GOOD);
        file("notes.txt", "x");
        file("150922.csv", "nonsense\n");
        List<SubmissionFile> files = SubmissionCatalogue.of(folder, REGISTRY).files();
        assertThat(files).filteredOn(f -> !f.name().isEmpty())
                .extracting(SubmissionFile::name, SubmissionFile::status)
                .containsExactly(
                        tuple("150921-v2.csv", FileStatus.PROCESSED),
                        tuple("150921.csv", FileStatus.SUPERSEDED),
                        tuple("150922.csv", FileStatus.UNREADABLE),
                        tuple("150999.csv", FileStatus.UNRECOGNIZED),
                        tuple("notes.txt", FileStatus.UNRECOGNIZED));
        assertThat(missingCodes(files)).hasSize(10);
    }

    /** What a check found, in the English bundle's words. */
    private static String en(Detail detail) {
        return Wording.of("en").detail(detail);
    }
}
