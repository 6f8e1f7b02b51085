package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilePartitionerTest {

    private static List<FilePartitioner.SizedFile> files(long... sizes) {
        return IntStream.range(0, sizes.length).mapToObj(i -> new FilePartitioner.SizedFile("15090" + i + ".csv", sizes[i])).toList();
    }

    @Test
    void makesFourPartitionsPerWorkerAtMostAndNeverMoreThanFiles() {
        assertThat(FilePartitioner.split(files(new long[40]), 2)).hasSize(8);
        assertThat(FilePartitioner.split(files(5, 5, 5), 2)).hasSize(3);
        assertThat(FilePartitioner.split(files(), 2)).isEmpty();
    }

    @Test
    void putsEveryFileInExactlyOnePartitionInLedgerOrderAndLeavesNoneEmpty() {
        List<FilePartitioner.SizedFile> files = files(0, 0, 0, 0, 0, 7, 0);
        List<List<String>> parts = FilePartitioner.split(files, 1);

        assertThat(parts).hasSize(4).allSatisfy(p -> assertThat(p).isNotEmpty());
        List<String> all = new ArrayList<>();
        parts.forEach(all::addAll);
        assertThat(all).containsExactlyInAnyOrderElementsOf(files.stream().map(FilePartitioner.SizedFile::name).toList());
        parts.forEach(p -> assertThat(p).isSorted());
    }

    @Test
    void balancesByBytesLargestFilesFirst() {
        // 100 alone; then 60 + 10 + 10, 50 + 20 + 5, 40 + 30 + 5: each file into the lightest partition so far
        List<List<String>> parts = FilePartitioner.split(files(100, 60, 50, 40, 30, 20, 10, 10, 5, 5), 1);
        Map<String, Long> size = Map.of("150900.csv", 100L, "150901.csv", 60L, "150902.csv", 50L, "150903.csv", 40L, "150904.csv", 30L,
                "150905.csv", 20L, "150906.csv", 10L, "150907.csv", 10L, "150908.csv", 5L, "150909.csv", 5L);
        List<Long> bytes = parts.stream().map(p -> p.stream().mapToLong(size::get).sum()).toList();

        assertThat(bytes).containsExactly(100L, 80L, 75L, 75L);
        assertThat(parts.get(0)).containsExactly("150900.csv");
    }

    @Test
    void makesTheSamePartitionsAgainForARestart() {
        List<FilePartitioner.SizedFile> files = files(9, 3, 3, 8, 1, 1, 4, 4, 2);
        FilePartitioner partitioner = new FilePartitioner(files);

        Map<String, ExecutionContext> first = partitioner.partition(2);
        Map<String, ExecutionContext> again = new FilePartitioner(files).partition(2);

        assertThat(again.keySet()).containsExactlyElementsOf(first.keySet()).containsExactly("partition0", "partition1",
                "partition2", "partition3", "partition4", "partition5", "partition6", "partition7");
        first.forEach((name, context) -> assertThat(FilePartitioner.filesOf(again.get(name))).isEqualTo(FilePartitioner.filesOf(context)));
    }

    @Test
    void refusesNoWorkers() {
        assertThatThrownBy(() -> FilePartitioner.split(files(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
