package io.llmsentinel.detectors.security.scan;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** The check-digit schemes that separate real identifiers from look-alike numbers. */
final class Checksums {
    private static final String BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Checksums() {}

    /** Luhn (mod 10) over the digits of {@code s}; other characters are skipped. */
    static boolean luhn(CharSequence s) {
        int sum = 0;
        int digits = 0;
        boolean doubleIt = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            digits++;
            doubleIt = !doubleIt;
        }
        return digits > 1 && sum % 10 == 0;
    }

    /**
     * ISO 13616 IBAN check: move the first four characters to the end, letters become 10..35, and
     * the number must be 1 modulo 97. {@code compact} holds no spaces.
     */
    static boolean ibanMod97(CharSequence compact) {
        int n = compact.length();
        if (n < 5) {
            return false;
        }
        int mod = 0;
        for (int k = 0; k < n; k++) {
            char c = compact.charAt((k + 4) % n);
            if (c >= '0' && c <= '9') {
                mod = (mod * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                mod = (mod * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return mod == 1;
    }

    /**
     * GitHub's token checksum: the last six characters are the CRC32 of the 30 random ones, in base
     * 62, zero-padded. Made-up example tokens fail it.
     */
    static boolean githubTokenChecksum(String randomPart, String checksum) {
        CRC32 crc = new CRC32();
        crc.update(randomPart.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out).equals(checksum);
    }

    /** Shannon entropy of the characters of {@code s}, in bits per character. */
    static double shannonEntropy(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }
}
