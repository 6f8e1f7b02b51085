package cn.ulanqab.stats.report;

import cn.ulanqab.stats.catalog.County;
import cn.ulanqab.stats.catalog.Indicator;
import cn.ulanqab.stats.catalog.ReferenceData;
import cn.ulanqab.stats.catalog.Registry;
import cn.ulanqab.stats.reconciliation.Cause;
import cn.ulanqab.stats.reconciliation.ReconciliationLine;
import cn.ulanqab.stats.review.Review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The words of a line's causes in the wording's language: one sentence per cause, and why a review is stale. */
public final class CauseWords {

    /** Between the sentences of a hint in a CSV cell. */
    public static final String SEPARATOR = " | ";

    private final Wording words;
    private final ReferenceData reference;

    public CauseWords(Wording words, ReferenceData reference) {
        this.words = words;
        this.reference = reference;
    }

    public Wording words() {
        return words;
    }

    /** The hint of a line: its causes, then why its review is stale, if it is. */
    public String hint(ReconciliationLine line) {
        return String.join(SEPARATOR, sentences(line));
    }

    public List<String> sentences(ReconciliationLine line) {
        List<String> out = new ArrayList<>();
        line.causes().forEach(c -> out.add(sentence(c, line)));
        out.addAll(staleWhy(line));
        return out;
    }

    /** Why a line's review excuses nothing tonight: each part of its basis that differs. */
    public List<String> staleWhy(ReconciliationLine line) {
        Review r = line.review();
        List<String> out = new ArrayList<>();
        if (r == null || !line.reviewStale()) {
            return out;
        }
        if (r.totalDiffers(line.cityTotal())) {
            out.add(words.get("review.stale.total", r.cityTotal(), line.cityTotal() == null ? words.get("review.stale.none") : line.cityTotal()));
        }
        if (r.countiesDiffer(line.countiesReported())) {
            out.add(words.get("review.stale.counties", r.countiesReported(), line.countiesReported()));
        }
        String named = line.namedCounty().orElse("");
        if (r.namedCountyDiffers(named)) {
            out.add(words.get("review.stale.named", county(r.namedCounty()), named.isEmpty() ? words.get("review.stale.none") : county(named)));
        }
        return out;
    }

    public String sentence(Cause c, ReconciliationLine line) {
        String unit = line.unit();
        String key = "cause." + c.kind().name();
        return switch (c.kind()) {
            case REPORT_CHECK -> words.get("cause.REPORT_CHECK." + c.code(), text(c.raw()), text(c.remark()));
            case OUTSIDE_CLAIM -> words.get(key, c.value(), line.publishedText(), line.claim());
            case PUBLISHED_UNIT -> words.get(key, c.value(), unit, factor(c.factor()), c.closing(), line.publishedText(), line.claim());
            case UNIT_SLIP -> words.get(key, county(c.county()), c.value(), unit, factor(c.factor()), c.closing());
            case DIGITS_SWAPPED -> words.get(key, county(c.county()), c.value(), unit, c.closing(),
                    c.closing().subtract(c.value()).abs());
            case COUNTED_TWICE -> words.get(key, county(c.county()), c.value(), unit);
            case RESUBMISSION -> words.get(key, county(c.county()), c.file(), c.closing(), unit, c.value());
            case ROUNDING_EDGE -> words.get(key, c.value(), line.claim());
            case UNEXPLAINED, NOT_PRINTED, NO_COUNTY_REPORTED, NOT_A_CITY -> words.get(key);
            case RATIO_NO_DATA, RATIO_INCOMPLETE, RATIO_ZERO_DENOMINATOR -> {
                Indicator indicator = reference.catalog().find(line.indicatorCode()).orElse(null);
                String numerator = indicator == null || indicator.formula() == null ? "" : indicator.formula().numerator();
                String denominator = indicator == null || indicator.formula() == null ? "" : indicator.formula().denominator();
                yield words.get(key, numerator, denominator, counties(line.missingCounties()));
            }
            case CITY_FILE_LACKS -> words.get(key, county(c.county()));
            case WAITING -> words.get(key, c.value(), counties(line.missingCounties()), line.claim());
            case EXCEEDED_BEFORE_COMPLETE -> words.get(key, counties(line.missingCounties()), c.value(), line.publishedText(), line.claim());
            case REJECTED_ROW -> words.get(key, name(c.county()), c.file(), c.line(), c.code());
            case MORE_REJECTED -> words.get(key, c.value());
            case WOULD_COMPLETE -> words.get(key, name(c.county()), c.file(), c.line(), c.code(), text(c.raw()), c.value(), unit,
                    c.closing()) + (c.remark() == null ? "" : words.get("cause.WOULD_COMPLETE.remark", c.remark()));
            case NO_BASE, BASE_ZERO -> words.get(key, text(c.raw()), text(c.file()));
            case CHANGE_OUTSIDE_CLAIM -> words.get(key, c.closing(), text(c.raw()), line.cityTotal(), unit, c.value(),
                    line.publishedText(), line.claim());
            case CHANGE_FROM_TOTAL -> words.get(key, c.value(), unit, c.closing(), line.publishedText());
            case CHANGE_FROM_BASE -> Cause.BASE_UNIT_SLIP.equals(c.code())
                    ? words.get(key + ".UNIT_SLIP", text(c.file()), c.value(), unit, factor(c.factor()), c.closing(), line.publishedText())
                    : words.get(key + "." + c.code(), text(c.file()), c.value(), unit, c.closing(), line.publishedText());
            case CHANGE_UNEXPLAINED -> words.get(key, line.baseTotal(), unit, c.value(), line.cityTotal(), c.closing(),
                    line.publishedText());
        };
    }

    /** ×10,000 or ÷10,000: the power of ten that closes the gap. */
    public String factor(BigDecimal factor) {
        if (factor == null) {
            return "";
        }
        return factor.compareTo(BigDecimal.ONE) >= 0 ? "×" + Wording.grouped(factor)
                : "÷" + Wording.grouped(BigDecimal.ONE.divide(factor));
    }

    /** A unit as a reader finds it: 卓资县 (150921). */
    public String county(String code) {
        Registry registry = reference.registry();
        return registry.find(code).map(c -> c.nameZh() + " (" + code + ")").orElse(text(code));
    }

    /** A unit's name only (its code where it has none). */
    public String name(String code) {
        return reference.registry().find(code).map(County::nameZh).orElse(text(code));
    }

    public String counties(List<String> codes) {
        return String.join(words.get("list.separator"), codes.stream().map(this::county).toList());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
