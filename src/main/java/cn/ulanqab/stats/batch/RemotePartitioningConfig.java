package cn.ulanqab.stats.batch;

import cn.ulanqab.stats.wording.Detail;
import cn.ulanqab.stats.ConfigurationException;
import cn.ulanqab.stats.database.RunControl;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RabbitMQ side of the manager and worker roles (never built in the standalone role, which touches no broker):
 * the queues, the manager's requests sent as JSON with the jar's version, and the worker's consumer, one request at a
 * time (prefetch 1, acknowledged once its partition has ended, so that the request of a worker that dies is delivered
 * again to another).
 */
@Configuration
@ConditionalOnExpression("'${reconciliation.role:standalone}' == 'manager' or '${reconciliation.role:standalone}' == 'worker'")
@EnableBatchIntegration
class RemotePartitioningConfig {

    @Bean
    Queue partitionRequests() {
        return QueueBuilder.durable(RemotePartitioning.REQUESTS).deadLetterExchange("").deadLetterRoutingKey(RemotePartitioning.DEAD_LETTERS).build();
    }

    @Bean
    Queue partitionDeadLetters() {
        return QueueBuilder.durable(RemotePartitioning.DEAD_LETTERS).build();
    }

    /**
     * Manager and workers share the job repository, so it must be PostgreSQL; a broker that does not answer stops the
     * start with exit status 2, naming it (before any run is started).
     */
    @Bean
    SmartInitializingSingleton sharedDatabaseAndBroker(RunControl runControl, CachingConnectionFactory broker,
                                                       @Value("${" + Role.SETTING + "}") String role) {
        return () -> {
            if (!runControl.database().postgres()) {
                throw ConfigurationException.of("--" + Role.SETTING + "=" + role, Detail.of("config.role.needs.postgres"),
                        Detail.of("fix.role.needs.postgres"));
            }
            RemotePartitioning.checkBroker(broker, Role.of(role));
        };
    }

    @Bean
    String jarVersion(@Value("${reconciliation.testing.version:}") String testingVersion) {
        return RemotePartitioning.version(testingVersion);
    }

    /** Where the manager's partition handler puts its requests. */
    @Bean
    DirectChannel partitionRequestChannel() {
        return new DirectChannel();
    }

    @Bean
    @ConditionalOnProperty(name = Role.SETTING, havingValue = "manager")
    IntegrationFlow partitionRequestsToRabbit(RabbitTemplate rabbit, String jarVersion) {
        JsonMapper json = JsonMapper.builder().build();
        return IntegrationFlow.from(partitionRequestChannel())
                .transform(StepExecutionRequest.class, request -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put(RemotePartitioning.STEP_EXECUTION_ID, request.getStepExecutionId());
                    fields.put(RemotePartitioning.STEP_NAME, request.getStepName());
                    return json.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
                })
                .headerFilter("replyChannel", "errorChannel")
                .enrichHeaders(h -> h.header(RemotePartitioning.VERSION, jarVersion)
                        .header(MessageHeaders.CONTENT_TYPE, "application/json", true))
                .handle(Amqp.outboundAdapter(rabbit).routingKey(RemotePartitioning.REQUESTS))
                .get();
    }

    @Bean
    @ConditionalOnProperty(name = Role.SETTING, havingValue = "worker")
    SimpleMessageListenerContainer partitionConsumer(CachingConnectionFactory broker, PartitionWorker worker,
                                                     @Value("${reconciliation.workers:}") String workers) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(broker);
        container.setQueueNames(RemotePartitioning.REQUESTS);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(1);
        // one partition at a time per consumer, as many consumers as the worker has workers (default: its cores)
        container.setConcurrentConsumers(RunOptions.workers(workers));
        container.setMessageListener(worker);
        return container;
    }
}
