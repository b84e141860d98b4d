package io.llmsentinel.detectors.cost;

import io.llmsentinel.detectors.common.AnomalyFactory;
import io.llmsentinel.detectors.common.SubjectKeys;

/** Whose spend a spend rule watches, and how events map to that subject. */
public enum SpendScope {
    TENANT("tenant") {
        @Override
        public boolean accepts(CostCall e) {
            return e.tenantId != null;
        }

        @Override
        public String key(CostCall e) {
            return e.tenantId;
        }

        @Override
        public String describe(SpendState s) {
            return "tenant " + s.tenantId;
        }
    },
    /** Users are keyed within their tenant: two tenants may use the same user ids. */
    USER("user") {
        @Override
        public boolean accepts(CostCall e) {
            return e.tenantId != null && e.userId != null;
        }

        @Override
        public String key(CostCall e) {
            return SubjectKeys.of(e.tenantId, e.userId);
        }

        @Override
        public String describe(SpendState s) {
            return "user " + s.userId + " of tenant " + s.tenantId;
        }
    },
    /** By requested model, so dated snapshots of one model add up. */
    MODEL("model") {
        @Override
        public boolean accepts(CostCall e) {
            return e.providerName != null && e.requestModel != null;
        }

        @Override
        public String key(CostCall e) {
            return SubjectKeys.of(e.providerName, e.requestModel);
        }

        @Override
        public String describe(SpendState s) {
            return "model " + s.model + " (" + s.providerName + ")";
        }
    };

    private final String wire;

    SpendScope(String wire) {
        this.wire = wire;
    }

    /** Lower-case name used in uids, evidence and configuration. */
    public String wire() {
        return wire;
    }

    /** Whether the event carries this scope's subject. */
    public abstract boolean accepts(CostCall e);

    /** The key the stream is partitioned by; only called for accepted events. */
    public abstract String key(CostCall e);

    abstract String describe(SpendState s);

    /** Copies the subject's fields from its first event into fresh state. */
    void remember(SpendState s, CostCall e) {
        switch (this) {
            case TENANT -> s.tenantId = e.tenantId;
            case USER -> {
                s.tenantId = e.tenantId;
                s.userId = e.userId;
            }
            case MODEL -> {
                s.providerName = e.providerName;
                s.model = e.requestModel;
            }
        }
    }

    /** Sets the anomaly's subject fields. */
    AnomalyFactory.Builder subject(AnomalyFactory.Builder b, SpendState s) {
        return b.tenantId(s.tenantId).userId(s.userId).providerName(s.providerName).model(s.model);
    }

    /** Keys of different scopes must not collide in episode ids. */
    String episodeSubject(String key) {
        return wire + ":" + key;
    }
}
