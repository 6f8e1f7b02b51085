package cn.ulanqab.stats.report;

import cn.ulanqab.stats.files.CsvOutput;
import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.reconciliation.Cause;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 审核反馈: one CSV per unit in {@code <output>/<period>/feedback/<code>.csv}, telling a county office what to fix.
 *
 * <ul>
 *   <li>Every county of the registry gets its file every night, with the header only when there is nothing to fix,
 *       so an office can tell "nothing to fix" from "no feedback was produced".</li>
 *   <li>Each city above counties (its own CITY-level figures) gets a file only when there is something in it; a stale
 *       city file of an earlier night is removed then.</li>
 *   <li>Rows: first its rejected rows (类型 退回行, in file and line order), then the findings that concern it (类型
 *       待核数字, in catalog order): a MISMATCH or INCOMPLETE figure one of whose causes names the unit (a
 *       diagnosis, a rejected row, a row that would complete it), or a finding (MISMATCH, INCOMPLETE, NO_DATA) whose missing counties include it.
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

    private CountyFeedback() {
    }

    /** How a county fixes a row rejected for this reason, in the wording's language. */
    public static String fix(RowReason reason, Wording words) {
        return words.word("fix.", reason);
    }

    /** Writes the feedback files of the night, with every rejected row of each unit read from what the run stored. */
    public static List<Path> write(Path periodFolder, OutputWriter.NightReport night, UnitRows stored) {
        return write(periodFolder, night.reference(), night.lines(), night.accepted(), night.affects(), night.words(), stored);
    }

    /**
     * Writes the feedback files into {@code <periodFolder>/feedback/} from rows in memory and returns them, counties in
     * code order, then the city's if it has one.
     */
    public static List<Path> write(Path periodFolder, ReferenceData reference, List<ReconciliationLine> lines,
                                   Map<String, Map<String, BigDecimal>> acceptedValues,
                                   List<SubmissionStore.RejectedRow> rejected, Wording words) {
        Map<String, List<SubmissionStore.RejectedRow>> rejectedByUnit = new HashMap<>();
        rejected.forEach(r -> rejectedByUnit.computeIfAbsent(r.countyCode(), k -> new ArrayList<>()).add(r));
        Affects affects = new Affects(reference);
        acceptedValues.forEach((indicator, values) -> values.keySet().forEach(unit -> affects.counted(unit, indicator)));
        return write(periodFolder, reference, lines, acceptedValues, affects, new CauseWords(words, reference), new UnitRows() {
            @Override
            public void eachRejected(String unit, Consumer<SubmissionStore.RejectedRow> action) {
                rejectedByUnit.getOrDefault(unit, List.of()).forEach(action);
            }

            @Override
            public Optional<SubmissionStore.RowPlace> acceptedAt(String unit, String indicatorCode) {
                return Optional.empty();
            }
        });
    }

    /** What the feedback reads of a unit's stored rows, one unit at a time. */
    public interface UnitRows {
        /** Hands over every rejected row of the unit, one at a time. */
        void eachRejected(String unit, Consumer<SubmissionStore.RejectedRow> action);

        /** Where the unit's accepted row of an indicator is, if it has one. */
        Optional<SubmissionStore.RowPlace> acceptedAt(String unit, String indicatorCode);
    }

    /**
     * The same, with the rejected rows of each unit handed over while its file is written, so that no unit's rows are
     * held in memory, however many a night rejected.
     */
    static List<Path> write(Path periodFolder, ReferenceData reference, List<ReconciliationLine> lines,
                            Map<String, Map<String, BigDecimal>> acceptedValues, Affects affects, CauseWords words,
                            UnitRows stored) {
        Path folder = periodFolder.resolve(FOLDER);
        Registry registry = reference.registry();
        Map<String, List<ReconciliationLine>> concerns = concerns(registry, lines);
        List<Path> written = new ArrayList<>();
        for (County county : registry.counties()) {
            Path target = folder.resolve(county.code() + ".csv");
            CsvOutput.write(target, COLUMNS, out -> rows(county, reference, concerns.getOrDefault(county.code(), List.of()),
                    acceptedValues, affects, words, stored, out));
            written.add(target);
        }
        for (County city : registry.cities()) {
            if (registry.isLeaf(city.code())) {
                continue;
            }
            Path cityTarget = folder.resolve(city.code() + ".csv");
            long[] cityRows = {0};
            CsvOutput.write(cityTarget, COLUMNS, out -> rows(city, reference, concerns.getOrDefault(city.code(), List.of()),
                    acceptedValues, affects, words, stored, row -> {
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
     * Per unit, the findings that concern it, in line order (catalog order): a MISMATCH or INCOMPLETE figure one of whose
     * causes names the unit, or a finding whose missing counties include it; only units of the figure's region count.
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
                if (missing.contains(unit.code()) || diagnosed && line.causeNames(unit.code())) {
                    concerns.computeIfAbsent(unit.code(), k -> new ArrayList<>()).add(line);
                }
            }
        }
        return concerns;
    }

    /** The feedback rows of one unit, handed over one at a time: its rejected rows, then the findings that concern it. */
    static void rows(County unit, ReferenceData reference, List<ReconciliationLine> concerning,
                     Map<String, Map<String, BigDecimal>> acceptedValues, Affects affects, CauseWords causes,
                     UnitRows stored, Consumer<List<String>> rows) {
        Wording words = causes.words();
        Set<String> rejectedUncounted = new HashSet<>();
        stored.eachRejected(unit.code(), r -> {
            if (!unit.code().equals(r.countyCode())) {
                return;
            }
            Indicator indicator = r.indicatorCode() == null ? null : reference.catalog().find(r.indicatorCode().strip()).orElse(null);
            String fix = fix(r.reason(), words);
            if (r.reason() == RowReason.UNKNOWN_UNIT && indicator != null) {
                fix += words.get("fix.UNKNOWN_UNIT.catalog", indicator.unit());
            }
            if (indicator != null && affects.of(r).isEmpty() && r.reason() != RowReason.DUPLICATE) {
                fix = words.get("fix.counted.elsewhere");
            } else if (indicator != null) {
                rejectedUncounted.add(indicator.code());
            }
            rows.accept(List.of(REJECTED_ROW, r.file(), String.valueOf(r.line()), text(r.indicatorCode()),
                    indicator == null ? "" : indicator.nameZh(), text(r.rawValue()), r.reason().name(),
                    RejectedRowsCsv.message(r, words), fix));
        });
        for (ReconciliationLine line : concerning) {
            Indicator indicator = reference.catalog().get(line.indicatorCode());
            boolean missing = line.missingCounties().contains(unit.code());
            BigDecimal value = acceptedValues.getOrDefault(indicator.code(), Map.of()).get(unit.code());
            String total = line.cityTotal() == null ? words.get("feedback.total.none")
                    : words.get(line.status() == Status.INCOMPLETE ? "feedback.total.partial" : "feedback.total.full",
                    line.cityTotal(), line.unit());
            String explanation = words.get("feedback.explanation", text(line.publishedText()), total, causes.hint(line));
            String fix = line.excused()
                    ? words.get("feedback.fix.excused", words.word("disposition.", line.review().disposition()),
                    text(line.review().reviewer()), text(line.review().note()))
                    : line.causes().stream().anyMatch(c -> c.kind() == Cause.Kind.CITY_FILE_LACKS)
                    ? words.get("feedback.fix.city.lacks")
                    : missing && rejectedUncounted.contains(indicator.code()) ? words.get("feedback.fix.rejected")
                    : missing ? words.get("feedback.fix.missing")
                    : line.causes().stream().anyMatch(c -> c.namesCounty() && unit.code().equals(c.county()))
                    ? words.get("feedback.fix.named", line.unit(), unit.code())
                    : words.get("feedback.fix.row");
            Optional<SubmissionStore.RowPlace> at = value == null ? Optional.empty() : stored.acceptedAt(unit.code(), indicator.code());
            rows.accept(List.of(FIGURE_TO_CHECK, at.map(SubmissionStore.RowPlace::file).orElse(""),
                    at.map(p -> String.valueOf(p.line())).orElse(""), indicator.code(), indicator.nameZh(), Numbers.plain(value),
                    line.status().name(), explanation, fix));
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
