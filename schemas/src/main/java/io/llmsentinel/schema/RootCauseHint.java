package io.llmsentinel.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * The member an incident most likely started from, and why it was chosen (e.g. "earliest member;
 * the drift members follow from the latency degradation"). A hint for the person on call, not a
 * diagnosis.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RootCauseHint {
    public String anomalyId;
    public String anomalyType;
    public String reason;

    public RootCauseHint() {}

    public RootCauseHint(String anomalyId, String anomalyType, String reason) {
        this.anomalyId = anomalyId;
        this.anomalyType = anomalyType;
        this.reason = reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RootCauseHint && Codecs.equalAsJson(this, o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(anomalyId);
    }
}
