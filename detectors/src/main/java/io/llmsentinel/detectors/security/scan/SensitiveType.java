package io.llmsentinel.detectors.security.scan;

/** The kinds of sensitive data the scanners report. */
public enum SensitiveType {
    EMAIL(Kind.PII),
    PHONE(Kind.PII),
    CREDIT_CARD(Kind.PII),
    IBAN(Kind.PII),
    US_SSN(Kind.PII),
    IP_ADDRESS(Kind.PII),
    AWS_ACCESS_KEY(Kind.SECRET),
    OPENAI_KEY(Kind.SECRET),
    ANTHROPIC_KEY(Kind.SECRET),
    GITHUB_TOKEN(Kind.SECRET),
    SLACK_TOKEN(Kind.SECRET),
    JWT(Kind.SECRET),
    PRIVATE_KEY(Kind.SECRET),
    GENERIC_SECRET(Kind.SECRET),
    /** A canary token or a fragment of the system prompt showed up in a response. */
    SYSTEM_PROMPT_LEAK(Kind.LEAK);

    /** Broad class of a finding: personal data, a credential, or leaked application internals. */
    public enum Kind {
        PII,
        SECRET,
        LEAK
    }

    private final Kind kind;

    SensitiveType(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean secret() {
        return kind == Kind.SECRET;
    }

    public boolean pii() {
        return kind == Kind.PII;
    }
}
