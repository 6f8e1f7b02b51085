package cn.ulanqab.stats.submission;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number grammar of a submitted value: after trimming every blank ({@link Blanks}) and mapping full-width digits,
 * {@code ，}, {@code ．}, {@code －} and {@code ／} to ASCII, {@code -?D(\.D)?} where D is digits or digits grouped in
 * threes by commas; and at most {@link #MAX_LENGTH} characters, so that no value outgrows the columns its sums are
 * kept in.
 */
public final class SubmittedNumber {

    /** The longest value read as a number. */
    public static final int MAX_LENGTH = 40;

    private static final Pattern GRAMMAR = Pattern.compile("-?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\\.[0-9]+)?");

    private SubmittedNumber() {
    }

    /** True for a blank value or a placeholder that means "not reported": {@code -}, {@code —}, {@code /}. */
    public static boolean isMissing(String raw) {
        if (plainDecimal(raw)) {
            return false;
        }
        String v = normalize(raw);
        return v.isEmpty() || v.equals("-") || v.equals("—") || v.equals("/");
    }

    /** Whether the value, trimmed, is longer than {@link #MAX_LENGTH}: never a number, whatever its digits. */
    public static boolean tooLong(String raw) {
        return raw != null && raw.length() > MAX_LENGTH && Blanks.trim(raw).length() > MAX_LENGTH;
    }

    public static Optional<BigDecimal> parse(String raw) {
        if (tooLong(raw)) {
            return Optional.empty();
        }
        if (plainDecimal(raw)) {
            return Optional.of(new BigDecimal(raw));
        }
        String v = normalize(raw);
        if (!GRAMMAR.matcher(v).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(v.replace(",", "")));
    }

    /**
     * Digits with at most one '.' between digits and nothing else: nearly every submitted value, which the grammar
     * accepts as it is, so it is parsed without normalizing or matching it.
     */
    static boolean plainDecimal(String raw) {
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        int dot = -1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '.' && dot < 0 && i > 0 && i < raw.length() - 1) {
                dot = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (char ch : Blanks.trim(raw).toCharArray()) {
            if (ch >= '０' && ch <= '９') {
                sb.append((char) ('0' + (ch - '０')));
            } else if (ch == '，') {
                sb.append(',');
            } else if (ch == '．') {
                sb.append('.');
            } else if (ch == '－') {
                sb.append('-');
            } else if (ch == '／') {
                sb.append('/');
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
