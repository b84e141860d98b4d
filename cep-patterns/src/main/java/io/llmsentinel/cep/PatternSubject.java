package io.llmsentinel.cep;

import io.llmsentinel.detectors.common.SubjectKeys;
import io.llmsentinel.detectors.security.SecuritySubjects;
import io.llmsentinel.schema.Anomaly;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * What a pattern correlates over: the subject its members must share, as a String key (no Kryo). An
 * anomaly that does not carry the subject's fields is not {@link #covers covered} and never reaches
 * the pattern: a missing tenant must not group every tenant-less anomaly together.
 */
public enum PatternSubject implements KeySelector<Anomaly, String> {
    /** One model of one provider, across the services calling it. */
    PROVIDER_MODEL {
        @Override
        public boolean covers(Anomaly a) {
            return a.providerName != null && a.model != null;
        }

        @Override
        String keyOf(Anomaly a) {
            return SubjectKeys.of(a.providerName, a.model);
        }

        @Override
        void copyTo(Anomaly a, PatternMatch m) {
            m.providerName = a.providerName;
            m.model = a.model;
        }

        @Override
        public String describe(Anomaly a) {
            return a.model + " (" + a.providerName + ")";
        }
    },
    /** One provider, across its models. */
    PROVIDER {
        @Override
        public boolean covers(Anomaly a) {
            return a.providerName != null;
        }

        @Override
        String keyOf(Anomaly a) {
            return SubjectKeys.of(a.providerName);
        }

        @Override
        void copyTo(Anomaly a, PatternMatch m) {
            m.providerName = a.providerName;
        }

        @Override
        public String describe(Anomaly a) {
            return "provider " + a.providerName;
        }
    },
    /** One tenant, across its users, sessions and models. */
    TENANT {
        @Override
        public boolean covers(Anomaly a) {
            return a.tenantId != null;
        }

        @Override
        String keyOf(Anomaly a) {
            return SubjectKeys.of(a.tenantId);
        }

        @Override
        void copyTo(Anomaly a, PatternMatch m) {
            m.tenantId = a.tenantId;
        }

        @Override
        public String describe(Anomaly a) {
            return "tenant " + a.tenantId;
        }
    },
    /**
     * One actor: the user within its tenant, else the session. The key is the security detector's
     * actor key ({@link SecuritySubjects#actor}), so the actor is the same one its attack episodes
     * are about; anonymous traffic (no user, no session) has no actor to follow.
     */
    USER_OR_SESSION {
        @Override
        public boolean covers(Anomaly a) {
            return a.userId != null || a.sessionId != null;
        }

        @Override
        String keyOf(Anomaly a) {
            return SecuritySubjects.actor(a.tenantId, a.userId, a.sessionId, a.serviceName);
        }

        @Override
        void copyTo(Anomaly a, PatternMatch m) {
            m.tenantId = a.tenantId;
            if (a.userId != null) {
                m.userId = a.userId;
            } else {
                m.sessionId = a.sessionId;
            }
        }

        @Override
        public String describe(Anomaly a) {
            return a.userId != null ? "user " + a.userId : "session " + a.sessionId;
        }
    },
    /** One application: a service calling one (requested) model. */
    SERVICE_MODEL {
        @Override
        public boolean covers(Anomaly a) {
            return a.serviceName != null && a.model != null;
        }

        @Override
        String keyOf(Anomaly a) {
            return SubjectKeys.of(a.serviceName, a.model);
        }

        @Override
        void copyTo(Anomaly a, PatternMatch m) {
            m.serviceName = a.serviceName;
            m.model = a.model;
        }

        @Override
        public String describe(Anomaly a) {
            return a.serviceName + " on " + a.model;
        }
    };

    /** Whether {@code a} carries this subject's fields. */
    public abstract boolean covers(Anomaly a);

    abstract String keyOf(Anomaly a);

    /** Copies the subject's fields (and only those) from a member into the match. */
    abstract void copyTo(Anomaly a, PatternMatch m);

    /** The subject in words, for titles: identifiers only. */
    public abstract String describe(Anomaly a);

    /** The key of a {@link #covers covered} anomaly. */
    @Override
    public String getKey(Anomaly a) {
        return keyOf(a);
    }
}
