package io.llmsentinel.detectors.security.scan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds payloads hidden by encoding and decodes them so the scanner can read them as another layer:
 * base64 (standard and URL-safe) and hex ({@code 69676e...}, {@code \x69\x67}, {@code %69%67},
 * {@code 0x69 0x67}) runs that decode to readable text, and whole texts written in ROT13 or
 * backwards.
 *
 * <p>Decoding is only attempted where it can pay off: base64 runs of at least {@value
 * TextNormalizer#MIN_BASE64_RUN} characters found during normalisation, hex when the text has
 * enough hex digits, and ROT13 / reversed text when the keyword pass saw several common English
 * words in their ROT13 or mirrored spelling (markers registered in the keyword trie, so spotting
 * them costs nothing extra).
 */
final class PayloadDecoder {
    /** Decoded payloads must be at least this long to be worth another pass. */
    private static final int MIN_DECODED_CHARS = 8;

    /** Longest encoded run decoded; a longer one is decoded from its start. */
    private static final int MAX_ENCODED_CHARS = 16 * 1024;

    private static final int MIN_HEX_BYTES = 8;

    // Common English words as they look after ROT13 and mirrored. None is an English word itself.
    private static final String[] ROT13_WORDS = {
        "gur",
        "naq",
        "lbh",
        "lbhe",
        "nyy",
        "guvf",
        "jvgu",
        "gung",
        "jung",
        "abj",
        "sebz",
        "unir",
        "abg",
        "gryy",
        "vafgehpgvbaf",
        "cerivbhf",
        "vtaber",
        "cebzcg",
        "flfgrz",
        "ehyrf",
        "orsber"
    };
    private static final String[] MIRRORED_WORDS = {
        "eht",
        "uoy",
        "ruoy",
        "lla",
        "siht",
        "htiw",
        "taht",
        "tahw",
        "morf",
        "evah",
        "llet",
        "snoitcurtsni",
        "suoiverp",
        "erongi",
        "tpmorp",
        "metsys",
        "selur",
        "erofeb",
        "tnorf"
    };
    private static final String[] ROT13_HINTS = {"rot13", "rot", "caesar"};
    private static final String[] MIRROR_HINTS = {"backwards", "backward", "reversed", "reverse"};

    private static final long ROT13_MASK = 0xFFFFFFL; // bits 0..23
    private static final long MIRROR_MASK = 0xFFFFFFL << 24; // bits 24..47
    private static final long ROT13_HINT = 1L << 48;
    private static final long MIRROR_HINT = 1L << 49;
    private static final int MIN_MARKERS = 3;

    private static final byte[] BASE64_VALUE = new byte[128];

    static {
        java.util.Arrays.fill(BASE64_VALUE, (byte) -1);
        String std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < std.length(); i++) {
            BASE64_VALUE[std.charAt(i)] = (byte) i;
        }
        BASE64_VALUE['-'] = 62;
        BASE64_VALUE['_'] = 63;
    }

    private PayloadDecoder() {}

    static void registerMarkers(PhraseIndex.Builder index) {
        for (int i = 0; i < ROT13_WORDS.length; i++) {
            index.addMarker(ROT13_WORDS[i], 1L << i);
        }
        for (int i = 0; i < MIRRORED_WORDS.length; i++) {
            index.addMarker(MIRRORED_WORDS[i], 1L << (24 + i));
        }
        for (String hint : ROT13_HINTS) {
            index.addMarker(hint, ROT13_HINT);
        }
        for (String hint : MIRROR_HINTS) {
            index.addMarker(hint, MIRROR_HINT);
        }
    }

    /**
     * Payloads worth scanning in the layer the workspace currently describes. Returns null (no
     * allocation) when there are none, which is the common case.
     */
    static List<Layer> payloads(Layer layer, ScanWorkspace ws, int maxDepth) {
        if (layer.depth >= maxDepth) {
            return null;
        }
        List<Layer> out = null;
        for (int r = 0; r < ws.base64Runs; r++) {
            Layer decoded = base64(layer, ws.base64Start[r], ws.base64End[r]);
            if (decoded != null) {
                out = add(out, decoded);
            }
        }
        if (ws.hexCandidate) {
            out = hex(layer, ws, out);
        }
        long markers = ws.markerSeen;
        if (!layer.has(Transform.ROT13) && enough(markers & ROT13_MASK, markers, ROT13_HINT)) {
            out = add(out, layer.substituted(rot13(layer.text), Transform.ROT13));
        }
        if (!layer.has(Transform.REVERSED) && enough(markers & MIRROR_MASK, markers, MIRROR_HINT)) {
            out = add(out, layer.mirrored(new StringBuilder(layer.text).reverse().toString()));
        }
        return out;
    }

    private static boolean enough(long words, long markers, long hint) {
        int count = Long.bitCount(words);
        return count >= MIN_MARKERS || (count >= 1 && (markers & hint) != 0);
    }

    private static List<Layer> add(List<Layer> out, Layer layer) {
        List<Layer> list = out == null ? new ArrayList<>(2) : out;
        list.add(layer);
        return list;
    }

    // --- base64 ---

    private static Layer base64(Layer layer, int start, int end) {
        String text = layer.text;
        // A run such as "q=aGVsbG8..." from a URL: decode what follows the last inner '='.
        int from = start;
        for (int i = end - 2; i > start; i--) {
            if (text.charAt(i) == '=' && text.charAt(i + 1) != '=') {
                from = i + 1;
                break;
            }
        }
        int to = Math.min(end, from + MAX_ENCODED_CHARS);
        if (to - from < TextNormalizer.MIN_BASE64_RUN || !mixedAlphabet(text, from, to)) {
            return null;
        }
        // Decode a short head first: most candidates (identifiers, hyphenated words) fail there.
        byte[] head = decodeBase64(text, from, from + 16);
        if (head == null || !printableAscii(head)) {
            return null;
        }
        byte[] bytes = decodeBase64(text, from, to);
        String payload = bytes == null ? null : readableText(bytes);
        return payload == null ? null : layer.decoded(payload, start, end, Transform.BASE64);
    }

    /** Base64 of text mixes cases; a long lower-case word or an upper-case id is not base64. */
    private static boolean mixedAlphabet(String s, int from, int to) {
        boolean upper = false;
        boolean lower = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }

    /** All bytes are printable ASCII or whitespace (text usually starts with some). */
    private static boolean printableAscii(byte[] bytes) {
        int ascii = 0;
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7f || b == '\n' || b == '\t' || b == '\r') {
                ascii++;
            } else if (b >= 0) {
                return false; // a control character
            }
        }
        // UTF-8 text in other scripts is made of bytes >= 0x80: allow it, decide on the whole
        return ascii >= bytes.length / 2;
    }

    static byte[] decodeBase64(String s, int from, int to) {
        int end = to;
        while (end > from && s.charAt(end - 1) == '=') {
            end--;
        }
        int chars = end - from;
        if (chars % 4 == 1) {
            chars--; // a dangling character carries no whole byte
        }
        byte[] out = new byte[chars * 3 / 4];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (int i = from; i < from + chars; i++) {
            char c = s.charAt(i);
            int v = c < 128 ? BASE64_VALUE[c] : -1;
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (buffer >> bits);
            }
        }
        return o == out.length ? out : java.util.Arrays.copyOf(out, o);
    }

    // --- hex ---

    private static List<Layer> hex(Layer layer, ScanWorkspace ws, List<Layer> out) {
        String s = layer.text;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            // encoded bytes start with a digit or a \\x or % prefix: skip everything else fast
            if (!(c >= '0' && c <= '9') && c != '\\' && c != '%' || !startsHexByte(s, i)) {
                i++;
                continue;
            }
            byte[] buffer = ws.hexBuffer;
            int count = 0;
            int at = i;
            int lastEnd = i;
            while (true) {
                int digits = at + prefixLength(s, at);
                if (digits + 1 >= s.length() + 0 || !isHex(s, digits) || !isHex(s, digits + 1)) {
                    break;
                }
                if (count == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, count * 2);
                    ws.hexBuffer = buffer;
                }
                buffer[count++] =
                        (byte) (hexValue(s.charAt(digits)) << 4 | hexValue(s.charAt(digits + 1)));
                lastEnd = digits + 2;
                at = lastEnd;
                if (at < s.length() && " :,-".indexOf(s.charAt(at)) >= 0) {
                    at++;
                }
                if (count * 2 > MAX_ENCODED_CHARS) {
                    break;
                }
            }
            if (count >= MIN_HEX_BYTES) {
                String payload = readableText(java.util.Arrays.copyOf(buffer, count));
                if (payload != null) {
                    out = add(out, layer.decoded(payload, i, lastEnd, Transform.HEX));
                }
            }
            i = Math.max(i + 1, lastEnd);
        }
        return out;
    }

    /**
     * A hex byte starts here. Printable ASCII has a high nibble of 2 to 7, so encoded text starts
     * with a decimal digit; words that happen to be hex ("deadline", "cafe") are skipped cheaply.
     */
    private static boolean startsHexByte(String s, int i) {
        int digits = i + prefixLength(s, i);
        return digits < s.length()
                && Chars.isDigit(s.charAt(digits))
                && isHex(s, digits + 1)
                && (i == 0 || !isHex(s, i - 1));
    }

    private static int prefixLength(String s, int i) {
        if (i + 1 < s.length()) {
            char a = s.charAt(i);
            char b = s.charAt(i + 1);
            if ((a == '\\' || a == '0') && (b == 'x' || b == 'X') && isHex(s, i + 2)) {
                return 2;
            }
            if (a == '%' && isHex(s, i + 1)) {
                return 1;
            }
        }
        return 0;
    }

    private static boolean isHex(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hexValue(char c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    // --- rot13 ---

    static String rot13(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= 'a' && c <= 'z') {
                out[i] = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                out[i] = (char) ('A' + (c - 'A' + 13) % 26);
            }
        }
        return new String(out);
    }

    // --- is it text? ---

    /**
     * The bytes as a string if they are valid UTF-8 and read like text (mostly letters, some
     * spaces, no control characters); otherwise null. Random bytes and binary data fail fast.
     */
    static String readableText(byte[] bytes) {
        if (bytes.length < MIN_DECODED_CHARS) {
            return null;
        }
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = decoder.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return null;
        }
        int letters = 0;
        int spaces = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                spaces++;
            } else if (Character.isISOControl(c)) {
                return null;
            }
        }
        int length = chars.length();
        boolean readable = letters * 2 >= length && spaces >= 1;
        return readable ? chars.toString() : null;
    }
}
