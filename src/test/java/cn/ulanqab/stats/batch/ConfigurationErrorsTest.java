package cn.ulanqab.stats.batch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import cn.ulanqab.stats.ReconciliationApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken configuration stops the job before it reads any submission: exit status 2 and a message on stderr
 * naming the file, the line and the fix. Each case runs the application's entry point on a copy of the
 * shipped input with one thing broken.
 */
class ConfigurationErrorsTest {

    @TempDir
    Path work;

    record Outcome(int status, String err, Path output) {
    }

    private Outcome runWith(Path input) {
        Path output = work.resolve("output");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = ReconciliationApplication.run("--input=" + input, "--output=" + output);
        } finally {
            System.setErr(original);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        original.print(err);
        return new Outcome(status, err, output);
    }

    private Path input() throws IOException {
        return JobRun.copyShippedInput(work.resolve("input"));
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)),
                StandardCharsets.UTF_8);
    }

    private static void assertStoppedBeforeReading(Outcome o) throws Exception {
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.err()).startsWith("cannot start: ").contains("Fix: ");
        Path db = o.output().resolve("reconciliation-db.mv.db");
        if (Files.exists(db)) {
            assertThat(JobRun.count(o.output(), "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("no run was started").isZero();
        }
        assertThat(o.output().resolve("2023")).doesNotExist();
    }

    @Test
    void aMissingReferenceFile() throws Exception {
        Path input = input();
        Files.delete(input.resolve("reference/indicators.csv"));
        Outcome o = runWith(input);
        assertStoppedBeforeReading(o);
        assertThat(o.err()).contains("indicators.csv: the file is missing");
    }

    @Test
    void aDuplicateIndicatorCode() throws Exception {
        Path input = input();
        Path file = input.resolve("reference/indicators.csv");
        Files.writeString(file, Files.readString(file) + "TECH_INCUBATORS,科技企业孵化器,again,家,INTEGER,COUNTY,SUM,\n");
        long line = Files.readAllLines(file).size();
        Outcome o = runWith(input);
        assertStoppedBeforeReading(o);
        assertThat(o.err()).contains("indicators.csv, line " + line + ": indicator TECH_INCUBATORS appears twice (first on line 2)")
                .contains("Fix: keep one row per indicator");
    }

    @Test
    void aDuplicateCountyCode() throws Exception {
        Path input = input();
        Path file = input.resolve("reference/counties.csv");
        Files.writeString(file, Files.readString(file) + "150902,集宁区,集宁,Jining District,district,150900\n");
        long line = Files.readAllLines(file).size();
        Outcome o = runWith(input);
        assertStoppedBeforeReading(o);
        assertThat(o.err()).contains("counties.csv, line " + line + ": code 150902 appears twice (first on line 3)")
                .contains("Fix: keep one row per unit");
    }

    @Test
    void aRatioFormulaNamingAnUnknownIndicator() throws Exception {
        Path input = input();
        replace(input.resolve("reference/indicators.csv"), "CHILDCARE_SLOTS / RESIDENT_POPULATION * 1000",
                "CHILDCARE_SLOTS / RESIDENTS * 1000");
        Outcome o = runWith(input);
        assertStoppedBeforeReading(o);
        assertThat(o.err()).contains("indicators.csv, line 58: the formula of CHILDCARE_SLOTS_PER_1000 names RESIDENTS,"
                + " which is not in the catalog").contains("Fix: add RESIDENTS to the catalog or correct the formula");
    }

    @Test
    void aPublishedFigureThatCannotBeParsed() throws Exception {
        Path input = input();
        replace(input.resolve("published/2023.csv"), "TECH_INCUBATORS,2023,5家", "TECH_INCUBATORS,2023,好几家");
        Outcome o = runWith(input);
        assertStoppedBeforeReading(o);
        assertThat(o.err()).contains("2023.csv, line 2: the published_text '好几家' of TECH_INCUBATORS cannot be read");
    }

    @Test
    void aPublishedFigureWhoseUnitDoesNotFitTheIndicator() throws Exception {
        Path input = input();
        replace(input.resolve("published/2023.csv"), "TECH_INCUBATORS,2023,5家", "TECH_INCUBATORS,2023,5万吨");
        Outcome o = runWith(input);
        assertStoppedBeforeReading(o);
        assertThat(o.err()).contains("2023.csv, line 2: the published_text '5万吨' of TECH_INCUBATORS is in '吨',"
                + " which does not fit the catalog unit '家'").contains("Fix: check the indicator code, or the unit in the catalog");
    }

    @Test
    void anInputFolderWithoutThePeriodsSubfolder() throws Exception {
        Path input = input();
        Outcome o;
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = ReconciliationApplication.run("--input=" + input, "--output=" + work.resolve("output"), "--period=2024");
            o = new Outcome(status, captured.toString(StandardCharsets.UTF_8), work.resolve("output"));
        } finally {
            System.setErr(original);
        }
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.err()).contains(input.resolve("2024") + ": the submission folder of period 2024 is missing")
                .contains("Fix: put the county files in");
        assertThat(work.resolve("output")).as("nothing is created").doesNotExist();
    }
}
