package cn.ulanqab.stats.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NightArchiveTest {

    static final String FINGERPRINT = "20f7e6735b1c" + "0".repeat(52);

    @TempDir
    Path output;

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private NightArchive archive(int keepRuns) {
        return new NightArchive(output, ZoneId.of("Asia/Shanghai"), keepRuns, messages(), Locale.CHINESE);
    }

    /** The outputs of a night in {@code <output>/2023/} as the job leaves them. */
    private Path night(long run, String started, long mismatches) throws IOException {
        Path period = Files.createDirectories(output.resolve("2023"));
        Files.writeString(period.resolve("report.html"), "<html>run " + run + "</html>");
        Files.writeString(period.resolve("report.xlsx"), "xlsx of run " + run);
        Files.writeString(period.resolve("summary.json"), """
                {"period":"2023","run":%d,"fingerprint":"%s","started":"%s","exit_status":%d,
                 "counts":{"MATCH":1234,"MISMATCH":%d,"INCOMPLETE":3,"NO_DATA":0,"UNPUBLISHED":3},"findings":[]}
                """.formatted(run, FINGERPRINT, started, mismatches > 0 ? 1 : 0, mismatches));
        Files.writeString(period.resolve("reconciliation.csv"), "not kept");
        return period;
    }

    @Test
    void keepsTheReportWorkbookAndSummaryOfANightInItsOwnFolder() throws IOException {
        Path kept = archive(30).keep(night(7, "2026-12-02T02:00:05+08:00", 2), "2023", 7, FINGERPRINT, "乌兰察布市");

        assertThat(kept).isEqualTo(output.resolve("history/2023/7-20f7e6735b1c"));
        assertThat(Files.readString(kept.resolve("report.html"))).isEqualTo("<html>run 7</html>");
        assertThat(kept.resolve("report.xlsx")).exists();
        assertThat(kept.resolve("summary.json")).exists();
        assertThat(kept.resolve("reconciliation.csv")).as("only the three files are kept").doesNotExist();
    }

    @Test
    void theIndexListsEveryNightNewestFirstWithItsTimeInTheBureausZoneCountsAndLinks() throws IOException {
        NightArchive archive = archive(30);
        archive.keep(night(1, "2026-11-30T18:00:00Z", 2), "2023", 1, FINGERPRINT, "乌兰察布市");
        archive.keep(night(2, "2026-12-01T18:30:00Z", 0), "2023", 2, FINGERPRINT, "乌兰察布市");

        String index = Files.readString(output.resolve(NightArchive.INDEX), StandardCharsets.UTF_8);
        assertThat(index).contains("乌兰察布市 历次核对").contains("Asia/Shanghai")
                .as("18:30 UTC is 02:30 the next day in Shanghai").contains("2026-12-02 02:30").contains("2026-12-01 02:00")
                .contains("href=\"history/2023/2-20f7e6735b1c/report.html\"").contains("href=\"history/2023/1-20f7e6735b1c/report.xlsx\"")
                .contains("href=\"2023/report.html\"").contains("1,234").contains("不一致");
        assertThat(index.indexOf("history/2023/2-")).as("the latest run first").isLessThan(index.indexOf("history/2023/1-"));
        assertThat(archive.nights()).extracting(NightArchive.Night::run).containsExactly(2L, 1L);
        assertThat(archive.nights().get(1).counts()).containsEntry("MISMATCH", 2L).containsEntry("MATCH", 1234L);
    }

    @Test
    void keepsAtMostKeepRunsNightsOfAPeriodDroppingTheOldest() throws IOException {
        NightArchive archive = archive(2);
        for (long run = 1; run <= 4; run++) {
            archive.keep(night(run, "2026-12-0" + run + "T02:00:00+08:00", run), "2023", run, FINGERPRINT, "乌兰察布市");
        }
        Files.createDirectories(output.resolve("history/2023/notes"));

        assertThat(archive.nights()).extracting(NightArchive.Night::run).containsExactly(4L, 3L);
        assertThat(output.resolve("history/2023/1-20f7e6735b1c")).doesNotExist();
        assertThat(output.resolve("history/2023/2-20f7e6735b1c")).doesNotExist();
        assertThat(output.resolve("history/2023/notes")).as("a folder that is not a night's is left alone").exists();
        String index = Files.readString(output.resolve(NightArchive.INDEX), StandardCharsets.UTF_8);
        assertThat(index).contains("history/2023/4-").contains("history/2023/3-").doesNotContain("history/2023/2-");
    }

    @Test
    void theSameRunKeptAgainReplacesItsFolder() throws IOException {
        NightArchive archive = archive(30);
        archive.keep(night(5, "2026-12-02T02:00:00+08:00", 1), "2023", 5, FINGERPRINT, "乌兰察布市");
        Path period = night(5, "2026-12-02T02:00:00+08:00", 1);
        Files.writeString(period.resolve("report.html"), "<html>written again</html>");
        Path kept = archive.keep(period, "2023", 5, FINGERPRINT, "乌兰察布市");

        assertThat(Files.readString(kept.resolve("report.html"))).isEqualTo("<html>written again</html>");
        assertThat(archive.nights()).hasSize(1);
        try (var entries = Files.list(output.resolve("history/2023"))) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).as("no scratch folder is left")
                    .containsExactly("5-20f7e6735b1c");
        }
    }

    @Test
    void aNightWhoseSummaryIsDamagedIsLeftOutOfTheIndexAndTheNightGoesOn() throws IOException {
        NightArchive archive = archive(30);
        archive.keep(night(1, "2026-12-01T02:00:00+08:00", 2), "2023", 1, FINGERPRINT, "乌兰察布市");
        Files.writeString(output.resolve("history/2023/1-20f7e6735b1c/summary.json"), "{ not json");

        archive.keep(night(2, "2026-12-02T02:00:00+08:00", 0), "2023", 2, FINGERPRINT, "乌兰察布市");

        assertThat(archive.nights()).extracting(NightArchive.Night::run).containsExactly(2L);
        assertThat(Files.readString(output.resolve(NightArchive.INDEX))).contains("history/2023/2-").doesNotContain("history/2023/1-");
    }

    @Test
    void theIndexOfAnEmptyHistorySaysSoAndEnglishIsAvailable() throws IOException {
        new NightArchive(output, ZoneId.of("Asia/Shanghai"), 30, messages(), Locale.ENGLISH).writeIndex("Ulanqab");
        assertThat(Files.readString(output.resolve(NightArchive.INDEX))).contains("Ulanqab history of nights")
                .contains("No run has completed yet.");
        assertThat(List.of(output.toFile().list())).containsExactly(NightArchive.INDEX);
    }
}
