package io.llmsentinel.detectors.drift;

import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Stationary synthetic traffic of one key, with hooks to shift it, for the drift tests. */
final class DriftTraffic {
    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00Z
    static final long MINUTE = 60_000L;

    private DriftTraffic() {}

    /** One call every {@code gapMs} from {@code fromMs} to {@code toMs}, each passed to a shift. */
    static List<LlmEvent> calls(
            long seed, long fromMs, long toMs, long gapMs, Consumer<LlmEvent> shift) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<LlmEvent> out = new ArrayList<>();
        int i = 0;
        for (long t = fromMs; t < toMs; t += gapMs) {
            LlmEvent e = new LlmEvent();
            e.eventId = "e" + seed + "-" + i++;
            e.eventTime = t;
            e.serviceName = "support-bot";
            e.providerName = "openai";
            e.requestModel = "gpt-4o";
            e.responseModel = "gpt-4o-2024-08-06";
            e.operationName = "chat";
            e.status = LlmEvent.STATUS_OK;
            e.latencyMs = 800 * Math.exp(0.4 * rng.nextGaussian());
            e.timeToFirstChunkMs = 200 * Math.exp(0.3 * rng.nextGaussian());
            e.usageInputTokens = 400L + rng.nextInt(400);
            e.usageOutputTokens = (long) (150 * Math.exp(0.5 * rng.nextGaussian())) + 1;
            e.responseFinishReasons = List.of(rng.nextInt(100) < 3 ? "length" : "stop");
            if (rng.nextInt(100) < 2) {
                e.status = LlmEvent.STATUS_ERROR;
                e.errorType = "timeout";
            }
            shift.accept(e);
            out.add(e);
        }
        return out;
    }

    static Consumer<LlmEvent> none() {
        return e -> {};
    }
}
