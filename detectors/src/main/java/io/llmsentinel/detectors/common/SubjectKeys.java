package io.llmsentinel.detectors.common;

/**
 * Stable string keys for subjects made of several nullable parts (service and model, tenant and
 * user, ...). Strings key without Kryo, and the encoding is unambiguous: a null part and an empty
 * part differ, and no choice of part values makes two different subjects collide.
 */
public final class SubjectKeys {
    private SubjectKeys() {}

    /** E.g. {@code of("checkout", null)} is {@code "8:checkout|-"}. */
    public static String of(String... parts) {
        StringBuilder key = new StringBuilder(32);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            String part = parts[i];
            if (part == null) {
                key.append('-');
            } else {
                key.append(part.length()).append(':').append(part);
            }
        }
        return key.toString();
    }
}
