package cn.ulanqab.stats.batch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import cn.ulanqab.stats.ReconciliationApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken configuration stops the job before it reads any submission: exit status 2 and one line on stderr naming the
 * file, the line and the fix, in Chinese unless the run asks for English ({@code --reconciliation.language=en}). Each
 * case runs the application's entry point on a copy of the shipped input with one thing broken.
 */
class ConfigurationErrorsTest {

    /** An English word left in a Chinese line: the frame ("Fix", "line"), a sentence or a word of one. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}");

    @TempDir
    Path work;

    record Outcome(int status, String err, Path output) {

        /** The line the operator reads. */
        String line() {
            return err.lines().findFirst().orElse("");
        }
    }

    private Outcome runWith(Path input, String... options) {
        Path output = work.resolve("output");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output));
            args.addAll(List.of(options));
            status = ReconciliationApplication.run(args.toArray(String[]::new));
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
        Path db = o.output().resolve("reconciliation-db.mv.db");
        if (Files.exists(db)) {
            assertThat(JobRun.count(o.output(), "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("no run was started").isZero();
        }
        assertThat(o.output().resolve("2023")).doesNotExist();
    }

    /**
     * The line is the Chinese one, with its fix, and has no English word once the texts it names as they are (a path, a
     * code, a column, an option) are taken out.
     */
    private static void assertChinese(Outcome o, String... namedAsTheyAre) throws Exception {
        assertStoppedBeforeReading(o);
        assertThat(o.line()).startsWith("无法启动：").contains("。修正方法：").doesNotContain("Fix", "line", "cannot");
        String rest = o.line();
        for (String named : Stream.of(namedAsTheyAre).sorted((a, b) -> b.length() - a.length()).toList()) {
            rest = rest.replace(named, " ");
        }
        assertThat(ENGLISH_WORD.matcher(rest).results().map(java.util.regex.MatchResult::group).toList())
                .as("English words in " + o.line()).isEmpty();
    }

    @Test
    void aMissingReferenceFile() throws Exception {
        Path input = input();
        Files.delete(input.resolve("reference/indicators.csv"));
        Outcome o = runWith(input);
        assertChinese(o, input.resolve("reference/indicators.csv").toString(), "input/reference/indicators.csv");
        assertThat(o.line()).isEqualTo("无法启动：" + input.resolve("reference/indicators.csv") + "：文件不存在。"
                + "修正方法：请将参考文件放在此处（项目附带的样例为 input/reference/indicators.csv，可复制后按本局情况修改）");
    }

    @Test
    void aDuplicateIndicatorCode() throws Exception {
        Path input = input();
        Path file = input.resolve("reference/indicators.csv");
        Files.writeString(file, Files.readString(file) + "TECH_INCUBATORS,科技企业孵化器,again,家,INTEGER,COUNTY,SUM,\n");
        long line = Files.readAllLines(file).size();
        Outcome o = runWith(input);
        assertChinese(o, file.toString(), "TECH_INCUBATORS");
        assertThat(o.line()).isEqualTo("无法启动：" + file + "，第 " + line + " 行：指标 TECH_INCUBATORS 重复出现（首次出现在第 2 行）。"
                + "修正方法：每个指标只保留一行");
    }

    @Test
    void aDuplicateIndicatorCodeInEnglishWhenTheRunAsksForIt() throws Exception {
        Path input = input();
        Path file = input.resolve("reference/indicators.csv");
        Files.writeString(file, Files.readString(file) + "TECH_INCUBATORS,科技企业孵化器,again,家,INTEGER,COUNTY,SUM,\n");
        long line = Files.readAllLines(file).size();
        Outcome o = runWith(input, "--reconciliation.language=en");
        assertStoppedBeforeReading(o);
        assertThat(o.line()).isEqualTo("cannot start: " + file + ", line " + line + ": indicator TECH_INCUBATORS appears twice"
                + " (first on line 2). Fix: keep one row per indicator");
    }

    @Test
    void aDuplicateCountyCode() throws Exception {
        Path input = input();
        Path file = input.resolve("reference/counties.csv");
        Files.writeString(file, Files.readString(file) + "150902,集宁区,集宁,Jining District,district,150900\n");
        long line = Files.readAllLines(file).size();
        Outcome o = runWith(input);
        assertChinese(o, file.toString());
        assertThat(o.line()).isEqualTo("无法启动：" + file + "，第 " + line + " 行：区划代码 150902 重复出现（首次出现在第 3 行）。"
                + "修正方法：每个单位只保留一行");
    }

    @Test
    void aRatioFormulaNamingAnUnknownIndicator() throws Exception {
        Path input = input();
        replace(input.resolve("reference/indicators.csv"), "CHILDCARE_SLOTS / RESIDENT_POPULATION * 1000",
                "CHILDCARE_SLOTS / RESIDENTS * 1000");
        Outcome o = runWith(input);
        assertChinese(o, input.resolve("reference/indicators.csv").toString(), "CHILDCARE_SLOTS_PER_1000", "RESIDENTS");
        assertThat(o.line()).isEqualTo("无法启动：" + input.resolve("reference/indicators.csv") + "，第 58 行："
                + "指标 CHILDCARE_SLOTS_PER_1000 的计算公式引用了 RESIDENTS，该指标不在指标目录中。"
                + "修正方法：请将 RESIDENTS 加入指标目录，或修正计算公式");
    }

    @Test
    void aPublishedFigureThatCannotBeParsed() throws Exception {
        Path input = input();
        replace(input.resolve("published/2023.csv"), "TECH_INCUBATORS,2023,5家", "TECH_INCUBATORS,2023,好几家");
        Outcome o = runWith(input);
        assertChinese(o, input.resolve("published/2023.csv").toString(), "TECH_INCUBATORS");
        assertThat(o.line()).startsWith("无法启动：" + input.resolve("published/2023.csv") + "，第 2 行：指标 TECH_INCUBATORS 的公布数字"
                        + "“好几家”无法识别：“好几家”中没有数字（应为数字处是“好几家”）；应写成 ")
                .endsWith("。修正方法：请按政府工作报告原文照录数字，如 1.38万户、近千家、超95%、增长33.4%、提高23.4个百分点");
    }

    @Test
    void aPublishedFigureWhoseUnitDoesNotFitTheIndicator() throws Exception {
        Path input = input();
        replace(input.resolve("published/2023.csv"), "TECH_INCUBATORS,2023,5家", "TECH_INCUBATORS,2023,5万吨");
        Outcome o = runWith(input);
        assertChinese(o, input.resolve("published/2023.csv").toString(), "TECH_INCUBATORS");
        assertThat(o.line()).isEqualTo("无法启动：" + input.resolve("published/2023.csv") + "，第 2 行：指标 TECH_INCUBATORS 的公布数字"
                + "“5万吨”的单位“吨”与目录计量单位“家”不相符。修正方法：请核对指标代码，或指标目录中的计量单位");
    }

    @Test
    void aPeriodWithoutSuchAMonth() throws Exception {
        Outcome o = runWith(input(), "--period=2024-13");
        assertChinese(o, "--period=2024-13");
        assertThat(o.line()).isEqualTo("无法启动：--period=2024-13：不存在月份 13。"
                + "修正方法：请填写年份（如 2023）、月份（如 2024-06，月份为 01–12）或季度（如 2024-Q2，季度为 1–4）");
    }

    @Test
    void aLanguageTheReportsAreNotWrittenIn() throws Exception {
        Outcome o = runWith(input(), "--reconciliation.language=de");
        assertThat(o.status()).isEqualTo(2);
        // refused when the job's context starts: the line then points to the log of the failure
        assertThat(o.line()).startsWith("无法启动：reconciliation.language=de 不是报表可用的语言："
                + "请填写 reconciliation.language=zh（中文，默认）或 en（详情见 ");
        assertThat(o.output().resolve("2023")).doesNotExist();
    }

    @Test
    void aBandForNearlyThatIsNoFraction() throws Exception {
        Outcome o = runWith(input(), "--reconciliation.claims.nearly-band=1.5");
        assertChinese(o, "reconciliation.claims.nearly-band=1.5", "reconciliation.claims.nearly-band=0.10",
                o.output().resolve("reconciliation.log").toString());
        assertThat(o.line()).startsWith("无法启动：reconciliation.claims.nearly-band=1.5：“近”的区间须不小于 0 且小于 1，现为 1.5。"
                + "修正方法：请填写不小于 0 且小于 1 的小数，如 reconciliation.claims.nearly-band=0.10");
    }

    @Test
    void anInputFolderWithoutThePeriodsSubfolder() throws Exception {
        Path input = input();
        Outcome o = runWith(input, "--period=2024");
        assertThat(o.status()).isEqualTo(2);
        assertChinese(o, input.resolve("2024").toString(), "--period");
        assertThat(o.line()).isEqualTo("无法启动：" + input.resolve("2024") + "：缺少统计期 2024 的报送文件夹。"
                + "修正方法：把各旗县市区的报送文件放在 " + input.resolve("2024") + "/ 中，或换一个 --period");
        assertThat(work.resolve("output")).as("nothing is created").doesNotExist();
    }
}
