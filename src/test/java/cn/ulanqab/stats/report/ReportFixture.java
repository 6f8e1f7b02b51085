package cn.ulanqab.stats.report;

import cn.ulanqab.stats.published.Claim;
import cn.ulanqab.stats.published.ClaimSettings;
import cn.ulanqab.stats.published.PrintedFigureParser;
import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.reconciliation.Cause;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.submission.FileStatus;
import cn.ulanqab.stats.submission.RowReason;
import cn.ulanqab.stats.submission.SubmissionStore.LedgerLine;
import cn.ulanqab.stats.submission.SubmissionStore.RejectedRow;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small hand-built night: a few reconciliation lines, rejected rows and files against the shipped reference data. */
final class ReportFixture {

    static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    static final String HYPERLINK = "=HYPERLINK(\"x\")";
    static final String SCRIPT = "<script>alert(1)</script>";

    static final List<ReconciliationLine> LINES = List.of(
            line("TECH_INCUBATORS", "科技企业孵化器", "家", "12家", "12", "12", "0", "0", Status.MATCH, List.of(), List.of()),
            line("CO2_REDUCTION", "减排二氧化碳", "吨", "184万吨", "1840000", "1712475.1", "-127524.9", "-0.069307",
                    Status.MISMATCH, List.of(), List.of(cause(Cause.Kind.OUTSIDE_CLAIM, null, "1712475.1", null, null),
                            cause(Cause.Kind.UNIT_SLIP, "150923", "171247.51", "10", "1712475.1"))),
            line("MEAT_OUTPUT", "肉类产量", "吨", "25万吨", "250000", "200000", "-50000", "-0.200000",
                    Status.MISMATCH, List.of(), List.of(cause(Cause.Kind.OUTSIDE_CLAIM, null, "200000", null, null),
                            cause(Cause.Kind.UNEXPLAINED, null, null, null, null))),
            line("MONITORED_HOUSEHOLDS", "防返贫动态监测户", "户", "1.38万户", "13800", "12000", "-1800", "-0.130435",
                    Status.INCOMPLETE, List.of("150929"), List.of(cause(Cause.Kind.WAITING, null, "12000", null, null))),
            line("URBAN_NEW_JOBS", "城镇新增就业", "人", "8685人", "8685", null, null, null,
                    Status.NO_DATA, REFERENCE.registry().countyCodes(), List.of(cause(Cause.Kind.NO_COUNTY_REPORTED, null, null, null, null))),
            line("HOTLINE_APPEALS", "12345热线受理有效诉求", "件", "破百万", "1000000", null, null, null,
                    Status.NO_DATA, List.of("150900"), List.of(cause(Cause.Kind.CITY_FILE_LACKS, "150900", null, null, null))),
            line("RESIDENT_POPULATION", "常住人口", "人", null, null, "1500000", null, null,
                    Status.UNPUBLISHED, List.of("150981"), List.of(cause(Cause.Kind.NOT_PRINTED, null, null, null, null))));

    static final Map<String, Map<String, BigDecimal>> ACCEPTED = Map.of(
            "TECH_INCUBATORS", Map.of("150902", new BigDecimal("7"), "150921", new BigDecimal("5")),
            "CO2_REDUCTION", Map.of("150923", new BigDecimal("171247.51"), "150902", new BigDecimal("1541227.59")),
            "HOTLINE_RESOLUTION_RATE", Map.of("150900", new BigDecimal("96.30")));

    static final List<RejectedRow> REJECTED = List.of(
            new RejectedRow("150902.csv", 3, "150902", "TECH_INCUBATORS", "", "", HYPERLINK,
                    RowReason.MISSING_VALUE, Detail.NONE),
            new RejectedRow("150923.csv", 5, "150923", "CO2_REDUCTION", "=1+1", "", SCRIPT,
                    RowReason.NOT_A_NUMBER, Detail.of("not.a.number", "=1+1")),
            new RejectedRow("150923.csv", 7, "150923", "MEAT_OUTPUT", "12", "斤", "",
                    RowReason.UNKNOWN_UNIT, Detail.of("unknown.unit", "斤", "吨")));

    static final List<LedgerLine> LEDGER = List.of(
            new LedgerLine("150902.csv", "150902", 1, FileStatus.PROCESSED, "UTF-8", 60, 59, 1, "ab12", null),
            new LedgerLine("150923.csv", "150923", 2, FileStatus.PROCESSED, "GB18030", 60, 58, 2, "cd34", null),
            new LedgerLine("notes.txt", null, null, FileStatus.UNRECOGNIZED, null, 0, 0, 0, "ef56", Detail.of("file.not.a.submission.name")));

    static final RunSummary SUMMARY = RunSummary.of(42, "2023", LEDGER, LINES);

    private ReportFixture() {
    }

    private static ReconciliationLine line(String code, String nameZh, String unit, String published, String publishedValue,
                                           String total, String difference, String relative, Status status,
                                           List<String> missing, List<Cause> causes) {
        return new ReconciliationLine(code, nameZh, REFERENCE.catalog().get(code).nameEn(), unit, published,
                number(publishedValue), published == null ? null : claim(code, published), number(total), total == null ? null : total + unit, number(difference),
                number(relative), status, 11 - missing.size(), missing, causes, published == null ? null : "二、工作回顾",
                published == null ? null : "引文", null);
    }

    /** What the printed text claims, as the reconciler writes it ("1835000 ≤ t < 1845000"). */
    private static String claim(String code, String published) {
        return Claim.of(PrintedFigureParser.parse(published), REFERENCE.catalog().get(code).unit(), ClaimSettings.defaults()).describe();
    }

    static Cause cause(Cause.Kind kind, String county, String value, String factor, String closing) {
        return new Cause(kind, county, null, 0, null, null, null, number(value), number(factor), number(closing));
    }

    private static BigDecimal number(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
