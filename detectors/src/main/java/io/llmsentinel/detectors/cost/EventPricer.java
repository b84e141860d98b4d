package io.llmsentinel.detectors.cost;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.pricing.PricingTable;
import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Fills in {@code cost_usd} from the pricing table for events whose producer did not send it. The
 * price is looked up by the model that answered (dated snapshots price like their family) at the
 * event's time, so price changes apply from their effective date on.
 */
public final class EventPricer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What {@link #price} did with one event. */
    public enum Outcome {
        /** The producer sent a cost; it is kept as is. */
        KEPT,
        /** The cost was computed from the table. */
        PRICED,
        /** No token counts (typically a failed call): nothing to price, cost stays empty. */
        NO_USAGE,
        /**
         * The table has no price for this provider and model at that time ({@link #lookup} says
         * why).
         */
        UNKNOWN_MODEL
    }

    private final PricingTable table;

    public EventPricer(PricingTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Sets {@code event.costUsd} when it can be computed; never removes anything. */
    public Outcome price(LlmEvent event) {
        if (event.costUsd != null) {
            return Outcome.KEPT;
        }
        if (event.usageInputTokens == null && event.usageOutputTokens == null) {
            return Outcome.NO_USAGE;
        }
        if (!lookup(event).isPriced()) {
            return Outcome.UNKNOWN_MODEL;
        }
        OptionalDouble cost =
                table.costUsd(
                        event.providerName,
                        event.effectiveModel(),
                        event.eventTime,
                        orZero(event.usageInputTokens),
                        orZero(event.usageOutputTokens),
                        orZero(event.usageCacheReadInputTokens));
        if (cost.isEmpty()) {
            // A negative token count: the validator should have refused it; do not guess.
            return Outcome.NO_USAGE;
        }
        event.costUsd = cost.getAsDouble();
        return Outcome.PRICED;
    }

    /** The table's price for the event's model at its time, or why there is none. */
    public PricingTable.Lookup lookup(LlmEvent event) {
        return table.lookup(event.providerName, event.effectiveModel(), event.eventTime);
    }

    /** The name an unknown model is reported under: provider and model as the event gives them. */
    public static String modelName(LlmEvent event) {
        return event.providerName + "/" + event.effectiveModel();
    }

    public String tableVersion() {
        return table.version();
    }

    static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
