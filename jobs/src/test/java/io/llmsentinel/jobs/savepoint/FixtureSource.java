package io.llmsentinel.jobs.savepoint;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The fixture input as a checkpointed source: record {@code i} of the input file is sequence number
 * {@code i} of a {@link DataGeneratorSource}, whose position is part of the savepoint. A restored
 * run therefore continues with the first record after the savepoint.
 */
final class FixtureSource {
    /** The source's uid in fixture graphs; its state is the input position. Never change it. */
    static final String UID = "fixture-source";

    private FixtureSource() {}

    static <T> DataGeneratorSource<T> of(
            Path input, Class<T> type, long count, RateLimiterStrategy<?> gate) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        RateLimiterStrategy strategy = gate == null ? RateLimiterStrategy.noOp() : gate;
        return new DataGeneratorSource<>(
                new Records<>(input.toAbsolutePath().toString(), type),
                count,
                strategy,
                TypeInformation.of(type));
    }

    /** Sequence number n becomes the input's n-th record; the file is read when the task opens. */
    static final class Records<T> implements GeneratorFunction<Long, T> {
        private final String file;
        private final Class<T> type;
        private transient List<T> records;

        Records(String file, Class<T> type) {
            this.file = file;
            this.type = type;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            records = FixtureInput.read(Path.of(file), type);
        }

        @Override
        public T map(Long index) {
            return records.get(Math.toIntExact(index));
        }
    }
}
