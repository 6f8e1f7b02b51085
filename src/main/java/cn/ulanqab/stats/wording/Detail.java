package cn.ulanqab.stats.wording;

import java.util.Arrays;
import java.util.List;

/**
 * What a check found wrong with a row or a file, as data: a key of the message bundles ({@code detail.<key>}) and the texts it
 * names (a code, a value, line numbers). Each output words it in its own language; the database keeps it in the
 * record's MESSAGE or REASON column as {@link #stored()}.
 */
public record Detail(String key, List<String> args) {

    /** Between the key and the texts, and between texts, in the stored form: a character no check ever names. */
    private static final char SEPARATOR = '\u001F';
    private static final String LITERAL = "literal";

    /** Nothing to add to what the reason says. */
    public static final Detail NONE = new Detail("", List.of());

    public Detail {
        args = List.copyOf(args);
    }

    public static Detail of(String key, Object... args) {
        return new Detail(key, Arrays.stream(args).map(a -> String.valueOf(a).replace(SEPARATOR, '\u241F')).toList());
    }

    /** Marks an argument that is itself a key of the bundles, worded in the same language as the sentence around it. */
    static final char WORD = '\u0002';

    /** An argument of {@link #of} worded from the bundles ({@code file.kind.SYMBOLIC_LINK}), not shown as it is. */
    public static String word(String key) {
        return WORD + key;
    }

    /** A text shown as it is in every language. */
    public static Detail literal(String text) {
        return new Detail(LITERAL, List.of(text));
    }

    public boolean isNone() {
        return key.isEmpty();
    }

    /** A message stored as text by a release before messages were data (a database of 0.1.0): shown as it was. */
    public boolean isLiteral() {
        return key.equals(LITERAL);
    }

    public String stored() {
        if (isNone()) {
            return null;
        }
        StringBuilder text = new StringBuilder(key);
        for (String arg : args) {
            text.append(SEPARATOR).append(arg);
        }
        return text.append(SEPARATOR).toString();
    }

    public static Detail fromStored(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        if (text.indexOf(SEPARATOR) < 0) {
            return literal(text);
        }
        List<String> parts = Arrays.asList(text.substring(0, text.length() - 1).split(String.valueOf(SEPARATOR), -1));
        return new Detail(parts.get(0), parts.subList(1, parts.size()));
    }
}
