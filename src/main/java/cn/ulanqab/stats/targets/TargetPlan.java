package cn.ulanqab.stats.targets;

import cn.ulanqab.stats.catalog.BaseTotals;
import cn.ulanqab.stats.catalog.Period;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.published.ClaimSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run tracks the year's targets with: the targets of its year ({@code targets/<year>.csv}, none when absent)
 * and last year's totals of the whole year ({@code base/<last year>.csv}), which with the base of the same period
 * give last year's pace.
 */
public record TargetPlan(List<Target> targets, Path file, BaseTotals lastFullYear) {

    public TargetPlan {
        targets = List.copyOf(targets);
    }

    /** Reads the targets and, when there are any, last year's full-year base; a broken file is a ConfigurationException. */
    public static TargetPlan load(Path input, Period period, ReferenceData reference, ClaimSettings settings) {
        Path file = TargetFile.of(input, period.year());
        List<Target> targets = TargetFile.load(file, reference.registry(), reference.catalog(), settings);
        Period lastYear = Period.ofYear(period.year() - 1);
        BaseTotals fullYear = targets.isEmpty() ? BaseTotals.none(lastYear, BaseTotals.fileOf(input, lastYear))
                : BaseTotals.read(input, lastYear, reference);
        return new TargetPlan(targets, file, fullYear);
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }
}
