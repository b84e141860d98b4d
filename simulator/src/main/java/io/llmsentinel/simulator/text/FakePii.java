package io.llmsentinel.simulator.text;

import java.util.SplittableRandom;

/**
 * Fake personal data that passes the checks real scanners apply: card numbers with a valid Luhn
 * digit, IBANs with valid ISO 13616 mod-97 check digits, SSNs in the issued ranges, phone numbers
 * from ranges reserved for fiction, and e-mail addresses on reserved example domains. Nothing here
 * belongs to a real person; everything is drawn from the seed.
 */
public final class FakePii {
    private static final String[] FIRST_NAMES = {
        "Maria", "James", "Aisha", "Chen", "Lukas", "Priya", "Tom\u00e1s", "Emily", "Kwame",
                "Sofia",
        "Noah", "Yuki", "Fatima", "Oliver", "Ingrid", "Mateo", "Hannah", "Ravi", "Chloe", "Dmitri"
    };
    private static final String[] LAST_NAMES = {
        "Garcia",
        "Okafor",
        "Schneider",
        "Nakamura",
        "Kowalski",
        "Patel",
        "Johansson",
        "Rossi",
        "Dubois",
        "Nguyen",
        "Murphy",
        "Haddad",
        "Silva",
        "Novak",
        "Fischer",
        "Andersen",
        "Moreau"
    };
    private static final String[] EMAIL_DOMAINS = {
        "example.com", "example.org", "example.net", "mail.example.com", "corp.example.org"
    };
    private static final String[] US_AREA_CODES = {
        "212", "312", "415", "503", "617", "702", "808", "919"
    };

    private FakePii() {}

    public static String fullName(SplittableRandom rng) {
        return FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)]
                + " "
                + LAST_NAMES[rng.nextInt(LAST_NAMES.length)];
    }

    public static String email(SplittableRandom rng) {
        String first = FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)].toLowerCase();
        String last = LAST_NAMES[rng.nextInt(LAST_NAMES.length)].toLowerCase();
        String local =
                switch (rng.nextInt(3)) {
                    case 0 -> first + "." + last;
                    case 1 -> first.charAt(0) + last + rng.nextInt(100);
                    default -> first + "_" + last + (1970 + rng.nextInt(40));
                };
        // Keep the address ASCII: scanners and mail servers differ on accented local parts.
        local = local.replace('\u00e1', 'a');
        return local + "@" + EMAIL_DOMAINS[rng.nextInt(EMAIL_DOMAINS.length)];
    }

    /** A US number in 555-0100..0199 or a UK number in Ofcom's drama range. */
    public static String phone(SplittableRandom rng) {
        int line = rng.nextInt(100);
        switch (rng.nextInt(3)) {
            case 0:
                return "("
                        + US_AREA_CODES[rng.nextInt(US_AREA_CODES.length)]
                        + ") 555-01"
                        + twoDigits(line);
            case 1:
                return "+1 "
                        + US_AREA_CODES[rng.nextInt(US_AREA_CODES.length)]
                        + "-555-01"
                        + twoDigits(line);
            default:
                return "+44 20 7946 0" + threeDigits(rng.nextInt(1000));
        }
    }

    /** A Visa, Mastercard or Amex number with a valid Luhn check digit, grouped as printed. */
    public static String creditCard(SplittableRandom rng) {
        StringBuilder digits = new StringBuilder(16);
        int length;
        switch (rng.nextInt(3)) {
            case 0 -> {
                digits.append('4');
                length = 16;
            }
            case 1 -> {
                digits.append('5').append(1 + rng.nextInt(5));
                length = 16;
            }
            default -> {
                digits.append('3').append(rng.nextBoolean() ? '4' : '7');
                length = 15;
            }
        }
        while (digits.length() < length - 1) {
            digits.append(rng.nextInt(10));
        }
        digits.append(luhnCheckDigit(digits));
        return group(digits.toString(), length == 15, rng.nextInt(3));
    }

    /** The digit that makes {@code payload + digit} pass the Luhn check. */
    public static int luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        boolean doubleIt = true; // the rightmost payload digit is doubled once the check is added
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether a digit string (separators allowed) passes the Luhn check. */
    public static boolean passesLuhn(String number) {
        String digits = number.replaceAll("[ -]", "");
        if (digits.length() < 2) {
            return false;
        }
        return luhnCheckDigit(digits.substring(0, digits.length() - 1))
                == digits.charAt(digits.length() - 1) - '0';
    }

    /** A German, British, Dutch or French IBAN with valid check digits. */
    public static String iban(SplittableRandom rng) {
        String country;
        StringBuilder bban = new StringBuilder(24);
        switch (rng.nextInt(4)) {
            case 0 -> {
                country = "DE";
                appendDigits(bban, rng, 18);
            }
            case 1 -> {
                country = "GB";
                appendLetters(bban, rng, 4);
                appendDigits(bban, rng, 14);
            }
            case 2 -> {
                country = "NL";
                appendLetters(bban, rng, 4);
                appendDigits(bban, rng, 10);
            }
            default -> {
                country = "FR";
                appendDigits(bban, rng, 23);
            }
        }
        String iban = country + ibanCheckDigits(country, bban) + bban;
        return rng.nextBoolean() ? iban : groupByFour(iban);
    }

    /** ISO 13616 check digits: 98 minus (BBAN + country + "00" as digits) mod 97. */
    static String ibanCheckDigits(String country, CharSequence bban) {
        int mod = mod97(bban + country + "00");
        return twoDigits(98 - mod);
    }

    /** Whether an IBAN (spaces allowed) has valid check digits. */
    public static boolean validIban(String iban) {
        String compact = iban.replace(" ", "");
        if (compact.length() < 5) {
            return false;
        }
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    private static int mod97(String alphanumeric) {
        int mod = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            if (c >= '0' && c <= '9') {
                mod = (mod * 10 + (c - '0')) % 97;
            } else {
                int v = Character.toUpperCase(c) - 'A' + 10; // two digits
                mod = (mod * 100 + v) % 97;
            }
        }
        return mod;
    }

    /** A US SSN in the issued format: area 001-899 except 666, group 01-99, serial 0001-9999. */
    public static String ssn(SplittableRandom rng) {
        int area;
        do {
            area = 1 + rng.nextInt(899);
        } while (area == 666);
        int group = 1 + rng.nextInt(99);
        int serial = 1 + rng.nextInt(9999);
        return threeDigits(area) + "-" + twoDigits(group) + "-" + fourDigits(serial);
    }

    /** Card expiry such as 07/28. */
    public static String expiry(SplittableRandom rng) {
        return twoDigits(1 + rng.nextInt(12)) + "/" + twoDigits(26 + rng.nextInt(6));
    }

    private static String group(String digits, boolean amex, int style) {
        if (style == 0) {
            return digits;
        }
        char sep = style == 1 ? ' ' : '-';
        StringBuilder sb = new StringBuilder(digits.length() + 4);
        int[] groups = amex ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4};
        int pos = 0;
        for (int g = 0; g < groups.length; g++) {
            if (g > 0) {
                sb.append(sep);
            }
            sb.append(digits, pos, pos + groups[g]);
            pos += groups[g];
        }
        return sb.toString();
    }

    private static String groupByFour(String s) {
        StringBuilder sb = new StringBuilder(s.length() + s.length() / 4);
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append(' ');
            }
            sb.append(s.charAt(i));
        }
        return sb.toString();
    }

    private static void appendDigits(StringBuilder sb, SplittableRandom rng, int n) {
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
    }

    private static void appendLetters(StringBuilder sb, SplittableRandom rng, int n) {
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + rng.nextInt(26)));
        }
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String threeDigits(int v) {
        return v < 10 ? "00" + v : v < 100 ? "0" + v : Integer.toString(v);
    }

    private static String fourDigits(int v) {
        return v < 1000 ? "0" + threeDigits(v) : Integer.toString(v);
    }
}
