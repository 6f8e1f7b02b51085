package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;

import java.util.Locale;

/**
 * What this process does ({@code reconciliation.role}): the whole night on its own (standalone, the default, no broker),
 * the night with readAndValidateSubmissions sent to workers over RabbitMQ (manager), or partitions for managers, until
 * it is stopped (worker). Manager and workers share the PostgreSQL job repository and see the input at the same path.
 */
public enum Role {
    STANDALONE, MANAGER, WORKER;

    public static final String SETTING = "reconciliation.role";

    public static Role of(String value) {
        if (value == null || value.isBlank()) {
            return STANDALONE;
        }
        for (Role role : values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(value.strip())) {
                return role;
            }
        }
        throw ConfigurationException.of("--" + SETTING + "=" + value, Detail.of("config.not.a.role"), Detail.of("fix.role"));
    }
}
