package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html stays bounded whatever the number of figures: one city with 100,000 printed figures, every one of them
 * MATCH, is reconciled by the real jar under -Xmx512m, and the page lists at most 300 of them, counting the rest.
 * Tagged "large" (about 80 s on two cores, which the eight minutes of {@code mvn verify} cannot spare): {@code .ci/run}
 * runs it with {@code mvn verify -Plarge}.
 */
@Tag("large")
class ManyPublishedFiguresIT {

    static final int FIGURES = Integer.getInteger("many.figures", 100_000);

    @TempDir
    Path work;

    @Test
    void aHundredThousandMatchingFiguresOfOneCityAreReportedIn512Megabytes() throws Exception {
        Path input = JobRun.copyShippedInput(work.resolve("input"));
        List<String> counties = List.of("150902", "150921", "150922", "150923", "150924", "150925", "150926", "150927",
                "150928", "150929", "150981");
        try (var old = Files.list(input.resolve("2023"))) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        // the shipped base and target files name the shipped catalog's indicators, which this catalog replaces
        for (String folder : List.of("base", "targets")) {
            try (var files = Files.walk(input.resolve(folder))) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (BufferedWriter catalog = Files.newBufferedWriter(input.resolve("reference/indicators.csv"), StandardCharsets.UTF_8);
             BufferedWriter published = Files.newBufferedWriter(input.resolve("published/2023.csv"), StandardCharsets.UTF_8)) {
            catalog.write("code,name_zh,name_en,unit,value_type,level,aggregation,formula\n");
            published.write("indicator_code,period,published_text,section,quote\n");
            for (int i = 0; i < FIGURES; i++) {
                String code = code(i);
                catalog.write(code + ",指标" + i + ",Indicator " + i + ",个,INTEGER,COUNTY,SUM,\n");
                long sum = (long) counties.size() * value(i);
                published.write(code + ",2023," + sum + "个,一(" + (i % 7 + 1) + "),指标" + i + "共" + sum + "个\n");
            }
        }
        for (String county : counties) {
            try (BufferedWriter w = Files.newBufferedWriter(input.resolve("2023/" + county + ".csv"), StandardCharsets.UTF_8)) {
                w.write("county_code,indicator_code,period,value,unit,remark\n");
                for (int i = 0; i < FIGURES; i++) {
                    w.write(county + "," + code(i) + ",2023," + value(i) + ",个,\n");
                }
            }
        }
        Files.writeString(input.resolve("reference/report-phrases.csv"), "indicator_code,phrase\n", StandardCharsets.UTF_8);

        Path output = work.resolve("output");
        long started = System.nanoTime();
        JarProcess job = JarProcess.start(List.of("-Xmx512m"), "--input=" + input, "--output=" + output);
        long peakKb = 0;
        while (job.process.isAlive()) {
            peakKb = Math.max(peakKb, LargeSubmissionFolderIT.peakRssKb(job.process.pid()));
            Thread.sleep(500);
        }
        int status = job.waitFor(Duration.ofMinutes(1));
        System.out.printf("MANY FIGURES: %d figures, exit status %d, %d s, peak RSS %d MB%n", FIGURES, status,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), peakKb / 1024);

        assertThat(status).as(job.console()).isZero();
        assertThat(job.console()).contains(String.format("%,d MATCH", FIGURES)).doesNotContain("OutOfMemoryError");
        String html = Files.readString(output.resolve("2023/report.html"), StandardCharsets.UTF_8);
        assertThat(html.split("<span class=\"status MATCH\">MATCH</span>", -1)).as("at most 300 figures listed, and the summary").hasSize(302);
        assertThat(html).contains(String.format("此处列出 %,d 项中的前 300 项；全部见 reconciliation.csv 与 report.xlsx", FIGURES))
                .contains("<td>一(1)</td>");
        assertThat(Files.size(output.resolve("2023/report.html"))).isLessThan(2_000_000);
        try (var lines = Files.lines(output.resolve("2023/reconciliation.csv"), StandardCharsets.UTF_8)) {
            assertThat(lines.count()).isEqualTo(FIGURES + 1);
        }
    }

    private static String code(int i) {
        return String.format("F%06d", i);
    }

    private static int value(int i) {
        return i % 97 + 1;
    }
}
