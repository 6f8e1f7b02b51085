package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.reconciliation.Numbers;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.reconciliation.Status;
import cn.ulanqab.stats.submission.RowReason;
import cn.ulanqab.stats.submission.SubmissionStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 审核反馈: one CSV per unit in {@code <output>/<period>/feedback/<code>.csv}, telling a county office what to fix.
 *
 * <ul>
 *   <li>Every county of the registry gets its file every night, with the header only when there is nothing to fix,
 *       so an office can tell "nothing to fix" from "no feedback was produced".</li>
 *   <li>Each city above counties (its own CITY-level figures) gets a file only when there is something in it; a stale
 *       city file of an earlier night is removed then.</li>
 *   <li>Rows: first its rejected rows (类型 退回行, in file and line order), then the findings that concern it (类型
 *       待核数字, in catalog order): a MISMATCH or INCOMPLETE figure whose hint names the unit (its six-digit code,
 *       full or short Chinese name), or a finding (MISMATCH, INCOMPLETE, NO_DATA) whose missing counties include it.
 *       UNPUBLISHED and MATCH figures are not fed back.</li>
 * </ul>
 * Same CSV rules as the other outputs ({@link CsvOutput}): UTF-8 with a BOM, formula-safe, deterministic, each file
 * whole or not at all.
 */
public final class CountyFeedback {

    public static final String FOLDER = "feedback";
    public static final List<String> COLUMNS = List.of("类型", "文件", "行", "指标代码", "指标名称", "数值", "原因", "说明", "如何修改");
    public static final String REJECTED_ROW = "退回行";
    public static final String FIGURE_TO_CHECK = "待核数字";

    private static final Map<RowReason, String> FIXES = new EnumMap<>(RowReason.class);
    /** What the reason means, in Chinese: the 说明 of a rejected row starts with it, the check's own words follow. */
    private static final Map<RowReason, String> MEANINGS = new EnumMap<>(RowReason.class);

    static {
        MEANINGS.put(RowReason.MALFORMED_ROW, "该行列数与表头不一致或引号不成对");
        MEANINGS.put(RowReason.UNKNOWN_COUNTY, "区划代码不在名录中");
        MEANINGS.put(RowReason.COUNTY_MISMATCH, "区划代码与文件所属单位不一致");
        MEANINGS.put(RowReason.UNKNOWN_INDICATOR, "指标代码不在指标目录中");
        MEANINGS.put(RowReason.WRONG_LEVEL, "该指标不由本单位填报");
        MEANINGS.put(RowReason.PERIOD_MISMATCH, "统计期与本次报送的统计期不一致");
        MEANINGS.put(RowReason.MISSING_VALUE, "数值为空（空白表示未报送，不按 0 计）");
        MEANINGS.put(RowReason.NOT_A_NUMBER, "数值不是数字");
        MEANINGS.put(RowReason.UNKNOWN_UNIT, "计量单位无法换算为目录单位");
        MEANINGS.put(RowReason.NEGATIVE_VALUE, "数值为负数");
        MEANINGS.put(RowReason.NOT_AN_INTEGER, "该指标只计整数，所填数值有小数");
        MEANINGS.put(RowReason.DUPLICATE, "同一指标重复填报了相同数值");
        MEANINGS.put(RowReason.DUPLICATE_CONFLICT, "同一指标填报了不同数值");
        MEANINGS.put(RowReason.UNKNOWN_DISPOSITION, "审核意见不是 EXPLAINED、ACCEPTED 或 WILL_FIX");
        MEANINGS.put(RowReason.INVALID_DATE, "日期格式不对");
        MEANINGS.put(RowReason.FIELD_TOO_LONG, "内容超过允许的长度");

        FIXES.put(RowReason.MALFORMED_ROW, "该行列数与表头不一致或引号不成对：请按表头逐列填写，内容含逗号时用英文双引号括起");
        FIXES.put(RowReason.UNKNOWN_COUNTY, "区划代码不在名录中：请填写本单位的六位区划代码");
        FIXES.put(RowReason.COUNTY_MISMATCH, "区划代码与文件名的代码不一致：请只填报本单位的数据，区划代码与文件名相同");
        FIXES.put(RowReason.UNKNOWN_INDICATOR, "指标代码不在指标目录中：请从指标目录复制指标代码");
        FIXES.put(RowReason.WRONG_LEVEL, "该指标不由本单位填报（市级指标由市局填报，比率指标由系统计算）：请删除该行");
        FIXES.put(RowReason.PERIOD_MISMATCH, "统计期与本次报送的统计期不一致：请填写本次的统计期（如 2023）");
        FIXES.put(RowReason.MISSING_VALUE, "请填写数值；未发生请填 0，不要留空");
        FIXES.put(RowReason.NOT_A_NUMBER, "请填写阿拉伯数字，如 1203 或 1,203.5");
        FIXES.put(RowReason.UNKNOWN_UNIT, "请使用目录计量单位，或将计量单位留空（表示目录单位）；可换算的单位见报送说明，如 元、亿元、万亩、万吨");
        FIXES.put(RowReason.NEGATIVE_VALUE, "数值不能为负数：请填写实际数；未发生请填 0");
        FIXES.put(RowReason.NOT_AN_INTEGER, "该指标只计整数（换算为目录单位后也须为整数）：请填写整数");
        FIXES.put(RowReason.DUPLICATE, "同一指标重复填报了相同数值，已按第一行计入：请删除重复的行");
        FIXES.put(RowReason.DUPLICATE_CONFLICT, "同一指标填报了不同数值，请保留一行正确数值");
        FIXES.put(RowReason.UNKNOWN_DISPOSITION, "审核意见只能填 EXPLAINED、ACCEPTED 或 WILL_FIX");
        FIXES.put(RowReason.INVALID_DATE, "日期请写成 2024-03-01 的格式");
        FIXES.put(RowReason.FIELD_TOO_LONG, "请缩短该项内容（审核说明不超过 2000 字，审核人不超过 200 字）");
    }

    private CountyFeedback() {
    }

    /** The 说明 of a rejected row: what its reason means in Chinese, then the check's own words (in English) in brackets. */
    static String meaning(SubmissionStore.RejectedRow r) {
        String detail = text(r.message());
        return MEANINGS.get(r.reason()) + (detail.isEmpty() ? "" : "（" + detail + "）");
    }

    /** How a county fixes a row rejected for this reason, in Chinese. */
    public static String fix(RowReason reason) {
        return FIXES.get(reason);
    }

    /**
     * Writes the feedback files into {@code <periodFolder>/feedback/} and returns them, counties in code order, then
     * the city's if it has one.
     */
    public static List<Path> write(Path periodFolder, ReferenceData reference, List<ReconciliationLine> lines,
                                   Map<String, Map<String, BigDecimal>> acceptedValues,
                                   List<SubmissionStore.RejectedRow> rejected) {
        Map<String, List<SubmissionStore.RejectedRow>> rejectedByUnit = new HashMap<>();
        rejected.forEach(r -> rejectedByUnit.computeIfAbsent(r.countyCode(), k -> new ArrayList<>()).add(r));
        return write(periodFolder, reference, lines, acceptedValues, new UnitRows() {
            @Override
            public void eachRejected(String unit, Consumer<SubmissionStore.RejectedRow> action) {
                rejectedByUnit.getOrDefault(unit, List.of()).forEach(action);
            }

            @Override
            public java.util.Optional<SubmissionStore.RowPlace> acceptedAt(String unit, String indicatorCode) {
                return java.util.Optional.empty();
            }
        });
    }

    /** What the feedback reads of a unit's stored rows, one unit at a time. */
    public interface UnitRows {
        /** Hands over every rejected row of the unit, one at a time. */
        void eachRejected(String unit, Consumer<SubmissionStore.RejectedRow> action);

        /** Where the unit's accepted row of an indicator is, if it has one. */
        java.util.Optional<SubmissionStore.RowPlace> acceptedAt(String unit, String indicatorCode);
    }

    /**
     * The same, with the rejected rows of each unit handed over while its file is written, so that no unit's rows are
     * held in memory, however many a night rejected.
     */
    public static List<Path> write(Path periodFolder, ReferenceData reference, List<ReconciliationLine> lines,
                                   Map<String, Map<String, BigDecimal>> acceptedValues,
                                   UnitRows stored) {
        Path folder = periodFolder.resolve(FOLDER);
        Registry registry = reference.registry();
        Map<String, List<ReconciliationLine>> concerns = concerns(registry, lines);
        List<Path> written = new ArrayList<>();
        for (County county : registry.counties()) {
            Path target = folder.resolve(county.code() + ".csv");
            CsvOutput.write(target, COLUMNS, out -> rows(county, reference, concerns.getOrDefault(county.code(), List.of()),
                    acceptedValues, stored, out));
            written.add(target);
        }
        for (County city : registry.cities()) {
            if (registry.isLeaf(city.code())) {
                continue;
            }
            Path cityTarget = folder.resolve(city.code() + ".csv");
            long[] cityRows = {0};
            CsvOutput.write(cityTarget, COLUMNS, out -> rows(city, reference, concerns.getOrDefault(city.code(), List.of()),
                    acceptedValues, stored, row -> {
                        cityRows[0]++;
                        out.accept(row);
                    }));
            if (cityRows[0] == 0) {
                // a city's file only when it has something to fix
                try {
                    Files.deleteIfExists(cityTarget);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove " + cityTarget, e);
                }
            } else {
                written.add(cityTarget);
            }
        }
        return written;
    }

    /**
     * Per unit, the findings that concern it, in line order (catalog order): a MISMATCH or INCOMPLETE figure whose hint
     * names the unit, or a finding whose missing counties include it; only units of the figure's region are considered.
     */
    static Map<String, List<ReconciliationLine>> concerns(Registry registry, List<ReconciliationLine> lines) {
        Map<String, List<ReconciliationLine>> concerns = new HashMap<>();
        for (ReconciliationLine line : lines) {
            if (!line.status().isFinding()) {
                continue;
            }
            String region = line.regionCode() == null ? registry.city().code() : line.regionCode();
            Set<String> missing = new HashSet<>(line.missingCounties());
            boolean diagnosed = line.status() == Status.MISMATCH || line.status() == Status.INCOMPLETE;
            List<County> candidates = new ArrayList<>(registry.leavesOf(region));
            registry.find(region).filter(r -> !registry.isLeaf(r.code())).ifPresent(candidates::add);
            for (County unit : candidates) {
                if (missing.contains(unit.code()) || diagnosed && names(line.hint(), unit)) {
                    concerns.computeIfAbsent(unit.code(), k -> new ArrayList<>()).add(line);
                }
            }
        }
        return concerns;
    }

    /** The feedback rows of one unit, handed over one at a time: its rejected rows, then the findings that concern it. */
    static void rows(County unit, ReferenceData reference, List<ReconciliationLine> concerning,
                     Map<String, Map<String, BigDecimal>> acceptedValues, UnitRows stored, Consumer<List<String>> rows) {
        stored.eachRejected(unit.code(), r -> {
            if (!unit.code().equals(r.countyCode())) {
                return;
            }
            Indicator indicator = r.indicatorCode() == null ? null : reference.catalog().find(r.indicatorCode().strip()).orElse(null);
            String fix = fix(r.reason());
            if (r.reason() == RowReason.UNKNOWN_UNIT && indicator != null) {
                fix += "（本指标目录单位：" + indicator.unit() + "）";
            }
            if (indicator != null && acceptedValues.getOrDefault(indicator.code(), Map.of()).containsKey(unit.code())
                    && r.reason() != RowReason.DUPLICATE_CONFLICT) {
                fix = "本文件另有该指标的有效行，已按有效行计入，此行无需再改（如有误请更正）";
            }
            rows.accept(List.of(REJECTED_ROW, r.file(), String.valueOf(r.line()), text(r.indicatorCode()),
                    indicator == null ? "" : indicator.nameZh(), text(r.rawValue()), r.reason().name(), meaning(r), fix));
        });
        for (ReconciliationLine line : concerning) {
            Indicator indicator = reference.catalog().get(line.indicatorCode());
            boolean missing = line.missingCounties().contains(unit.code());
            BigDecimal value = acceptedValues.getOrDefault(indicator.code(), Map.of()).get(unit.code());
            String total = line.cityTotal() == null ? "尚无可计入的数值"
                    : (line.status() == Status.INCOMPLETE ? "部分合计 " : "合计 ") + Numbers.plain(line.cityTotal()) + " " + line.unit();
            String explanation = "公报印 " + text(line.publishedText()) + "，" + total + "；" + text(line.hint());
            String fix = line.excused()
                    ? "审核人已核销（" + line.review().disposition() + "，" + text(line.review().reviewer()) + "："
                    + text(line.review().note()) + "）：无需修改"
                    : missing
                    ? "本单位该指标未计入（未报送或该行被退回）：请补报数值；未发生请填 0"
                    : "诊断提示本单位的数值可能有误：请核对计量单位（目录单位为 " + line.unit()
                    + "）和数位，如有误请以新版本文件（如 " + unit.code() + "-v2.csv）重新报送";
            java.util.Optional<SubmissionStore.RowPlace> at = value == null ? java.util.Optional.empty()
                    : stored.acceptedAt(unit.code(), indicator.code());
            rows.accept(List.of(FIGURE_TO_CHECK, at.map(SubmissionStore.RowPlace::file).orElse(""),
                    at.map(p -> String.valueOf(p.line())).orElse(""), indicator.code(), indicator.nameZh(), Numbers.plain(value),
                    line.status().name(), explanation, fix));
        }
    }

    /** Whether a diagnosis names the unit: its code (not as part of a longer number), full or short Chinese name. */
    static boolean names(String hint, County unit) {
        if (hint == null || hint.isEmpty()) {
            return false;
        }
        if (Pattern.compile("(?<![0-9])" + Pattern.quote(unit.code()) + "(?![0-9])").matcher(hint).find()) {
            return true;
        }
        return contains(hint, unit.nameZh()) || contains(hint, unit.shortNameZh());
    }

    private static boolean contains(String hint, String name) {
        return name != null && !name.isBlank() && hint.contains(name);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
