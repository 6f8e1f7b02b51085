package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.SubmissionCatalogue;
import cn.ulanqab.stats.submission.SubmissionFile;
import cn.ulanqab.stats.submission.SubmittedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionRowsReaderTest {

    @TempDir
    Path folder;

    /** Row counts around the parser's hand-over size (512), an empty file among them. */
    private List<SubmissionFile> files() throws IOException {
        int[] rows = {511, 1, 0, 700, 512};
        List<SubmissionFile> files = new ArrayList<>();
        for (int f = 0; f < rows.length; f++) {
            String county = "15090" + (f + 1);
            StringBuilder text = new StringBuilder("county_code,indicator_code,period,value,unit,remark\n");
            for (int i = 0; i < rows[f]; i++) {
                text.append(county).append(",IND_").append(i).append(",2023,").append(i).append(",个,\n");
            }
            Files.writeString(folder.resolve(county + ".csv"), text, StandardCharsets.UTF_8);
            files.add(new SubmissionFile(county + ".csv", null, county, 1, FileStatus.PROCESSED, "UTF-8", null));
        }
        return files;
    }

    /** The counts of rows read as the committed chunks stored them (the database's SUBMISSION_FILE_READ). */
    private final Map<String, Long> stored = new HashMap<>();

    private final SubmissionRowsReader.ReadCounts counts = new SubmissionRowsReader.ReadCounts() {
        @Override
        public Map<String, Long> stored(List<String> files) {
            Map<String, Long> mine = new HashMap<>(stored);
            mine.keySet().retainAll(files);
            return mine;
        }

        @Override
        public void store(Map<String, Long> changed) {
            stored.putAll(changed);
        }
    };

    private SubmissionRowsReader reader(List<SubmissionFile> files) {
        return new SubmissionRowsReader(folder, files, Map.of(), (file, savePosition) -> savePosition.run(), () -> {
        }, counts);
    }

    private static List<SubmittedRow> readAll(SubmissionRowsReader reader) {
        List<SubmittedRow> rows = new ArrayList<>();
        for (SubmittedRow row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void readsEveryRowOfEveryFileInOrderAndCountsThemPerFile() throws IOException {
        SubmissionRowsReader reader = reader(files());
        ExecutionContext context = new ExecutionContext();
        reader.open(context);

        List<SubmittedRow> rows = readAll(reader);
        reader.update(context);
        reader.close();

        assertThat(rows).hasSize(511 + 1 + 700 + 512);
        assertThat(rows.get(511).file()).isEqualTo("150902.csv");
        assertThat(rows.get(512).file()).isEqualTo("150904.csv");
        assertThat(rows.get(512).line()).isEqualTo(2);
        assertThat(rows.get(rows.size() - 1).indicatorCode()).isEqualTo("IND_511");
        assertThat(stored).isEqualTo(Map.of(
                "150901.csv", 511L, "150902.csv", 1L, "150903.csv", 0L, "150904.csv", 700L, "150905.csv", 512L));
    }

    @Test
    void resumesAfterTheRowsOfTheSavedPositionNotAfterWhatWasParsedAhead() throws IOException {
        List<SubmissionFile> files = files();
        SubmissionRowsReader first = reader(files);
        ExecutionContext saved = new ExecutionContext();
        first.open(saved);
        for (int i = 0; i < 600; i++) {
            first.read();
        }
        first.update(saved);
        first.close();

        SubmissionRowsReader resumed = reader(files);
        resumed.open(saved);
        List<SubmittedRow> rest = readAll(resumed);
        resumed.update(saved);
        resumed.close();

        assertThat(rest).hasSize(511 + 1 + 700 + 512 - 600);
        assertThat(rest.get(0).file()).isEqualTo("150904.csv");
        assertThat(rest.get(0).line()).as("600 = 511 + 1 + 88 rows of 150904.csv").isEqualTo(2 + 88);
        assertThat(stored).as("the counts stored before the restart, and those after it, of every row once")
                .containsEntry("150901.csv", 511L).containsEntry("150904.csv", 700L).containsEntry("150905.csv", 512L);
    }

    @Test
    void aFileEditedWhileItIsReadStopsTheReaderWhichDiscardsItsRowsAndStartsItAgain() throws IOException {
        // 40,000 rows: the parser, at most some 16,000 rows ahead of the step, reaches the edited line after the edit
        StringBuilder text = new StringBuilder("county_code,indicator_code,period,value,unit,remark\n");
        for (int i = 0; i < 40_000; i++) {
            text.append("150901,IND_").append(i).append(",2023,").append(i).append(",个,\n");
        }
        Path file = Files.writeString(folder.resolve("150901.csv"), text, StandardCharsets.UTF_8);
        List<SubmissionFile> files = List.of(new SubmissionFile("150901.csv", null, "150901", 1, FileStatus.PROCESSED, "UTF-8", null));
        List<String> discarded = new ArrayList<>();
        int[] positionsSaved = {0};
        SubmissionRowsReader reader = new SubmissionRowsReader(folder, files, Map.of("150901.csv", SubmissionCatalogue.sha256(file)),
                (name, savePosition) -> {
                    discarded.add(name);
                    stored.put(name, 0L);
                    savePosition.run();
                }, () -> positionsSaved[0]++, counts);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        for (int i = 0; i < 300; i++) {
            reader.read();
        }
        reader.update(context); // a chunk of 300 rows committed
        assertThat(stored).containsEntry("150901.csv", 300L);
        // the county's office saves the file again with one figure changed, in place
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(",2023,39998,");
        try (RandomAccessFile edit = new RandomAccessFile(file.toFile(), "rw")) {
            edit.seek(at + ",2023,3999".length());
            edit.write('7');
        }

        assertThatThrownBy(() -> readAll(reader)).isInstanceOf(SubmissionRowsReader.FileChangedWhileRead.class)
                .hasMessageContaining("150901.csv: changed while it was read").hasMessageContaining("start again");
        reader.close();

        assertThat(discarded).containsExactly("150901.csv");
        assertThat(positionsSaved[0]).isEqualTo(1);
        reader.update(context); // what saves the context after the failure saves the same position and counts
        assertThat(stored).containsEntry("150901.csv", 0L);
        SubmissionRowsReader again = reader(files);
        again.open(context);
        assertThat(again.read().line()).as("the next start reads the file from its first row").isEqualTo(2);
        again.close();
    }

    @Test
    void aFileThatCannotBeReadAgainStopsTheStepNamingIt() throws IOException {
        List<SubmissionFile> files = files();
        Files.delete(folder.resolve("150904.csv"));
        SubmissionRowsReader reader = reader(files);
        reader.open(new ExecutionContext());
        for (int i = 0; i < 512; i++) {
            reader.read();
        }

        assertThatThrownBy(reader::read).isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("cannot read 150904.csv again");
        assertThatThrownBy(reader::read).as("and again on the next call").hasMessageContaining("cannot read 150904.csv again");
        reader.close();
    }
}
