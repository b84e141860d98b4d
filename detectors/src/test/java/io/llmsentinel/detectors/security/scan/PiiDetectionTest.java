package io.llmsentinel.detectors.security.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Personal data: each format's positives, look-alikes that must not match, and masking. */
class PiiDetectionTest {
    private static final SensitiveDataScanner SCANNER = SensitiveDataScanner.defaults();

    @Test
    void emails() {
        assertFound(
                "write to ana.silva+news@mail.example.co.uk today",
                SensitiveType.EMAIL,
                "ana.silva+news@mail.example.co.uk");
        assertNone("the @handle and user@localhost and a@b.c are not addresses");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+44 20 7946 0321",
                "+1 (415) 555-0132",
                "+1-202-555-0173",
                "+33 6 12 34 56 78",
                "+4915112345678",
                "(555) 123-4567",
                "(021)555-0199",
                "555.123.4567",
                "415-555-0123",
                "020 7946 0018",
                "1-800-555-0199",
                "001-415-555-0123",
            })
    void phoneNumbers(String phone) {
        assertFound("Call me on " + phone + " after six.", SensitiveType.PHONE, phone);
    }

    @Test
    void phoneExtensionsBelongToTheNumber() {
        assertFound(
                "office: 415-555-0123 x204, ask for Li", SensitiveType.PHONE, "415-555-0123 x204");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The meeting is on 2024-05-12 at 10:30.",
                "Born 12-05-1988, moved in 03.07.2010.",
                "Order 123-456-7890 shipped yesterday.",
                "Invoice #20240512 total 1 234 567 EUR",
                "Tracking number 1Z999AA10123456784",
                "Version 1.2.3.4.5 fixed it, build 20240101.",
                "The population grew from 8 123 456 to 8 234 567.",
                "Pi is 3.14159265358979 and e is 2.71828.",
                "Coordinates 38.7223, -9.1393 in Lisbon.",
                "Room 3-12, call extension 4512.",
            })
    void datesIdsAmountsAndVersionsAreNotPhones(String text) {
        assertThat(SCANNER.scan(text)).as(text).noneMatch(f -> f.type() == SensitiveType.PHONE);
    }

    @Test
    void creditCardsNeedLuhnAndAnIssuerPrefix() {
        assertFound(
                "card 4111 1111 1111 1111 exp 09/27",
                SensitiveType.CREDIT_CARD,
                "4111 1111 1111 1111");
        assertFound("amex 3782-822463-10005", SensitiveType.CREDIT_CARD, "3782-822463-10005");
        assertFound("mc 5555555555554444.", SensitiveType.CREDIT_CARD, "5555555555554444");
        assertFound("mc2 2223 0031 2200 3222", SensitiveType.CREDIT_CARD, "2223 0031 2200 3222");
        // one digit off: Luhn fails
        assertThat(SCANNER.scan("card 4111 1111 1111 1112"))
                .noneMatch(f -> f.type() == SensitiveType.CREDIT_CARD);
        // passes Luhn but no card network starts with 9
        assertThat(SCANNER.scan("id 9111 1111 1111 1115"))
                .noneMatch(f -> f.type() == SensitiveType.CREDIT_CARD);
        // odd grouping
        assertThat(SCANNER.scan("ref 41 1111 1111 1111 11"))
                .noneMatch(f -> f.type() == SensitiveType.CREDIT_CARD);
    }

    @Test
    void ibansNeedTheCountryLengthAndMod97() {
        assertFound(
                "pay to DE89 3704 0044 0532 0130 00 please",
                SensitiveType.IBAN,
                "DE89 3704 0044 0532 0130 00");
        assertFound("iban GB82WEST12345698765432.", SensitiveType.IBAN, "GB82WEST12345698765432");
        assertFound("NL91ABNA0417164300", SensitiveType.IBAN, "NL91ABNA0417164300");
        assertFound(
                "FR14 2004 1010 0505 0001 3M02 606",
                SensitiveType.IBAN,
                "FR14 2004 1010 0505 0001 3M02 606");
        // last digit changed: mod 97 fails, and the digits are not reported as anything else
        assertNone("pay to DE89 3704 0044 0532 0130 01 please");
        // right check digits, wrong length for the country
        assertThat(SCANNER.scan("DE89 3704 0044 0532 0130"))
                .noneMatch(f -> f.type() == SensitiveType.IBAN);
    }

    @Test
    void ssnsFollowTheIssuingRules() {
        assertFound("SSN 123-45-6789 on file", SensitiveType.US_SSN, "123-45-6789");
        assertFound("ssn: 123 45 6789", SensitiveType.US_SSN, "123 45 6789");
        assertFound("my social security number is 123456789", SensitiveType.US_SSN, "123456789");
        for (String invalid :
                List.of(
                        "000-12-3456",
                        "666-12-3456",
                        "912-12-3456",
                        "123-00-4567",
                        "123-45-0000")) {
            assertThat(SCANNER.scan("SSN " + invalid)).as(invalid).isEmpty();
        }
        // nine digits without context are not an SSN
        assertThat(SCANNER.scan("reference 123456789"))
                .noneMatch(f -> f.type() == SensitiveType.US_SSN);
    }

    @Test
    void ipAddresses() {
        assertFound("from 203.0.113.45 at noon", SensitiveType.IP_ADDRESS, "203.0.113.45");
        assertFound(
                "v6 2001:db8:85a3::8a2e:370:7334 ok",
                SensitiveType.IP_ADDRESS,
                "2001:db8:85a3::8a2e:370:7334");
        assertFound(
                "full 2001:0db8:0000:0000:0000:ff00:0042:8329.",
                SensitiveType.IP_ADDRESS,
                "2001:0db8:0000:0000:0000:ff00:0042:8329");
        assertNone("at 12:30:45 the mac 00:1a:2b:3c:4d:5e and 999.1.1.1 and std::vector");
    }

    @Test
    void previewsAreMaskedAndNeverTheRawValue() {
        String text =
                "Ana: ana.silva@example.com, +44 20 7946 0321, 4111 1111 1111 1111,"
                        + " DE89 3704 0044 0532 0130 00, SSN 123-45-6789, 203.0.113.45";
        List<SensitiveFinding> found = SCANNER.scan(text);
        assertThat(found)
                .extracting(SensitiveFinding::type)
                .containsExactly(
                        SensitiveType.EMAIL,
                        SensitiveType.PHONE,
                        SensitiveType.CREDIT_CARD,
                        SensitiveType.IBAN,
                        SensitiveType.US_SSN,
                        SensitiveType.IP_ADDRESS);
        for (SensitiveFinding f : found) {
            String raw = text.substring(f.start(), f.end());
            assertThat(f.maskedPreview()).as(raw).doesNotContain(raw);
            assertThat(f.type().pii()).isTrue();
            assertThat(f.type().secret()).isFalse();
        }
    }

    @Test
    void nothingInOrdinaryText() {
        assertNone("Thanks for your order! It ships in 3-5 days. Call us any time, 24/7.");
        assertThat(SCANNER.scan(null)).isEmpty();
        assertThat(SCANNER.scan("")).isEmpty();
    }

    static void assertFound(String text, SensitiveType type, String value) {
        List<SensitiveFinding> found = SCANNER.scan(text);
        assertThat(found)
                .as(text)
                .anySatisfy(
                        f -> {
                            assertThat(f.type()).isEqualTo(type);
                            assertThat(text.substring(f.start(), f.end())).isEqualTo(value);
                        });
    }

    static void assertNone(String text) {
        assertThat(SCANNER.scan(text)).as(text).isEmpty();
    }
}
