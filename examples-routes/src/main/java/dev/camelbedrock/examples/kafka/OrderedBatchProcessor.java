package dev.camelbedrock.examples.kafka;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Processes one camel-kafka batch ({@code batching=true}: the body is the {@code List<Exchange>} of one poll) and
 * commits it, on the consumer's own polling thread:
 * <ol>
 *   <li>the records are grouped by partition and key; each group goes through {@code target} one record at a time,
 *   in offset order, and the groups run concurrently on the asynchronous producer (no thread waits on Bedrock);</li>
 *   <li>a group stops at its first record that could be neither enriched nor dead-lettered (Kafka did not take
 *   either), so a later record of that key is never written before an earlier one;</li>
 *   <li>when every group is done, each partition's offset is committed (commitSync, through the record's
 *   {@link KafkaManualCommit}) up to its last record before the first unfinished one: everything committed has
 *   been acknowledged by Kafka on the output or dead-letter topic;</li>
 *   <li>if any record is unfinished, the batch fails: with {@code breakOnFirstError=true} camel-kafka reconnects and
 *   polls again from the committed offsets (at-least-once: records after the gap may be written twice).</li>
 * </ol>
 * Records without a key keep their partition's order (they form one group per partition).
 */
public final class OrderedBatchProcessor extends ServiceSupport implements Processor {

    private final CamelContext context;
    private final String target;
    private final long timeoutMs;
    private final int dispatchThreads;
    private AsyncProducer producer;
    private ExecutorService dispatcher;
    private final AtomicLong failedBatches = new AtomicLong();

    /**
     * @param target          the endpoint each record is sent to (asynchronously)
     * @param timeoutMs       how long a batch may take
     * @param dispatchThreads threads that start the batches' chains: one per consumer thread sharing this processor
     */
    public OrderedBatchProcessor(CamelContext context, String target, long timeoutMs, int dispatchThreads) {
        this.context = Objects.requireNonNull(context);
        this.target = Objects.requireNonNull(target);
        this.timeoutMs = timeoutMs;
        this.dispatchThreads = Math.max(1, dispatchThreads);
    }

    @Override
    protected void doStart() throws Exception {
        producer = context.getEndpoint(target).createAsyncProducer();
        ServiceHelper.startService(producer);
        dispatcher = context.getExecutorServiceManager().newFixedThreadPool(this, "batch-dispatch", dispatchThreads);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(producer);
        producer = null;
        if (dispatcher != null) {
            context.getExecutorServiceManager().shutdown(dispatcher);
            dispatcher = null;
        }
    }

    @Override
    public void process(Exchange batch) throws Exception {
        @SuppressWarnings("unchecked")
        List<Exchange> records = batch.getMessage().getBody(List.class);
        if (records == null || records.isEmpty()) {
            return;
        }
        Set<Exchange> done = ConcurrentHashMap.newKeySet();
        // Started from another thread: this one runs Camel's reactive loop of the batch exchange, and work that the
        // records' routes would queue on it could not run while it waits below.
        CompletableFuture<Void> all = CompletableFuture.supplyAsync(() -> {
            List<CompletableFuture<Void>> groups = new ArrayList<>();
            for (List<Exchange> group : groupByPartitionAndKey(records).values()) {
                CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
                for (Exchange record : group) {
                    chain = chain.thenCompose(previous -> send(record, done));
                }
                groups.add(chain);
            }
            return CompletableFuture.allOf(groups.toArray(CompletableFuture[]::new));
        }, dispatcher).thenCompose(f -> f);
        Throwable failure = null;
        try {
            all.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            failure = new TimeoutException("The batch did not finish within " + timeoutMs + " ms");
        }
        commitFinished(records, done);
        if (failure != null || done.size() < records.size()) {
            failedBatches.incrementAndGet();
            throw new IllegalStateException((records.size() - done.size()) + " of " + records.size()
                    + " records were neither enriched nor dead-lettered; their offsets are not committed and they"
                    + " will be consumed again", failure);
        }
    }

    /** Batches that failed (not every record finished): each is consumed again from its committed offsets. */
    public long failedBatches() {
        return failedBatches.get();
    }

    private CompletableFuture<Void> send(Exchange record, Set<Exchange> done) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            producer.process(record, doneSync -> {
                if (record.getException() != null) {
                    result.completeExceptionally(record.getException());
                } else {
                    done.add(record);
                    result.complete(null);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private static Map<List<Object>, List<Exchange>> groupByPartitionAndKey(List<Exchange> records) {
        Map<List<Object>, List<Exchange>> groups = new LinkedHashMap<>();
        for (Exchange record : records) {
            Object partition = record.getMessage().getHeader(KafkaConstants.PARTITION);
            Object key = record.getMessage().getHeader(KafkaConstants.KEY);
            groups.computeIfAbsent(java.util.Arrays.asList(partition, key), k -> new ArrayList<>()).add(record);
        }
        return groups;
    }

    /** Per partition: commit the offset after the last record of the unbroken run of finished records. */
    private static void commitFinished(List<Exchange> records, Set<Exchange> done) {
        Map<Object, List<Exchange>> byPartition = new LinkedHashMap<>();
        for (Exchange record : records) {
            byPartition.computeIfAbsent(record.getMessage().getHeader(KafkaConstants.PARTITION), p -> new ArrayList<>())
                    .add(record);
        }
        for (List<Exchange> partition : byPartition.values()) {
            partition.sort(Comparator.comparing(r -> r.getMessage().getHeader(KafkaConstants.OFFSET, Long.class)));
            Exchange lastFinished = null;
            for (Exchange record : partition) {
                if (!done.contains(record)) {
                    break;
                }
                lastFinished = record;
            }
            if (lastFinished != null) {
                KafkaManualCommit commit = lastFinished.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
                if (commit == null) {
                    throw new IllegalStateException("No " + KafkaConstants.MANUAL_COMMIT + " header: the kafka consumer"
                            + " needs allowManualCommit=true and autoCommitEnable=false");
                }
                commit.commit();
            }
        }
    }
}
