package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** What the manager and its workers agree on: the queues, the message's headers and fields, and the jar's version. */
final class RemotePartitioning {

    /** The partition requests: durable, its rejected messages dead-lettered to {@link #DEAD_LETTERS}. */
    static final String REQUESTS = "reconciliation.partitions";
    static final String DEAD_LETTERS = "reconciliation.partitions.dead";
    /** Header of every request: the version of the manager's jar. */
    static final String VERSION = "reconciliation-version";
    /** Headers a worker adds to a request it dead-letters: its own version and host. */
    static final String REJECTED_BY_VERSION = "reconciliation-rejected-by-version";
    static final String REJECTED_BY_HOST = "reconciliation-rejected-by-host";
    /** The request's JSON fields. */
    static final String STEP_EXECUTION_ID = "stepExecutionId";
    static final String STEP_NAME = "stepName";

    /** Key of a partition's context: why its worker failed it, naming the worker (read by the manager, see RemotePartitionsEnded). */
    static final String WORKER_FAILURE = "worker.failure";

    static final String TIMEOUT_SETTING = "reconciliation.partition-timeout";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private RemotePartitioning() {
    }

    /**
     * The version of this jar (its manifest's Implementation-Version), or what {@code reconciliation.testing.version}
     * says (FOR TESTING ONLY: a worker that pretends to be another release).
     */
    static String version(String testingVersion) {
        if (testingVersion != null && !testingVersion.isBlank()) {
            return testingVersion.strip();
        }
        String version = RemotePartitioning.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** {@code reconciliation.partition-timeout}: how long the manager waits for its partitions (ISO-8601 or 30m, 90s …). */
    static Duration timeout(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        String v = value.strip();
        try {
            Duration d = v.matches("[0-9]+[smhd]") ? switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                case 'm' -> Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                case 'h' -> Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
                default -> Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
            } : Duration.parse(v);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // said below
        }
        throw ConfigurationException.of("--" + TIMEOUT_SETTING + "=" + value, Detail.of("config.not.a.duration"),
                Detail.of("fix.partition.timeout"));
    }

    /** Opens a connection to the broker, or says which broker does not answer and what to do. */
    static void checkBroker(CachingConnectionFactory broker, Role role) {
        try (Connection c = broker.createConnection()) {
            // the broker answers
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw ConfigurationException.of("RabbitMQ " + broker.getHost() + ":" + broker.getPort(), Detail.of("config.broker.silent",
                    root.getClass().getSimpleName() + ": " + root.getMessage(), Role.SETTING + "=" + role.name().toLowerCase(Locale.ROOT)),
                    Detail.of("fix.broker"));
        }
    }
}
