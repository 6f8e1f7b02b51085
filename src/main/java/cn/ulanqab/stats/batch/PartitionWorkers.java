package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Bundles;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a worker process ({@code --reconciliation.role=worker}): it takes partition requests until it is stopped
 * (SIGTERM, as systemd stops a service). A worker that cannot start (no PostgreSQL profile, a broker or database
 * that does not answer) exits with status 2 and a message that names what and the fix.
 */
public final class PartitionWorkers {

    private PartitionWorkers() {
    }

    public static int run(Class<?> application, String... args) {
        Locale locale = Bundles.localeOf(RunOptions.valueIn(args, "reconciliation.language", System.getenv("RECONCILIATION_LANGUAGE")));
        SpringApplication app = new SpringApplication(application);
        app.setDefaultProperties(Map.of("logging.threshold.console", "OFF"));
        ConfigurableApplicationContext context;
        try {
            context = app.run(args);
        } catch (RuntimeException e) {
            System.err.println(Bundles.text(locale, "operator.cannot.start", NightlyRun.rootMessage(e, locale)));
            return 2;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        CachingConnectionFactory broker = context.getBean(CachingConnectionFactory.class);
        System.out.println(Bundles.text(locale, "operator.worker", RemotePartitioning.host(), Bundles.text(locale,
                "operator.worker.ready", context.getBean("jarVersion", String.class), broker.getHost() + ":" + broker.getPort(),
                RemotePartitioning.REQUESTS)));
        System.out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
