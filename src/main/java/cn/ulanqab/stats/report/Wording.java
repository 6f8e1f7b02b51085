package cn.ulanqab.stats.report;

import cn.ulanqab.stats.wording.Bundles;
import cn.ulanqab.stats.wording.Detail;
import org.springframework.context.MessageSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * The words a person reads, in the bureau's language: every sentence comes from the message bundles
 * ({@code messages.properties} in Chinese, the default; {@code messages_en.properties}), numbers are written with
 * thousands separators independently of the machine's locale, times in the bureau's zone.
 */
public final class Wording {

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    public Wording(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    /** The wording of {@code reconciliation.language} ({@code zh} or {@code en}); anything else is refused. */
    public static Locale locale(String language) {
        return Bundles.locale(language);
    }

    /** The bundles as Spring Boot configures them (spring.messages.*), for use without a Spring context. */
    public static MessageSource bundles() {
        return Bundles.messages();
    }

    /** Wording in a language, outside Spring (tests, tools). */
    public static Wording of(String language) {
        return new Wording(bundles(), locale(language), ZoneId.of("Asia/Shanghai"));
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean english() {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** What a check found ({@link Detail}) in this language; empty when it adds nothing to the reason. */
    public String detail(Detail detail) {
        if (detail == null || detail.isNone()) {
            return "";
        }
        return detail.isLiteral() ? detail.args().get(0) : get("detail." + detail.key(), detail.args().toArray());
    }

    /**
     * A message. Every argument but a count is turned into text first (figures with {@link #number}), so no locale formats
     * a figure or a date; a count (Integer, Long) stays a number, for a {@code choice} between one and several.
     */
    public String get(String key, Object... args) {
        Object[] texts = Arrays.stream(args).map(a -> a == null ? "" : a instanceof BigDecimal b ? number(b)
                : a instanceof Integer || a instanceof Long ? ((Number) a).longValue() : (Object) a.toString()).toArray();
        return messages.getMessage(key, texts, locale);
    }

    /** {@link #get} of {@code prefix + token}: the word for a status, a reason, a disposition. */
    public String word(String prefix, Enum<?> token) {
        return token == null ? "" : get(prefix + token.name());
    }

    /** A figure with thousands separators: 27,651,836.5 (at most six decimals, no trailing zeros). */
    public String number(BigDecimal value) {
        return grouped(value);
    }

    public static String grouped(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String plain = plain(value);
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return (negative ? "−" : "") + out + (dot < 0 ? "" : digits.substring(dot));
    }

    private static String plain(BigDecimal value) {
        BigDecimal shown = value.scale() > 6 ? value.setScale(6, RoundingMode.HALF_UP) : value;
        if (shown.signum() == 0 && value.signum() != 0) {
            shown = value.round(new MathContext(2, RoundingMode.HALF_UP));
        }
        shown = shown.stripTrailingZeros();
        if (shown.scale() < 0) {
            shown = shown.setScale(0);
        }
        return shown.toPlainString();
    }

    /** A fraction as a percentage with two decimals; one too small for that keeps two significant digits, never 0%. */
    public String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "";
        }
        BigDecimal percent = fraction.movePointRight(2);
        BigDecimal two = percent.setScale(2, RoundingMode.HALF_UP);
        BigDecimal shown = two.signum() == 0 && percent.signum() != 0 ? percent.round(new MathContext(2, RoundingMode.HALF_UP)) : two;
        String text = shown.stripTrailingZeros().toPlainString();
        if (shown.signum() == 0) {
            text = "0";
        }
        return (text.startsWith("-") ? "−" + text.substring(1) : text) + "%";
    }

    /** A time of the run in the bureau's zone, with its offset: 2026-12-02 17:09:44 (UTC+08:00). */
    public String time(OffsetDateTime time) {
        if (time == null) {
            return "";
        }
        var local = time.atZoneSameInstant(zone);
        return local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)) + " (UTC"
                + local.getOffset().getId().replace("Z", "+00:00") + ")";
    }
}
