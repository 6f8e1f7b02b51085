package cn.ulanqab.stats.wording;

import cn.ulanqab.stats.ConfigurationException;
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

    /**
     * The wording of {@code reconciliation.language} ({@code zh} or {@code en}).
     *
     * @throws ConfigurationException for anything else, saying which languages there are
     */
    public static Locale locale(String language) {
        return switch (language == null ? "" : language.strip()) {
            case "zh" -> Locale.CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> throw ConfigurationException.of(null, Detail.of("config.language.unknown", language), Detail.NONE);
        };
    }

    /** The language of a command line that may not parse as a whole: Chinese unless it asks for English. */
    public static Locale localeOf(String language) {
        return "en".equals(language == null ? null : language.strip()) ? Locale.ENGLISH : Locale.CHINESE;
    }

    /** A sentence of the bundles; its arguments are texts (a MessageFormat never formats a figure or a date here). */
    public static String text(Locale locale, String key, Object... args) {
        return MESSAGES.getMessage(key, args, locale);
    }

    /** A {@link Detail} whose key is a full key of the bundles (the operator's sentences: {@code config.*}, {@code fix.*}, {@code operator.*}). */
    public static String text(Locale locale, Detail sentence) {
        if (sentence == null || sentence.isNone()) {
            return "";
        }
        if (sentence.isLiteral()) {
            return sentence.args().get(0);
        }
        Object[] args = sentence.args().stream().map(a -> Detail.nested(a).map(d -> text(locale, d)).orElse(a)).toArray();
        return text(locale, sentence.key(), args);
    }
}
