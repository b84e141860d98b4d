package io.llmsentinel.detectors.security.scan;

/**
 * A text the prompt scanner reads: the prompt itself, or a payload decoded from it (base64, hex,
 * ROT13, reversed). Knows how to map its offsets back to the original prompt, so evidence always
 * points at the original text: a decoded payload maps to the whole encoded run, a ROT13 layer maps
 * one to one, a reversed layer mirrors.
 */
final class Layer {
    private enum Mapping {
        ROOT,
        SAME_OFFSETS,
        MIRRORED,
        WHOLE_SPAN
    }

    final String text;
    final int depth;

    /** Transform bits applied to get from the original prompt to this text. */
    final int transforms;

    private final Layer parent;
    private final Mapping mapping;
    private final int spanStart;
    private final int spanEnd;

    private Layer(
            String text,
            Layer parent,
            Mapping mapping,
            int spanStart,
            int spanEnd,
            int transforms) {
        this.text = text;
        this.parent = parent;
        this.mapping = mapping;
        this.spanStart = spanStart;
        this.spanEnd = spanEnd;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.transforms = transforms;
    }

    static Layer root(String text) {
        return new Layer(text, null, Mapping.ROOT, 0, text.length(), 0);
    }

    /** A payload decoded from {@code text[start, end)} of this layer. */
    Layer decoded(String payload, int start, int end, Transform how) {
        return new Layer(payload, this, Mapping.WHOLE_SPAN, start, end, transforms | how.bit());
    }

    /** This layer rewritten character for character (ROT13). */
    Layer substituted(String rewritten, Transform how) {
        return new Layer(
                rewritten, this, Mapping.SAME_OFFSETS, 0, text.length(), transforms | how.bit());
    }

    /** This layer read backwards. */
    Layer mirrored(String reversed) {
        return new Layer(
                reversed,
                this,
                Mapping.MIRRORED,
                0,
                text.length(),
                transforms | Transform.REVERSED.bit());
    }

    boolean has(Transform t) {
        return (transforms & t.bit()) != 0;
    }

    /**
     * Maps {@code [start, end)} of this layer to the original prompt, packed as start << 32 | end.
     */
    long toOriginal(int start, int end) {
        Layer layer = this;
        int s = start;
        int e = end;
        while (layer.parent != null) {
            switch (layer.mapping) {
                case SAME_OFFSETS -> {}
                case MIRRORED -> {
                    int length = layer.text.length();
                    int mirroredStart = length - e;
                    e = length - s;
                    s = mirroredStart;
                }
                default -> {
                    s = layer.spanStart;
                    e = layer.spanEnd;
                }
            }
            layer = layer.parent;
        }
        return ((long) s << 32) | (e & 0xFFFFFFFFL);
    }
}
