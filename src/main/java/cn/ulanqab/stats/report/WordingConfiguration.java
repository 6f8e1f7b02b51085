package cn.ulanqab.stats.report;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.DateTimeException;
import java.time.ZoneId;

/** The night's wording: the message bundles Spring Boot loads, in {@code reconciliation.language}, times in {@code reconciliation.zone}. */
@Configuration
public class WordingConfiguration {

    @Bean
    Wording wording(MessageSource messages, @Value("${reconciliation.language:zh}") String language,
                    @Value("${reconciliation.zone:Asia/Shanghai}") String zone) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw ConfigurationException.of("reconciliation.zone=" + zone, Detail.of("config.zone"), Detail.of("fix.zone"));
        }
        return new Wording(messages, Wording.locale(language), zoneId);
    }
}
