package io.llmsentinel.detectors.drift;

import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** Every type the drift function keeps in keyed state is a POJO Flink serialises without Kryo. */
class DriftStateTypesTest {
    @Test
    void stateTypesArePojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DriftSlice.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DriftKeyState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(PinnedReference.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DriftRow.class);
    }
}
