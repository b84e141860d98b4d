package io.llmsentinel.detectors.security.scan;

import io.llmsentinel.detectors.common.Redaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers candidate findings from the detectors of one scan and resolves overlaps: where two
 * candidates overlap, the more specific type wins (a private key over the base64 inside it, an IBAN
 * over the digits in it that happen to pass Luhn, a credit card over a phone number), then the
 * longer one. Not thread-safe; one per scan.
 */
final class FindingCollector {
    private final String text;
    private int count;
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private SensitiveType[] types = new SensitiveType[8];

    FindingCollector(String text) {
        this.text = text;
    }

    void add(SensitiveType type, int start, int end) {
        if (start < 0 || end > text.length() || end <= start) {
            return;
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            types = Arrays.copyOf(types, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        types[count] = type;
        count++;
    }

    List<SensitiveFinding> resolve(Redaction redaction) {
        if (count == 0) {
            return List.of();
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int byPriority = Integer.compare(priority(types[b]), priority(types[a]));
                    if (byPriority != 0) {
                        return byPriority;
                    }
                    int byLength = Integer.compare(ends[b] - starts[b], ends[a] - starts[a]);
                    return byLength != 0 ? byLength : Integer.compare(starts[a], starts[b]);
                });
        List<Integer> kept = new ArrayList<>();
        for (int candidate : order) {
            boolean clash = false;
            for (int k : kept) {
                if (starts[k] < ends[candidate] && starts[candidate] < ends[k]) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(candidate);
            }
        }
        kept.sort((a, b) -> Integer.compare(starts[a], starts[b]));
        List<SensitiveFinding> out = new ArrayList<>(kept.size());
        for (int k : kept) {
            String masked = redaction.mask(text.substring(starts[k], ends[k])).text();
            out.add(new SensitiveFinding(types[k], starts[k], ends[k], masked));
        }
        return out;
    }

    /** Higher wins an overlap: specific formats and checksummed values first. */
    private static int priority(SensitiveType type) {
        return switch (type) {
            case PRIVATE_KEY -> 100;
            case JWT -> 90;
            case ANTHROPIC_KEY -> 86;
            case OPENAI_KEY, GITHUB_TOKEN, SLACK_TOKEN, AWS_ACCESS_KEY -> 85;
            case SYSTEM_PROMPT_LEAK -> 80;
            case EMAIL -> 70;
            case IBAN -> 65;
            case CREDIT_CARD -> 60;
            case US_SSN -> 58;
            case IP_ADDRESS -> 55;
            case GENERIC_SECRET -> 45;
            case PHONE -> 40;
        };
    }
}
