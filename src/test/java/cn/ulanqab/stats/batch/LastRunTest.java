package cn.ulanqab.stats.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LastRunTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path output;

    private JsonNode read() {
        return JSON.readTree(output.resolve(LastRun.FILE).toFile());
    }

    @Test
    void startSaysStartedWithThePeriodThePidAndTheTimeInTheBureausZone() {
        LastRun.start(output, "2023", ZoneId.of("Asia/Shanghai"));

        JsonNode started = read();
        assertThat(started.path("state").asString()).isEqualTo("STARTED");
        assertThat(started.path("period").asString()).isEqualTo("2023");
        assertThat(started.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(started.path("started").asString()).endsWith("+08:00");
        assertThat(started.has("exit_status")).isFalse();
        assertThat(started.has("ended")).isFalse();
    }

    @Test
    void theEndSaysCompletedForZeroAndOneAndFailedForTwo() {
        LastRun run = LastRun.start(output, "2023", ZoneId.of("UTC"));
        run.end(1, "6 findings to review");
        JsonNode completed = read();
        assertThat(completed.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(completed.path("exit_status").asInt()).isEqualTo(1);
        assertThat(completed.path("message").asString()).isEqualTo("6 findings to review");
        assertThat(OffsetDateTime.parse(completed.path("ended").asString()))
                .isAfterOrEqualTo(OffsetDateTime.parse(completed.path("started").asString()));

        run.end(2, "the run 3 ended FAILED");
        assertThat(read().path("state").asString()).isEqualTo("FAILED");
        assertThat(read().path("exit_status").asInt()).isEqualTo(2);
    }

    @Test
    void aRefusedStartIsWrittenOnlyWhereTheOutputFolderIs() {
        LastRun.refused(output, "2024", ZoneId.of("UTC"), "cannot start: --period=20x is not a year");
        assertThat(read().path("state").asString()).isEqualTo("FAILED");
        assertThat(read().path("message").asString()).isEqualTo("cannot start: --period=20x is not a year");

        Path absent = output.resolve("absent");
        LastRun.refused(absent, "2024", ZoneId.of("UTC"), "cannot start");
        assertThat(absent).doesNotExist();
    }

    @Test
    void aLinkLeftWhereThePartFileGoesIsReplacedNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(output.resolve("elsewhere.txt"), "keep me");
        Files.createSymbolicLink(output.resolve("." + LastRun.FILE + ".part"), elsewhere);

        LastRun.start(output, "2023", ZoneId.of("UTC"));

        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");
        assertThat(read().path("state").asString()).isEqualTo("STARTED");
    }
}
