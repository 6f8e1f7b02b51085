package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.database.DatabaseUnavailableException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

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
        SpringApplication app = new SpringApplication(application);
        app.setDefaultProperties(Map.of("logging.threshold.console", "OFF"));
        ConfigurableApplicationContext context;
        try {
            context = app.run(args);
        } catch (RuntimeException e) {
            System.err.println("cannot start: " + explanation(e));
            return 2;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        CachingConnectionFactory broker = context.getBean(CachingConnectionFactory.class);
        System.out.println("worker " + RemotePartitioning.host() + " (release " + context.getBean("jarVersion", String.class)
                + ") takes partition requests from RabbitMQ at " + broker.getHost() + ":" + broker.getPort() + ", queue "
                + RemotePartitioning.REQUESTS);
        System.out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String explanation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigurationException || t instanceof DatabaseUnavailableException) {
                return t.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
