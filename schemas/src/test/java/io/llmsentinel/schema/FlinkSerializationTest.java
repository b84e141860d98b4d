package io.llmsentinel.schema;

import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** The contract types travel between Flink operators and sit in state: no Kryo allowed. */
class FlinkSerializationTest {

    @Test
    void contractTypesAreFlinkPojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(LlmEvent.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Anomaly.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DeadLetter.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Incident.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(IncidentMember.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(RootCauseHint.class);
    }
}
