package cn.ulanqab.stats.batch;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The partitions of readAndValidateSubmissions: min(files, 4 × workers) of them, balanced by bytes, a file never in
 * two. Four per worker, so that a worker that is done early takes another while a large file is still being read.
 * The largest files are placed first, each into the partition that holds the fewest bytes so far (ties: the fewer
 * files, then the lower partition); a partition reads its files in ledger order. The same files and sizes always make the same partitions,
 * which a restart relies on (Spring Batch partitions again and keeps the partitions that completed).
 */
final class FilePartitioner implements Partitioner {

    /** The partition's files, in its context: names joined by '/', which no file name holds. */
    private static final String FILES = "partition.files";
    private static final String SEPARATOR = "/";

    /** A file to read and its size in bytes. */
    record SizedFile(String name, long bytes) {
    }

    private final List<SizedFile> files;

    /** @param files the files to read, in ledger order */
    FilePartitioner(List<SizedFile> files) {
        this.files = List.copyOf(files);
    }

    /** @param workers the number of workers (Spring Batch's grid size) */
    @Override
    public Map<String, ExecutionContext> partition(int workers) {
        List<List<String>> parts = split(files, workers);
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        int digits = String.valueOf(Math.max(parts.size() - 1, 0)).length();
        for (int i = 0; i < parts.size(); i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(FILES, String.join(SEPARATOR, parts.get(i)));
            contexts.put("partition" + "0".repeat(digits - String.valueOf(i).length()) + i, context);
        }
        return contexts;
    }

    /** The files of each partition, in ledger order; no partition is empty (none at all without files). */
    static List<List<String>> split(List<SizedFile> files, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker, not " + workers);
        }
        int count = (int) Math.min(files.size(), 4L * workers);
        long[] bytes = new long[count];
        int[] filesIn = new int[count];
        int[] partitionOf = new int[files.size()];
        Integer[] largestFirst = IntStream.range(0, files.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(largestFirst, Comparator.comparingLong((Integer i) -> files.get(i).bytes()).reversed()
                .thenComparingInt(i -> i));
        for (int i : largestFirst) {
            int least = 0;
            for (int p = 1; p < count; p++) {
                if (bytes[p] < bytes[least] || bytes[p] == bytes[least] && filesIn[p] < filesIn[least]) {
                    least = p;
                }
            }
            bytes[least] += files.get(i).bytes();
            filesIn[least]++;
            partitionOf[i] = least;
        }
        List<List<String>> parts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < files.size(); i++) {
            parts.get(partitionOf[i]).add(files.get(i).name());
        }
        return parts;
    }

    /** The files of a partition, from its context. */
    static List<String> filesOf(ExecutionContext partition) {
        String names = partition.getString(FILES, "");
        return names.isEmpty() ? List.of() : List.of(names.split(SEPARATOR));
    }
}
