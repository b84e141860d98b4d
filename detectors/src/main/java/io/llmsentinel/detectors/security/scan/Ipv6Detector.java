package io.llmsentinel.detectors.security.scan;

/**
 * IPv6 addresses in full ({@code 2001:0db8:85a3:0000:0000:8a2e:0370:7334}) or compressed ({@code
 * 2001:db8::8a2e:370:7334}) form, with an optional IPv4 tail. Times ({@code 12:30:45}) and MAC
 * addresses have too few groups and no {@code ::}; the unspecified and loopback addresses carry no
 * information and are skipped.
 */
final class Ipv6Detector {
    private Ipv6Detector() {}

    static void scan(String text, FindingCollector out) {
        int colon = text.indexOf(':');
        while (colon >= 0) {
            int start = colon;
            while (start > 0 && isAddressChar(text.charAt(start - 1))) {
                start--;
            }
            int end = colon;
            while (end < text.length() && isAddressChar(text.charAt(end))) {
                end++;
            }
            while (end > start && text.charAt(end - 1) == '.') {
                end--;
            }
            if (!Chars.isWordChar(Chars.at(text, start - 1))
                    && !Chars.isWordChar(Chars.at(text, end))
                    && valid(text, start, end)) {
                out.add(SensitiveType.IP_ADDRESS, start, end);
            }
            colon = text.indexOf(':', Math.max(end, colon + 1));
        }
    }

    private static boolean isAddressChar(char c) {
        return Chars.isHex(c) || c == ':' || c == '.';
    }

    static boolean valid(String s, int start, int end) {
        String candidate = s.substring(start, end);
        int doubleColon = candidate.indexOf("::");
        if (doubleColon >= 0 && candidate.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if (candidate.contains(":::")) {
            return false;
        }
        String[] parts = candidate.split(":", -1);
        int groups = 0;
        int nonZeroGroups = 0;
        boolean ipv4Tail = false;
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k];
            if (p.isEmpty()) {
                continue;
            }
            if (k == parts.length - 1 && p.indexOf('.') >= 0) {
                if (!ipv4(p)) {
                    return false;
                }
                ipv4Tail = true;
                groups += 2;
                nonZeroGroups++;
                continue;
            }
            if (p.length() > 4 || p.indexOf('.') >= 0) {
                return false;
            }
            groups++;
            if (!p.chars().allMatch(c -> c == '0')) {
                nonZeroGroups++;
            }
        }
        boolean complete = doubleColon >= 0 ? groups <= 7 : groups == 8;
        boolean leadingOk = !candidate.startsWith(":") || candidate.startsWith("::");
        boolean trailingOk = !candidate.endsWith(":") || candidate.endsWith("::");
        return complete
                && leadingOk
                && trailingOk
                && nonZeroGroups >= 2
                && (groups >= 3 || ipv4Tail);
    }

    private static boolean ipv4(String p) {
        String[] octets = p.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String o : octets) {
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Chars::isDigitCode)) {
                return false;
            }
            if (Integer.parseInt(o) > 255) {
                return false;
            }
        }
        return true;
    }
}
