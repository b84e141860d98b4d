package io.llmsentinel.detectors.cost;

import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** Every type the cost rules keep in state is a POJO Flink serialises without Kryo. */
class CostStateTypesTest {
    @Test
    void stateAndWireTypesArePojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(CostCall.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SpendState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SpendWindow.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(EwmaStats.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SessionState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SlidingCounts.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(ContextGrowth.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(FinishLengthState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(LengthWindow.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(BudgetPeriodState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(UnpricedModelDay.class);
    }
}
