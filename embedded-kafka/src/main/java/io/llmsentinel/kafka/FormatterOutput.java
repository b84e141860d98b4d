package io.llmsentinel.kafka;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Keeps Kafka's storage formatter from printing "Formatting /tmp/... with metadata.version ..." to
 * stdout on every start.
 *
 * <p>The formatter has no quiet switch that the test kit exposes; it captures {@code System.out}
 * when it is created, inside the kit's own threads during {@code format()}. So for that call only,
 * {@code System.out} is replaced by a stream that drops what those threads write and passes
 * everything else through, leaving other threads' output intact.
 */
final class FormatterOutput {

    /** Prefix of the names of the threads the test kit formats its nodes in. */
    private static final String KIT_THREAD_PREFIX = "kafka-cluster-test-kit-";

    interface Step {
        void run() throws Exception;
    }

    private FormatterOutput() {}

    /** Synchronized so that brokers started in parallel do not restore each other's stream. */
    static synchronized void discardDuring(Step step) throws Exception {
        PrintStream original = System.out;
        PrintStream filtered = new PrintStream(new KitThreadFilter(original), true);
        System.setOut(filtered);
        try {
            step.run();
        } finally {
            // Someone else may have replaced System.out meanwhile; then theirs stays.
            if (System.out == filtered) {
                System.setOut(original);
            }
        }
    }

    private static final class KitThreadFilter extends OutputStream {
        private final PrintStream target;

        KitThreadFilter(PrintStream target) {
            this.target = target;
        }

        private static boolean fromKit() {
            return Thread.currentThread().getName().startsWith(KIT_THREAD_PREFIX);
        }

        @Override
        public void write(int b) {
            if (!fromKit()) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (!fromKit()) {
                target.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
