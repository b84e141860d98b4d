package io.llmsentinel.jobs;

import java.util.Collection;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimitedSourceReader;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Any source (e.g. a {@code KafkaSource} over a pre-produced topic) with each reader letting at
 * most a fixed number of records through between two completed checkpoints, as {@code
 * DataGeneratorSource} does with {@link RateLimiterStrategy#perCheckpoint}. So the input is spread
 * over many checkpoints however fast the machine is, and a test can count on checkpoints completing
 * while records are still to come, without slowing anything down by sleeping.
 */
public final class ThrottledSource<T, SplitT extends SourceSplit, EnumChkT>
        implements Source<T, SplitT, EnumChkT>, ResultTypeQueryable<T> {
    private final Source<T, SplitT, EnumChkT> source;
    private final TypeInformation<T> type;
    private final RateLimiterStrategy<SplitT> strategy;

    private ThrottledSource(
            Source<T, SplitT, EnumChkT> source,
            TypeInformation<T> type,
            RateLimiterStrategy<SplitT> strategy) {
        this.source = source;
        this.type = type;
        this.strategy = strategy;
    }

    /**
     * @param recordsPerCheckpoint for all readers together: each lets its share through per
     *     checkpoint (at least the parallelism)
     */
    @SuppressWarnings("unchecked")
    public static <T, S extends SourceSplit, E, Q extends Source<T, S, E> & ResultTypeQueryable<T>>
            ThrottledSource<T, S, E> perCheckpoint(Q source, int recordsPerCheckpoint) {
        return new ThrottledSource<>(
                source,
                source.getProducedType(),
                RateLimiterStrategy.perCheckpoint(recordsPerCheckpoint));
    }

    @Override
    public SourceReader<T, SplitT> createReader(SourceReaderContext context) throws Exception {
        return new Reader<>(source.createReader(context), strategy, context.currentParallelism());
    }

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SplitEnumerator<SplitT, EnumChkT> createEnumerator(
            SplitEnumeratorContext<SplitT> context) throws Exception {
        return source.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(
            SplitEnumeratorContext<SplitT> context, EnumChkT checkpoint) throws Exception {
        return source.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SplitT> getSplitSerializer() {
        return source.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }

    /**
     * Flink's rate-limited reader keeps checkpoint notifications and source events to itself; the
     * wrapped reader gets them too here (a Kafka reader commits its offsets on checkpoints).
     */
    private static final class Reader<T, SplitT extends SourceSplit>
            extends RateLimitedSourceReader<T, SplitT> {
        private final SourceReader<T, SplitT> reader;

        Reader(
                SourceReader<T, SplitT> reader,
                RateLimiterStrategy<SplitT> strategy,
                int parallelism) {
            super(reader, strategy.createRateLimiter(parallelism));
            this.reader = reader;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            super.notifyCheckpointComplete(checkpointId);
            reader.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            reader.notifyCheckpointAborted(checkpointId);
        }

        @Override
        public void handleSourceEvents(SourceEvent event) {
            reader.handleSourceEvents(event);
        }

        @Override
        public void pauseOrResumeSplits(
                Collection<String> splitsToPause, Collection<String> splitsToResume) {
            reader.pauseOrResumeSplits(splitsToPause, splitsToResume);
        }
    }
}
