package io.llmsentinel.cep;

import static io.llmsentinel.cep.TestAnomalies.T0;
import static io.llmsentinel.cep.TestAnomalies.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.detectors.security.SecuritySubjects;
import io.llmsentinel.schema.Anomaly;
import org.junit.jupiter.api.Test;

class PatternSubjectTest {
    final Anomaly full =
            open("cost", "runaway_session")
                    .provider("openai")
                    .model("gpt-4o")
                    .service("agent")
                    .tenant("acme")
                    .user("u-1")
                    .session("s-1")
                    .at(T0);

    @Test
    void eachSubjectKeysByItsOwnFieldsOnly() {
        Anomaly otherService =
                open("cost", "runaway_session")
                        .provider("openai")
                        .model("gpt-4o")
                        .service("search")
                        .tenant("acme")
                        .user("u-2")
                        .at(T0);

        assertThat(PatternSubject.PROVIDER_MODEL.getKey(otherService))
                .isEqualTo(PatternSubject.PROVIDER_MODEL.getKey(full));
        assertThat(PatternSubject.PROVIDER.getKey(otherService))
                .isEqualTo(PatternSubject.PROVIDER.getKey(full));
        assertThat(PatternSubject.TENANT.getKey(otherService))
                .isEqualTo(PatternSubject.TENANT.getKey(full));
        assertThat(PatternSubject.SERVICE_MODEL.getKey(otherService))
                .isNotEqualTo(PatternSubject.SERVICE_MODEL.getKey(full));
        assertThat(PatternSubject.USER_OR_SESSION.getKey(otherService))
                .isNotEqualTo(PatternSubject.USER_OR_SESSION.getKey(full));
    }

    @Test
    void theActorIsTheSecurityDetectorsActorUserFirstThenSession() {
        Anomaly sessionOnly = open("security", "jailbreak").tenant("acme").session("s-1").at(T0);

        assertThat(PatternSubject.USER_OR_SESSION.getKey(full))
                .isEqualTo(SecuritySubjects.actor("acme", "u-1", "s-1", "agent"));
        assertThat(PatternSubject.USER_OR_SESSION.getKey(sessionOnly))
                .isEqualTo(SecuritySubjects.actor("acme", null, "s-1", null));
    }

    @Test
    void anAnomalyWithoutTheSubjectsFieldsIsNotCovered() {
        Anomaly bare = open("cost", "budget_threshold").at(T0);
        for (PatternSubject s : PatternSubject.values()) {
            assertThat(s.covers(full)).as(s.name()).isTrue();
            assertThat(s.covers(bare)).as(s.name()).isFalse();
        }
        assertThat(PatternSubject.SERVICE_MODEL.covers(open("x", "y").service("chat").at(T0)))
                .isFalse();
    }

    @Test
    void aMatchCarriesTheSubjectsFieldsAndNoOthers() {
        PatternMatch byActor = new PatternMatch();
        PatternSubject.USER_OR_SESSION.copyTo(full, byActor);
        PatternMatch byProvider = new PatternMatch();
        PatternSubject.PROVIDER.copyTo(full, byProvider);

        assertThat(byActor.tenantId).isEqualTo("acme");
        assertThat(byActor.userId).isEqualTo("u-1");
        assertThat(byActor.sessionId).isNull();
        assertThat(byActor.serviceName).isNull();
        assertThat(byProvider.providerName).isEqualTo("openai");
        assertThat(byProvider.model).isNull();
    }
}
