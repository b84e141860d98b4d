package io.llmsentinel.bench;

import io.llmsentinel.schema.LlmEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The detectors' reference line after keyBy: one keyed-state read and write per event, the least a
 * keyed detector does. Emits the count, not the event, so the discard sink costs nothing.
 */
final class CountPerService extends RichMapFunction<LlmEvent, Long> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public Long map(LlmEvent event) throws Exception {
        Long c = count.value();
        long next = c == null ? 1 : c + 1;
        count.update(next);
        return next;
    }

    /** The key: events without a service share one key rather than failing keyBy. */
    static String service(LlmEvent event) {
        return event.serviceName == null ? "" : event.serviceName;
    }
}
