package cn.ulanqab.stats.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Flyway as Spring Boot configures it, with the job's schema prepared as soon as the data source exists, and the
 * takeover of release 0.1.0's tables among the migrations.
 */
@Configuration
public class DatabaseConfig {

    static final String SCHEMA_SETTING = "reconciliation.db-schema";

    @Bean
    static BeanPostProcessor jobSchemaBeforeFirstConnection(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    SchemaMigration.prepare(new JobDatabase(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(),
                            environment.getRequiredProperty(SCHEMA_SETTING)));
                }
                return bean;
            }
        };
    }

    @Bean
    FlywayConfigurationCustomizer firstReleaseTakeover() {
        return configuration -> configuration.javaMigrations(new FirstReleaseTakeover());
    }

    @Bean
    FlywayMigrationStrategy translatedFailures(RunControl runControl) {
        return flyway -> SchemaMigration.migrate(flyway, runControl.database());
    }
}
