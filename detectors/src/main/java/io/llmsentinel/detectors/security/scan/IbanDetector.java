package io.llmsentinel.detectors.security.scan;

import java.util.Map;

/**
 * International bank account numbers: a country code, two check digits and the national part,
 * printed compact or in groups of four. The length must be the one registered for the country and
 * the ISO 7064 mod-97 check must hold, so random letter-digit strings do not pass.
 */
final class IbanDetector {
    /** IBAN lengths by country (ISO 13616 registry). */
    private static final Map<String, Integer> LENGTHS =
            Map.ofEntries(
                    Map.entry("AD", 24),
                    Map.entry("AE", 23),
                    Map.entry("AL", 28),
                    Map.entry("AT", 20),
                    Map.entry("AZ", 28),
                    Map.entry("BA", 20),
                    Map.entry("BE", 16),
                    Map.entry("BG", 22),
                    Map.entry("BH", 22),
                    Map.entry("BR", 29),
                    Map.entry("BY", 28),
                    Map.entry("CH", 21),
                    Map.entry("CR", 22),
                    Map.entry("CY", 28),
                    Map.entry("CZ", 24),
                    Map.entry("DE", 22),
                    Map.entry("DK", 18),
                    Map.entry("DO", 28),
                    Map.entry("EE", 20),
                    Map.entry("EG", 29),
                    Map.entry("ES", 24),
                    Map.entry("FI", 18),
                    Map.entry("FO", 18),
                    Map.entry("FR", 27),
                    Map.entry("GB", 22),
                    Map.entry("GE", 22),
                    Map.entry("GI", 23),
                    Map.entry("GL", 18),
                    Map.entry("GR", 27),
                    Map.entry("GT", 28),
                    Map.entry("HR", 21),
                    Map.entry("HU", 28),
                    Map.entry("IE", 22),
                    Map.entry("IL", 23),
                    Map.entry("IQ", 23),
                    Map.entry("IS", 26),
                    Map.entry("IT", 27),
                    Map.entry("JO", 30),
                    Map.entry("KW", 30),
                    Map.entry("KZ", 20),
                    Map.entry("LB", 28),
                    Map.entry("LC", 32),
                    Map.entry("LI", 21),
                    Map.entry("LT", 20),
                    Map.entry("LU", 20),
                    Map.entry("LV", 21),
                    Map.entry("LY", 25),
                    Map.entry("MC", 27),
                    Map.entry("MD", 24),
                    Map.entry("ME", 22),
                    Map.entry("MK", 19),
                    Map.entry("MR", 27),
                    Map.entry("MT", 31),
                    Map.entry("MU", 30),
                    Map.entry("NL", 18),
                    Map.entry("NO", 15),
                    Map.entry("PK", 24),
                    Map.entry("PL", 28),
                    Map.entry("PS", 29),
                    Map.entry("PT", 25),
                    Map.entry("QA", 29),
                    Map.entry("RO", 24),
                    Map.entry("RS", 22),
                    Map.entry("SA", 24),
                    Map.entry("SC", 31),
                    Map.entry("SE", 24),
                    Map.entry("SI", 19),
                    Map.entry("SK", 24),
                    Map.entry("SM", 27),
                    Map.entry("ST", 25),
                    Map.entry("SV", 28),
                    Map.entry("TL", 23),
                    Map.entry("TN", 24),
                    Map.entry("TR", 26),
                    Map.entry("UA", 29),
                    Map.entry("VA", 22),
                    Map.entry("VG", 24),
                    Map.entry("XK", 20));

    private IbanDetector() {}

    static void scan(String text, FindingCollector out) {
        int n = text.length();
        for (int i = 0; i + 4 <= n; i++) {
            char a = text.charAt(i);
            if (!Chars.isUpper(a)
                    || !Chars.isUpper(text.charAt(i + 1))
                    || !Chars.isDigit(text.charAt(i + 2))
                    || !Chars.isDigit(text.charAt(i + 3))
                    || Chars.isWordChar(Chars.at(text, i - 1))) {
                continue;
            }
            Integer length = LENGTHS.get(text.substring(i, i + 2));
            if (length == null) {
                continue;
            }
            int end = read(text, i, length);
            if (end > 0) {
                out.add(SensitiveType.IBAN, i, end);
                i = end - 1;
            }
        }
    }

    /** End of a valid IBAN of {@code length} characters starting at {@code start}, or -1. */
    private static int read(String s, int start, int length) {
        StringBuilder compact = new StringBuilder(length);
        int j = start;
        while (j < s.length() && compact.length() < length) {
            char c = s.charAt(j);
            if (Chars.isDigit(c) || Chars.isUpper(c)) {
                compact.append(c);
                j++;
            } else if (c == ' ' && Chars.isAlnum(Chars.at(s, j + 1)) && compact.length() % 4 == 0) {
                j++; // group separator, only between groups of four
            } else {
                break;
            }
        }
        if (compact.length() != length || Chars.isAlnum(Chars.at(s, j))) {
            return -1;
        }
        return Checksums.ibanMod97(compact) ? j : -1;
    }
}
