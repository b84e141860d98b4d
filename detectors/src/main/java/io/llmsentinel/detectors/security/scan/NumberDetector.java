package io.llmsentinel.detectors.security.scan;

/**
 * Digit sequences: IPv4 addresses, payment card numbers, US social security numbers and phone
 * numbers. Each candidate is read once as groups of digits with their separators, then classified
 * in that order, so one number is never reported twice.
 *
 * <ul>
 *   <li>IPv4: four dot-separated groups of 1-3 digits, each at most 255;
 *   <li>card: 13-19 digits, grouped by spaces or dashes or not at all, a known issuer prefix, and a
 *       valid Luhn check digit;
 *   <li>SSN: {@code AAA-GG-SSSS} (dashes or spaces), or nine plain digits after "SSN" or "social
 *       security"; area 000, 666 and 900-999, group 00 and serial 0000 are never issued;
 *   <li>phone: international ({@code +} and 8-15 digits), a parenthesised area code, or 2-5 groups
 *       shaped like a phone number (last group 2-4 digits, 8-13 digits in all). Dates,
 *       thousands-grouped amounts, and numbers labelled as orders, invoices or ids are not phones;
 *       plain digit runs are phones only after a word such as "phone" or "call".
 * </ul>
 */
final class NumberDetector {
    private static final int MAX_GROUPS = 8;
    private static final String[] PHONE_CONTEXT = {
        "phone",
        "tel",
        "call",
        "mobile",
        "cell",
        "fax",
        "whatsapp",
        "sms",
        "text me",
        "contact",
        "reach",
        "ring",
        "dial"
    };
    private static final String[] ID_CONTEXT = {
        "order",
        "invoice",
        "ticket",
        "tracking",
        "ref",
        "account",
        "acct",
        "id",
        "#",
        "case",
        "sku",
        "serial",
        "isbn",
        "receipt",
        "transaction",
        "zip",
        "postal",
        "po ",
        "part",
        "version",
        "iban",
        "routing",
        "card"
    };
    private static final String[] SSN_CONTEXT = {"ssn", "social security", "ss#", "ss #"};

    private NumberDetector() {}

    static void scan(String text, FindingCollector out) {
        int n = text.length();
        Groups g = new Groups();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean startsNumber =
                    Chars.isDigit(c)
                            || ((c == '+' || c == '(') && Chars.isDigit(Chars.at(text, i + 1)));
            if (!startsNumber || !boundaryBefore(text, i) || afterIbanPrefix(text, i)) {
                i++;
                continue;
            }
            int end = read(text, i, g);
            if (end > i && boundaryAfter(text, end)) {
                classify(text, i, end, g, out);
            }
            i = Math.max(end, i + 1);
            // skip the rest of a run we could not read to its end
            while (i < n && Chars.isAlnum(text.charAt(i))) {
                i++;
            }
        }
    }

    /** Digit groups of one candidate and how they are separated. */
    private static final class Groups {
        final int[] length = new int[MAX_GROUPS];
        final int[] value = new int[MAX_GROUPS];
        final char[] separatorBefore = new char[MAX_GROUPS];
        int count;
        int digits;
        boolean plus;
        boolean paren;
        final StringBuilder all = new StringBuilder(24);

        void reset() {
            count = 0;
            digits = 0;
            plus = false;
            paren = false;
            all.setLength(0);
        }
    }

    /** Digits right after "DE89 ": the rest of an IBAN (valid or not), not a number of its own. */
    private static boolean afterIbanPrefix(String s, int i) {
        return i >= 5
                && s.charAt(i - 1) == ' '
                && Chars.isDigit(s.charAt(i - 2))
                && Chars.isDigit(s.charAt(i - 3))
                && Chars.isUpper(s.charAt(i - 4))
                && Chars.isUpper(s.charAt(i - 5))
                && !Chars.isWordChar(Chars.at(s, i - 6));
    }

    private static boolean boundaryBefore(String s, int i) {
        char p = Chars.at(s, i - 1);
        if (Chars.isWordChar(p) || p == '.' && Chars.isDigit(Chars.at(s, i - 2))) {
            return false;
        }
        return p != '-' || !Chars.isAlnum(Chars.at(s, i - 2));
    }

    private static boolean boundaryAfter(String s, int end) {
        char c = Chars.at(s, end);
        if (c == 'x' || c == 'X' || c == 'e') {
            return extension(s, end) > end; // "555-0173x12", "555-0173ext12"
        }
        if (Chars.isWordChar(c) || c == '@') {
            return false;
        }
        // "1.2.3.4.5", "12-34-" followed by more digits: we stopped inside something longer
        return !((c == '.' || c == '-') && Chars.isDigit(Chars.at(s, end + 1)));
    }

    /** Reads digit groups from {@code start}; returns the end of the last group read. */
    private static int read(String s, int start, Groups g) {
        g.reset();
        int n = s.length();
        int j = start;
        if (s.charAt(j) == '+') {
            g.plus = true;
            j++;
        }
        int end = start;
        char pendingSeparator = '\0';
        while (j < n && g.count < MAX_GROUPS) {
            boolean inParen = false;
            if (s.charAt(j) == '(') {
                inParen = true;
                j++;
            }
            int k = j;
            while (k < n && Chars.isDigit(s.charAt(k)) && k - j < 19) {
                k++;
            }
            if (k == j || (inParen && Chars.at(s, k) != ')')) {
                break;
            }
            g.length[g.count] = k - j;
            g.value[g.count] = k - j <= 9 ? Integer.parseInt(s, j, k, 10) : -1;
            g.separatorBefore[g.count] = inParen ? '(' : pendingSeparator;
            g.count++;
            g.digits += k - j;
            g.all.append(s, j, k);
            g.paren |= inParen;
            end = inParen ? k + 1 : k;
            j = end;
            // one separator, and only if another group follows
            char c = Chars.at(s, j);
            if (inParen && c == ' ' && (Chars.isDigit(Chars.at(s, j + 1)))) {
                pendingSeparator = ' ';
                j++;
            } else if (inParen && Chars.isDigit(c)) {
                pendingSeparator = ')';
            } else if ((c == ' ' || c == '-' || c == '.')
                    && (Chars.isDigit(Chars.at(s, j + 1)) || Chars.at(s, j + 1) == '(')) {
                pendingSeparator = c;
                j++;
            } else {
                break;
            }
        }
        return end;
    }

    private static void classify(String s, int start, int end, Groups g, FindingCollector out) {
        if (isIpv4(g)) {
            out.add(SensitiveType.IP_ADDRESS, start, end);
        } else if (isCard(g)) {
            out.add(SensitiveType.CREDIT_CARD, start, end);
        } else if (isSsn(s, start, g)) {
            out.add(SensitiveType.US_SSN, start, end);
        } else if (isPhone(s, start, g)) {
            out.add(SensitiveType.PHONE, start, extension(s, end));
        }
    }

    private static boolean isIpv4(Groups g) {
        if (g.count != 4 || g.plus || g.paren) {
            return false;
        }
        for (int k = 0; k < 4; k++) {
            if (g.length[k] > 3 || g.value[k] > 255 || (k > 0 && g.separatorBefore[k] != '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCard(Groups g) {
        if (g.digits < 13 || g.digits > 19 || g.plus || g.paren) {
            return false;
        }
        char separator = g.count > 1 ? g.separatorBefore[1] : '\0';
        for (int k = 1; k < g.count; k++) {
            if (g.separatorBefore[k] != separator || (separator != ' ' && separator != '-')) {
                return false;
            }
        }
        return printedLayout(g) && knownIssuer(g.all) && Checksums.luhn(g.all);
    }

    /** Ungrouped, groups of four (the last 3-4), or the Amex / Diners 4-6-5 and 4-6-4. */
    private static boolean printedLayout(Groups g) {
        if (g.count == 1) {
            return true;
        }
        if (g.count == 3 && g.length[0] == 4 && g.length[1] == 6) {
            return g.length[2] == 5 || g.length[2] == 4;
        }
        for (int k = 0; k < g.count - 1; k++) {
            if (g.length[k] != 4) {
                return false;
            }
        }
        int last = g.length[g.count - 1];
        return last == 4 || last == 3;
    }

    /** Issuer identification prefixes of the major card networks. */
    private static boolean knownIssuer(CharSequence d) {
        int two = (d.charAt(0) - '0') * 10 + (d.charAt(1) - '0');
        int four = two * 100 + (d.charAt(2) - '0') * 10 + (d.charAt(3) - '0');
        return switch (d.charAt(0)) {
            case '4' -> true; // Visa
            case '5' -> two >= 50 && two <= 59; // Mastercard 51-55, Maestro 50, 56-59
            case '2' -> four >= 2221 && four <= 2720; // Mastercard 2-series
            case '3' -> two == 34 || two == 37 || two == 35 || two == 36 || two == 38 || two == 30;
            case '6' -> true; // Discover, UnionPay, Maestro, RuPay
            default -> false;
        };
    }

    private static boolean isSsn(String s, int start, Groups g) {
        if (g.digits != 9 || g.plus || g.paren) {
            return false;
        }
        int area;
        int group;
        int serial;
        if (g.count == 3 && g.length[0] == 3 && g.length[1] == 2 && g.length[2] == 4) {
            char sep = g.separatorBefore[1];
            if (sep != g.separatorBefore[2] || (sep != '-' && sep != ' ')) {
                return false;
            }
            area = g.value[0];
            group = g.value[1];
            serial = g.value[2];
        } else if (g.count == 1 && Chars.contextBefore(s, start, 40, SSN_CONTEXT)) {
            area = g.value[0] / 1_000_000;
            group = g.value[0] / 10_000 % 100;
            serial = g.value[0] % 10_000;
        } else {
            return false;
        }
        return area > 0 && area != 666 && area < 900 && group > 0 && serial > 0;
    }

    private static boolean isPhone(String s, int start, Groups g) {
        if (g.digits < 7 || g.digits > 15) {
            return false;
        }
        if (g.plus) {
            return g.digits >= 8 && (g.count >= 2 || g.digits >= 10);
        }
        if (looksLikeDate(g) || thousandsGrouped(g) || ssnShaped(g)) {
            return false;
        }
        boolean phoneContext = Chars.contextBefore(s, start, 30, PHONE_CONTEXT);
        if (!phoneContext && Chars.contextBefore(s, start, 20, ID_CONTEXT)) {
            return false;
        }
        if (g.paren) {
            return g.digits >= 7;
        }
        if (g.count == 1) {
            return phoneContext && g.digits >= 10 && g.digits <= 12;
        }
        if (g.digits < 8 && !phoneContext) {
            return false;
        }
        return phoneShaped(g);
    }

    /** 2-5 groups: the first 1-5 digits, the middle 2-4, the last 2-4. */
    private static boolean phoneShaped(Groups g) {
        if (g.count < 2 || g.count > 6 || g.digits > 13) {
            return false;
        }
        if (g.length[0] > 5 || (g.length[0] == 1 && g.count < 4)) {
            return false;
        }
        for (int k = 1; k < g.count; k++) {
            if (g.length[k] < 2 || g.length[k] > 4) {
                return false;
            }
        }
        return true;
    }

    /** The first three groups read as a date (a time may follow: "1998-06-28 14:48"). */
    private static boolean looksLikeDate(Groups g) {
        if (g.count < 3 || g.separatorBefore[1] != g.separatorBefore[2]) {
            return false;
        }
        int a = g.value[0];
        int b = g.value[1];
        int c = g.value[2];
        if (g.length[0] == 4) {
            return a >= 1900 && a <= 2100 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
        }
        if (g.length[2] == 4 || g.length[2] == 2) {
            boolean year = g.length[2] == 2 || (c >= 1900 && c <= 2100);
            return year
                    && a >= 1
                    && a <= 31
                    && b >= 1
                    && b <= 31
                    && (a <= 12 || b <= 12)
                    && g.length[0] <= 2
                    && g.length[1] <= 2;
        }
        return false;
    }

    /** 3-2-4 digits: laid out as an SSN (one that failed the validity checks), not a phone. */
    private static boolean ssnShaped(Groups g) {
        return g.count == 3 && g.length[0] == 3 && g.length[1] == 2 && g.length[2] == 4;
    }

    /** "1 234 567", "12.345.678": an amount, not a phone number. */
    private static boolean thousandsGrouped(Groups g) {
        if (g.count < 2 || g.length[0] > 3) {
            return false;
        }
        for (int k = 1; k < g.count; k++) {
            char sep = g.separatorBefore[k];
            if (g.length[k] != 3 || (sep != ' ' && sep != '.')) {
                return false;
            }
        }
        return true;
    }

    /** Extends a phone number over an extension such as " x123" or " ext. 45". */
    private static int extension(String s, int end) {
        int j = end;
        if (Chars.at(s, j) == ' ') {
            j++;
        }
        int k = j;
        if (s.regionMatches(true, k, "ext.", 0, 4)) {
            k += 4;
        } else if (s.regionMatches(true, k, "ext", 0, 3)) {
            k += 3;
        } else if (Chars.at(s, k) == 'x' || Chars.at(s, k) == 'X') {
            k += 1;
        } else {
            return end;
        }
        if (Chars.at(s, k) == ' ') {
            k++;
        }
        int d = k;
        while (d < s.length() && Chars.isDigit(s.charAt(d)) && d - k < 6) {
            d++;
        }
        return d > k && !Chars.isWordChar(Chars.at(s, d)) ? d : end;
    }
}
