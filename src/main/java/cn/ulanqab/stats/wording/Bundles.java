package cn.ulanqab.stats.wording;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

/**
 * The message bundles ({@code messages.properties} in Chinese, the default; {@code messages_en.properties}) as Spring Boot
 * configures them (spring.messages.*), for the words said before or outside a Spring context: a command line or a
 * configuration that cannot start, a run that stops.
 */
public final class Bundles {

    public static final String BASENAME = "messages";

    private static final MessageSource MESSAGES = create();

    private Bundles() {
    }

    public static MessageSource messages() {
        return MESSAGES;
    }

    private static MessageSource create() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(BASENAME);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    /** The wording of {@code reconciliation.language} ({@code zh} or {@code en}); anything else is refused. */
    public static Locale locale(String language) {
        return switch (language == null ? "" : language.strip()) {
            case "zh" -> Locale.CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new IllegalArgumentException("reconciliation.language=" + language
                    + " is not a language of the reports: write reconciliation.language=zh (Chinese, the default) or en");
        };
    }

    /** The language of a command line that may not parse as a whole: Chinese unless it asks for English. */
    public static Locale localeOf(String language) {
        return "en".equals(language == null ? null : language.strip()) ? Locale.ENGLISH : Locale.CHINESE;
    }

    /** A sentence of the bundles; its arguments are texts (a MessageFormat never formats a figure or a date here). */
    public static String text(Locale locale, String key, Object... args) {
        Object[] worded = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            worded[i] = args[i] instanceof String s && !s.isEmpty() && s.charAt(0) == Detail.WORD
                    ? MESSAGES.getMessage(s.substring(1), null, locale) : args[i];
        }
        return MESSAGES.getMessage(key, worded, locale);
    }

    /** A {@link Detail} whose key is a full key of the bundles (the operator's sentences: {@code config.*}, {@code fix.*}, {@code operator.*}). */
    public static String text(Locale locale, Detail sentence) {
        if (sentence == null || sentence.isNone()) {
            return "";
        }
        return sentence.isLiteral() ? sentence.args().get(0) : text(locale, sentence.key(), sentence.args().toArray());
    }
}
