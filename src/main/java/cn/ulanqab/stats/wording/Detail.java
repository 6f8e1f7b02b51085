package cn.ulanqab.stats.wording;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A sentence as data: a key of the message bundles and the texts it names (a code, a value, line numbers). What a check
 * found in a row or a file ({@code detail.<key>}, stored in the record's MESSAGE or REASON column as {@link #stored()}),
 * or what an operator is told ({@code config.*}, {@code fix.*}, {@code operator.*}). Each output words it in its own
 * language.
 */
public record Detail(String key, List<String> args) {

    /** Between the key and the texts, and between texts, in the stored form: a character no check ever names. */
    private static final char SEPARATOR = '\u001F';
    /** Before the key and each text of a sentence given as a text of another ({@link #of} with a Detail argument). */
    private static final char NESTED = '\u001E';
    private static final String LITERAL = "literal";

    /** Nothing to add to what the reason says. */
    public static final Detail NONE = new Detail("", List.of());

    public Detail {
        args = List.copyOf(args);
    }

    /**
     * A sentence of the bundles and the texts it names. A text that is itself a Detail (one level deep: a reason inside a
     * problem) is kept as that sentence and worded in the same language as the sentence naming it ({@link #nested}).
     */
    public static Detail of(String key, Object... args) {
        return new Detail(key, Arrays.stream(args).map(Detail::argument).toList());
    }

    private static String argument(Object arg) {
        if (arg instanceof Detail sentence) {
            if (sentence.isNone()) {
                return "";
            }
            StringBuilder text = new StringBuilder().append(NESTED).append(sentence.key());
            sentence.args().forEach(a -> text.append(NESTED).append(plain(a)));
            return text.toString();
        }
        return String.valueOf(arg).replace(SEPARATOR, '\u241F');
    }

    private static String plain(String text) {
        return text.replace(SEPARATOR, '\u241F').replace(NESTED, '\u241E');
    }

    /** A text of a Detail that is a sentence of its own (given to {@link #of} as a Detail); empty for a plain text. */
    public static Optional<Detail> nested(String arg) {
        if (arg == null || arg.isEmpty() || arg.charAt(0) != NESTED) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(arg.substring(1).split(String.valueOf(NESTED), -1));
        return Optional.of(new Detail(parts.get(0), parts.subList(1, parts.size())));
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
