package io.llmsentinel.detectors.security.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * De-obfuscation steps the prompt scanner applies; a verdict lists the ones its matches needed.
 * Each is a bit so that a match can carry a set of them in an int.
 */
enum Transform {
    HOMOGLYPH("homoglyph"),
    UNICODE_COMPAT("unicode_compat"),
    INVISIBLE_CHARS("invisible_chars"),
    LEETSPEAK("leetspeak"),
    SPACED_LETTERS("spaced_letters"),
    BASE64("base64"),
    HEX("hex"),
    ROT13("rot13"),
    REVERSED("reversed");

    private final String label;

    Transform(String label) {
        this.label = label;
    }

    int bit() {
        return 1 << ordinal();
    }

    String label() {
        return label;
    }

    static List<String> labels(int mask) {
        if (mask == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Integer.bitCount(mask));
        for (Transform t : values()) {
            if ((mask & t.bit()) != 0) {
                out.add(t.label);
            }
        }
        return out;
    }
}
