package cn.ulanqab.stats.published;

import java.util.Objects;

/**
 * What a printed figure and a reconciliation line are about: an indicator for a region, and what the figure claims
 * (its level, or its change against last year). One indicator may have a level figure and a change figure; a total is
 * keyed by its level key.
 */
public record FigureKey(String indicatorCode, String regionCode, ClaimKind kind) {

    public FigureKey {
        Objects.requireNonNull(kind, "kind");
    }

    /** The level figure of an indicator for a region (and the key of its total). */
    public FigureKey(String indicatorCode, String regionCode) {
        this(indicatorCode, regionCode, ClaimKind.LEVEL);
    }

    /** The same indicator and region with another claim kind. */
    public FigureKey withKind(ClaimKind other) {
        return new FigureKey(indicatorCode, regionCode, other);
    }
}
