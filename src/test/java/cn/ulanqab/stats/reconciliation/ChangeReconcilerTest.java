package cn.ulanqab.stats.reconciliation;

import cn.ulanqab.stats.aggregation.Aggregator;
import cn.ulanqab.stats.aggregation.CityTotal;
import cn.ulanqab.stats.catalog.Catalog;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.published.ClaimKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A change figure against last year's base: its status, the computed change and which side the diagnosis blames. */
class ChangeReconcilerTest {

    private static final ReferenceData REFERENCE = ReferenceData.load(Path.of("input/reference"));
    private static final Registry REGISTRY = REFERENCE.registry();
    private static final Catalog CATALOG = REFERENCE.catalog();
    private static final List<String> COUNTIES = REGISTRY.countyCodes();

    private final Reconciler reconciler = new Reconciler(REGISTRY);
    private final Map<String, Map<String, BigDecimal>> accepted = new HashMap<>();

    /** Ten counties report 100 each; the last reports {@code last} (null: it has not reported). */
    private void counties(String indicator, String last) {
        Map<String, BigDecimal> values = accepted.computeIfAbsent(indicator, k -> new HashMap<>());
        COUNTIES.subList(0, 10).forEach(c -> values.put(c, new BigDecimal("100")));
        if (last != null) {
            values.put(COUNTIES.get(10), new BigDecimal(last));
        }
    }

    private ReconciliationLine change(String code, String printed, String base, Status levelStatus) {
        Indicator indicator = CATALOG.get(code);
        CityTotal total = new Aggregator(REGISTRY).total(indicator, accepted);
        return reconciler.reconcileChange(indicator, total, ReconcilerTest.figure(indicator, printed),
                base == null ? null : new BigDecimal(base), "2022", "base/2022.csv", levelStatus,
                accepted.getOrDefault(code, Map.of()), Map.of(), List.of());
    }

    private static List<Cause.Kind> kinds(ReconciliationLine line) {
        return line.causes().stream().map(Cause::kind).toList();
    }

    @Test
    void matchesAGrowthWithinTheClaim() {
        counties("MONITORED_HOUSEHOLDS", "334");
        // t = 1334 from b = 1000: g = 33.4
        ReconciliationLine line = change("MONITORED_HOUSEHOLDS", "增长33.4%", "1000", null);
        assertThat(line.status()).isEqualTo(Status.MATCH);
        assertThat(line.claimKind()).isEqualTo(ClaimKind.GROWTH);
        assertThat(line.cityTotal()).isEqualByComparingTo("1334");
        assertThat(line.baseTotal()).isEqualByComparingTo("1000");
        assertThat(line.computedChange()).isEqualByComparingTo("33.4");
        assertThat(line.publishedValue()).isEqualByComparingTo("33.4");
        assertThat(line.difference()).isEqualByComparingTo("0");
        assertThat(line.asPrinted()).isEqualTo("增长33.4%");
        assertThat(line.claim()).isEqualTo("33.35 ≤ g < 33.45");
        assertThat(line.key().kind()).isEqualTo(ClaimKind.GROWTH);
    }

    @Test
    void aBaseWithTwoDigitsSwappedExplainsTheGap() {
        counties("MONITORED_HOUSEHOLDS", "658.4");
        // t = 1658.4: from the true base 1243 g is 33.42%; the base file says 1234, from which g is 34.39%
        ReconciliationLine line = change("MONITORED_HOUSEHOLDS", "增长33.4%", "1234", null);
        assertThat(line.status()).isEqualTo(Status.MISMATCH);
        assertThat(kinds(line)).containsExactly(Cause.Kind.CHANGE_OUTSIDE_CLAIM, Cause.Kind.CHANGE_FROM_BASE);
        Cause base = line.causes().get(1);
        assertThat(base.code()).isEqualTo(Cause.BASE_DIGITS_SWAPPED);
        assertThat(base.value()).isEqualByComparingTo("1234");
        assertThat(base.closing()).isEqualByComparingTo("1243");
        assertThat(base.file()).isEqualTo("base/2022.csv");
        assertThat(line.computedChange()).isGreaterThan(new BigDecimal("34.39")).isLessThan(new BigDecimal("34.40"));
        assertThat(line.asPrinted()).isEqualTo("增长34.4%");
        assertThat(line.difference()).isEqualByComparingTo(line.computedChange().subtract(new BigDecimal("33.4")));
    }

    @Test
    void aCountysUnitSlipInThisYearsTotalExplainsTheGap() {
        // the last county's true 334 written as 3.34: t = 1003.34, g = 0.334% instead of 33.4%
        counties("MONITORED_HOUSEHOLDS", "3.34");
        ReconciliationLine line = change("MONITORED_HOUSEHOLDS", "增长33.4%", "1000", Status.UNPUBLISHED);
        assertThat(line.status()).isEqualTo(Status.MISMATCH);
        assertThat(kinds(line)).startsWith(Cause.Kind.CHANGE_OUTSIDE_CLAIM, Cause.Kind.CHANGE_FROM_TOTAL).contains(Cause.Kind.UNIT_SLIP);
        assertThat(line.namedCounty()).contains(COUNTIES.get(10));
        Cause total = line.causes().get(1);
        assertThat(total.value()).isEqualByComparingTo("1003.34");
        assertThat(total.closing()).isEqualByComparingTo("1334");
    }

    @Test
    void whenTheTotalFitsItsOwnLevelTheBaseIsBlamed() {
        counties("MONITORED_HOUSEHOLDS", "500");
        // t = 1500; from b = 1000 that is 50%, not 33.4%: the base that fits is 1500 / 1.334
        ReconciliationLine line = change("MONITORED_HOUSEHOLDS", "增长33.4%", "1000", Status.MATCH);
        assertThat(kinds(line)).containsExactly(Cause.Kind.CHANGE_OUTSIDE_CLAIM, Cause.Kind.CHANGE_FROM_BASE);
        assertThat(line.causes().get(1).code()).isEqualTo(Cause.BASE_LEVEL_MATCHES);
        assertThat(line.causes().get(1).closing().subtract(new BigDecimal("1124.437781109445277361319340329835")).abs())
                .isLessThan(new BigDecimal("1E-25"));
        ReconciliationLine missed = change("MONITORED_HOUSEHOLDS", "增长33.4%", "1000", Status.MISMATCH);
        assertThat(kinds(missed)).containsExactly(Cause.Kind.CHANGE_OUTSIDE_CLAIM, Cause.Kind.CHANGE_FROM_TOTAL);
        ReconciliationLine unknown = change("MONITORED_HOUSEHOLDS", "增长33.4%", "1000", null);
        assertThat(kinds(unknown)).containsExactly(Cause.Kind.CHANGE_OUTSIDE_CLAIM, Cause.Kind.CHANGE_UNEXPLAINED);
        assertThat(unknown.causes().get(1).value()).isEqualByComparingTo("1334");
    }

    @Test
    void noBaseRowIsNoData() {
        counties("MONITORED_HOUSEHOLDS", "334");
        ReconciliationLine line = change("MONITORED_HOUSEHOLDS", "增长33.4%", null, null);
        assertThat(line.status()).isEqualTo(Status.NO_DATA);
        assertThat(kinds(line)).containsExactly(Cause.Kind.NO_BASE);
        assertThat(line.causes().get(0).raw()).isEqualTo("2022");
        assertThat(line.cityTotal()).isEqualByComparingTo("1334");
        assertThat(line.computedChange()).isNull();
        assertThat(line.difference()).isNull();
        assertThat(line.asPrinted()).isNull();
    }

    @Test
    void aBaseOfZeroIsNoDataForARelativeChange() {
        counties("MONITORED_HOUSEHOLDS", "334");
        ReconciliationLine line = change("MONITORED_HOUSEHOLDS", "增长33.4%", "0", null);
        assertThat(line.status()).isEqualTo(Status.NO_DATA);
        assertThat(kinds(line)).containsExactly(Cause.Kind.BASE_ZERO);
        assertThat(line.computedChange()).isNull();
    }

    @Test
    void aPartialTotalBoundsAGrowthFromBelow() {
        counties("MONITORED_HOUSEHOLDS", null);
        // partial t = 1000 from b = 900: g ≥ 11.1%, already above 增长5%'s upper bound 5.5
        ReconciliationLine over = change("MONITORED_HOUSEHOLDS", "增长5%", "900", null);
        assertThat(over.status()).isEqualTo(Status.MISMATCH);
        assertThat(kinds(over)).containsExactly(Cause.Kind.EXCEEDED_BEFORE_COMPLETE);
        assertThat(over.computedChange()).isGreaterThan(new BigDecimal("11.1"));
        // from b = 800 the partial growth is 25%: 增长33.4% may still be reached
        ReconciliationLine waiting = change("MONITORED_HOUSEHOLDS", "增长33.4%", "800", null);
        assertThat(waiting.status()).isEqualTo(Status.INCOMPLETE);
        assertThat(kinds(waiting)).containsExactly(Cause.Kind.WAITING);
        assertThat(waiting.computedChange()).isEqualByComparingTo("25");
        assertThat(waiting.cityTotal()).isEqualByComparingTo("1000");
    }

    @Test
    void aPartialTotalBoundsADeclineFromAbove() {
        counties("MONITORED_HOUSEHOLDS", null);
        // partial t = 1000 from b = 2000: d ≤ 50%, so 压减63.2% can no longer hold
        assertThat(change("MONITORED_HOUSEHOLDS", "压减63.2%", "2000", null).status()).isEqualTo(Status.MISMATCH);
        // from b = 4000: d ≤ 75%, 压减63.2% may still hold once the last county reports
        assertThat(change("MONITORED_HOUSEHOLDS", "压减63.2%", "4000", null).status()).isEqualTo(Status.INCOMPLETE);
    }

    @Test
    void anIncompleteRatioIsIncompleteWithoutAChange() {
        accepted.computeIfAbsent("PETITION_CASES_ASSIGNED", k -> new HashMap<>()).put(COUNTIES.get(0), new BigDecimal("10"));
        accepted.computeIfAbsent("PETITION_CASES_RESOLVED", k -> new HashMap<>()).put(COUNTIES.get(0), new BigDecimal("9"));
        ReconciliationLine line = change("PETITION_RESOLUTION_RATE", "提高2个百分点", "88", null);
        assertThat(line.status()).isEqualTo(Status.INCOMPLETE);
        assertThat(line.cityTotal()).isNull();
        assertThat(line.computedChange()).isNull();
        assertThat(line.asPrinted()).isNull();
        assertThat(kinds(line)).containsExactly(Cause.Kind.RATIO_INCOMPLETE);
    }

    @Test
    void aPointChangeDownIsTheBaseMinusTheTotal() {
        Map<String, BigDecimal> assigned = accepted.computeIfAbsent("PETITION_CASES_ASSIGNED", k -> new HashMap<>());
        Map<String, BigDecimal> resolved = accepted.computeIfAbsent("PETITION_CASES_RESOLVED", k -> new HashMap<>());
        COUNTIES.forEach(c -> {
            assigned.put(c, new BigDecimal("100"));
            resolved.put(c, new BigDecimal("90"));
        });
        ReconciliationLine line = change("PETITION_RESOLUTION_RATE", "下降2个百分点", "92", null);
        assertThat(line.status()).isEqualTo(Status.MATCH);
        assertThat(line.computedChange()).isEqualByComparingTo("2");
        assertThat(line.asPrinted()).isEqualTo("下降2个百分点");
        ReconciliationLine rose = change("PETITION_RESOLUTION_RATE", "下降2个百分点", "88", null);
        assertThat(rose.status()).isEqualTo(Status.MISMATCH);
        assertThat(rose.computedChange()).isEqualByComparingTo("-2");
        assertThat(rose.asPrinted()).isEqualTo("下降-2个百分点");
        // a rate of 0 last year is a base for points
        assertThat(change("PETITION_RESOLUTION_RATE", "提高90个百分点", "0", null).status()).isEqualTo(Status.MATCH);
    }
}
