package cn.ulanqab.stats.sample;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed sample (input/2023/, input/2024-06/, input/targets/, input/base/ and input/README.md) is exactly what the
 * generator writes.
 */
class SampleInputTest {

    private static final Path INPUT = Path.of("input");

    @Test
    void shippedSampleIsWhatTheGeneratorWrites() throws IOException {
        Map<String, byte[]> generated = SampleInputGenerator.generate(INPUT);

        TreeSet<String> shipped = new TreeSet<>();
        for (String folder : List.of(SampleInputGenerator.PERIOD, SampleInputGenerator.Targets2024.PERIOD, "targets", "base")) {
            try (Stream<Path> files = Files.list(INPUT.resolve(folder))) {
                files.filter(Files::isRegularFile).forEach(p -> shipped.add(folder + "/" + p.getFileName()));
            }
        }
        shipped.add("README.md");

        String regenerate = " (regenerate: mvn -q test-compile && java -cp target/test-classes "
                + "cn.ulanqab.stats.sample.SampleInputGenerator input)";
        assertEquals(new TreeSet<>(generated.keySet()), shipped, "the set of shipped files" + regenerate);
        for (Map.Entry<String, byte[]> e : generated.entrySet()) {
            Path file = INPUT.resolve(e.getKey());
            byte[] actual = Files.readAllBytes(file);
            if (!Arrays.equals(e.getValue(), actual)) {
                // a readable diff for text files, then the exact byte comparison
                assertEquals(new String(e.getValue(), StandardCharsets.ISO_8859_1),
                        new String(actual, StandardCharsets.ISO_8859_1), file + " differs" + regenerate);
            }
            assertArrayEquals(e.getValue(), actual, file + " differs" + regenerate);
        }
    }

    @Test
    void generationIsDeterministic() {
        Map<String, byte[]> first = SampleInputGenerator.generate(INPUT);
        Map<String, byte[]> second = SampleInputGenerator.generate(INPUT);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));
    }
}
