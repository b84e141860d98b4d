package io.llmsentinel.detectors.security;

import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** Every type the security rules send between operators or keep in state is a Kryo-free POJO. */
class SecurityStateTypesTest {
    @Test
    void stateAndWireTypesArePojos() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SecurityFinding.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(TurnSignal.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(FindingEpisode.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(ActorState.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SessionTurns.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(ActorEpisode.class);
    }
}
