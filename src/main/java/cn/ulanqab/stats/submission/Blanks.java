package cn.ulanqab.stats.submission;

/**
 * Blanks as the contract means them: every Unicode space, not only what {@link String#strip()} removes. Excel and WPS
 * leave the no-break space U+00A0 and the ideographic space U+3000 around copied cells; the zero-width space U+200B and
 * a stray byte-order mark U+FEFF are as invisible.
 */
public final class Blanks {

    private Blanks() {
    }

    public static boolean isBlank(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** The text without blanks at either end; null reads as empty. */
    public static String trim(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    public static boolean isBlank(String text) {
        return trim(text).isEmpty();
    }
}
