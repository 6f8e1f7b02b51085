package cn.ulanqab.stats.files;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvOutputTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("output").resolve("2023").resolve("reconciliation.csv");
    }

    private String writeOne(String cell) throws IOException {
        CsvOutput.write(out(), List.of("a"), List.of(List.of(cell)));
        return Files.readString(out(), StandardCharsets.UTF_8);
    }

    private List<CSVRecord> records(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(text.substring(1), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void startsWithUtf8Bom() throws IOException {
        CsvOutput.write(out(), List.of("indicator_code", "name_zh"), List.of(List.of("MEAT_OUTPUT", "肉类产量")));
        byte[] bytes = Files.readAllBytes(out());
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFindicator_code,name_zh\r\nMEAT_OUTPUT,肉类产量\r\n");
    }

    @ParameterizedTest(name = "''{0}'' gets an apostrophe")
    @ValueSource(strings = {"=SUM(A1:A9)", "+5", "-", "-x", "@cmd", "\tdata", "-1e5", "+12", "-12.", "=1"})
    void guardsCellsThatASpreadsheetWouldRun(String cell) {
        assertThat(CsvOutput.safe(cell)).isEqualTo("'" + cell);
    }

    @Test
    void guardsCellStartingWithCarriageReturnAndQuotesIt() throws IOException {
        String text = writeOne("\rabc");
        assertThat(text).isEqualTo("\uFEFFa\r\n\"'\rabc\"\r\n");
    }

    @ParameterizedTest(name = "''{0}'' stays as it is")
    @ValueSource(strings = {"-12.5", "-3", "-0.004000", "12", "0", "肉类产量", "a=b", "1.39万户", "'quoted"})
    void leavesNumbersAndHarmlessCellsAlone(String cell) {
        assertThat(CsvOutput.safe(cell)).isEqualTo(cell);
    }

    @Test
    void writesNullAsEmptyCell() throws IOException {
        CsvOutput.write(out(), List.of("a", "b", "c"), List.of(Arrays.asList("x", null, ""), Arrays.asList(null, "y", null)));
        List<CSVRecord> records = records(out());
        assertThat(records.get(1).toList()).containsExactly("x", "", "");
        assertThat(records.get(2).toList()).containsExactly("", "y", "");
        assertThat(Files.readString(out())).startsWith("\uFEFFa,b,c\r\nx,,\r\n");
    }

    @Test
    void guardedCellIsWrittenToTheFile() throws IOException {
        assertThat(writeOne("=HYPERLINK(\"x\")")).isEqualTo("\uFEFFa\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n");
        assertThat(writeOne("-12.5")).isEqualTo("\uFEFFa\r\n-12.5\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksPerRfc4180() throws IOException {
        CsvOutput.write(out(), List.of("x", "y", "z", "w"),
                List.of(List.of("150921;150922", "说 \"约\" 3万人", "a,b", "two\nlines")));
        String text = Files.readString(out());
        assertThat(text).isEqualTo("\uFEFFx,y,z,w\r\n150921;150922,\"说 \"\"约\"\" 3万人\",\"a,b\",\"two\nlines\"\r\n");
        List<CSVRecord> records = records(out());
        assertThat(records.get(1).toList()).containsExactly("150921;150922", "说 \"约\" 3万人", "a,b", "two\nlines");
    }

    @Test
    void sameInputGivesByteIdenticalFiles() throws IOException {
        List<List<String>> rows = List.of(List.of("A", "1"), List.of("B", "-2.5"));
        CsvOutput.write(out(), List.of("k", "v"), rows);
        byte[] first = Files.readAllBytes(out());
        CsvOutput.write(out(), List.of("k", "v"), rows);
        assertThat(Files.readAllBytes(out())).isEqualTo(first);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Files.createDirectories(out().getParent());
        Files.writeString(out(), "old content that is longer than the new one, much longer, really");
        CsvOutput.write(out(), List.of("a"), List.of(List.of("new")));
        assertThat(Files.readString(out())).isEqualTo("\uFEFFa\r\nnew\r\n");
        try (Stream<Path> files = Files.list(out().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("reconciliation.csv");
        }
    }

    @Test
    void atomicWriteCreatesTheFolder() throws IOException {
        Path target = dir.resolve("new").resolve("file.txt");
        AtomicFiles.write(target, o -> o.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("hello");
    }

    @Test
    void failedWriteKeepsTheOldFileWholeAndLeavesNoPart() throws IOException {
        Path target = dir.resolve("out").resolve("file.txt");
        AtomicFiles.write(target, o -> o.write("old".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> AtomicFiles.write(target, o -> {
            o.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("file.txt");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("file.txt");
        }
        Path scratch = dir.resolve(".out.writing");
        if (Files.exists(scratch)) {
            try (Stream<Path> parts = Files.list(scratch)) {
                assertThat(parts).isEmpty();
            }
        }
    }

    @Test
    void streamedRowsOfCodesAndNumbersAreTheBytesThePrinterWrites() throws IOException {
        List<List<String>> rows = List.of(List.of("IND_0001", "110100", "110101", "3235"), List.of("IND_0003", "110100", "110101", "92879.43"),
                List.of("IND_0004", "", "110101", "-3.5"), List.of("IND_0005", "110100", "110101", "=1+1"),
                List.of("X", "a,b", "\"q\"", " 7"), List.of("A.B_C", "肉类", "1e5", "0.004000"));
        Path streamed = dir.resolve("streamed.csv");
        CsvOutput.write(streamed, List.of("indicator_code", "region_code", "county_code", "value"), each -> rows.forEach(each));
        CsvOutput.write(out(), List.of("indicator_code", "region_code", "county_code", "value"), rows);

        assertThat(Files.readAllBytes(streamed)).isEqualTo(Files.readAllBytes(out()));
        assertThat(CsvOutput.plain(rows.get(0))).isTrue();
        assertThat(CsvOutput.plain(rows.get(2))).as("an empty cell and a negative number go through the printer").isFalse();
        assertThat(records(streamed).get(5).toList()).containsExactly("X", "a,b", "\"q\"", " 7");
    }

    @Test
    void outputsGetThePermissionsOfAnyNewFileNotThoseOfATemporaryOne() throws IOException {
        CsvOutput.write(out(), List.of("a"), List.of(List.of("1")));
        Path plain = Files.createFile(dir.resolve("plain.txt"));

        assertThat(Files.getPosixFilePermissions(out())).as("what the umask gives every new file")
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
