package cn.ulanqab.stats.published;

import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;

import java.util.Locale;

/**
 * A printed text {@link PrintedFigureParser} cannot read. Why, as a sentence of the message bundles
 * ({@code config.printed.*}, {@code config.numeral.*}) that a file's problem names in the run's language;
 * {@link #getMessage()} is its English wording.
 */
public final class UnreadableFigure extends IllegalArgumentException {

    private final Detail reason;

    UnreadableFigure(String key, Object... args) {
        this(Detail.of(key, args));
    }

    private UnreadableFigure(Detail reason) {
        super(Bundles.text(Locale.ENGLISH, reason));
        this.reason = reason;
    }

    /** Why the text cannot be read, to name in a problem ({@code Detail.of(key, ..., reason)}). */
    public Detail reason() {
        return reason;
    }
}
