package io.llmsentinel.simulator.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The incident script of a run: the default one (every incident type, spread over the run), none,
 * or an explicit list.
 *
 * <p>The default timeline keeps the first 20% of the run quiet so that baselines can settle, then
 * gives each of the nine incident types an equal slot of the rest. Each incident sits in the middle
 * of its slot and lasts 60% of it, at most five minutes, so that there is a quiet gap of at least
 * 40% of a slot between two incidents. Metric incidents alternate with content incidents, which
 * widens the gap between two incidents that move the same metric. For a 60-minute run the slots are
 * 5m20s long and each incident lasts 3m12s; see {@link #resolve(Duration)}.
 */
public final class Timeline {
    /** The default timeline's order of incidents. */
    static final List<IncidentType> DEFAULT_ORDER =
            List.of(
                    IncidentType.LATENCY_DEGRADATION,
                    IncidentType.PROMPT_INJECTION,
                    IncidentType.ERROR_BURST,
                    IncidentType.PII_LEAK,
                    IncidentType.SPEND_RUNAWAY,
                    IncidentType.SECRET_LEAK,
                    IncidentType.AGENT_LOOP,
                    IncidentType.OUTPUT_LENGTH_SHIFT,
                    IncidentType.MODEL_SWAP);

    static final double WARMUP_FRACTION = 0.2;
    static final double INCIDENT_FRACTION_OF_SLOT = 0.6;
    static final Duration MAX_DEFAULT_INCIDENT = Duration.ofMinutes(5);

    private static final Pattern ENTRY = Pattern.compile("([a-z_\\-]+)@([^+]+)\\+(.+)");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");

    private final boolean isDefault;
    private final List<IncidentSpec> specs;

    private Timeline(boolean isDefault, List<IncidentSpec> specs) {
        this.isDefault = isDefault;
        this.specs = specs;
    }

    /** Every incident type, laid out over whatever duration the run has. */
    public static Timeline defaults() {
        return new Timeline(true, List.of());
    }

    /** A quiet run: no incidents, empty ground truth. */
    public static Timeline none() {
        return new Timeline(false, List.of());
    }

    public static Timeline of(List<IncidentSpec> specs) {
        List<IncidentSpec> sorted = new ArrayList<>(specs);
        sorted.sort(Comparator.comparing(IncidentSpec::offset));
        return new Timeline(false, List.copyOf(sorted));
    }

    /**
     * Parses {@code default}, {@code none}, or a comma-separated list of {@code
     * type@offset+duration}, e.g. {@code latency_degradation@10m+4m,agent_loop@1h2m+90s}. Durations
     * are written like {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms} or in ISO-8601 ({@code
     * PT5M}).
     */
    public static Timeline parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("default")) {
            return defaults();
        }
        if (t.equals("none") || t.isEmpty()) {
            return none();
        }
        List<IncidentSpec> specs = new ArrayList<>();
        for (String part : t.split(",")) {
            Matcher m = ENTRY.matcher(part.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "timeline entry '"
                                + part.trim()
                                + "' is not of the form type@offset+duration (e.g."
                                + " error_burst@10m+3m)");
            }
            specs.add(
                    new IncidentSpec(
                            IncidentType.parse(m.group(1)),
                            parseDuration(m.group(2)),
                            parseDuration(m.group(3))));
        }
        return of(specs);
    }

    /** {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms} or ISO-8601 such as {@code PT5M}. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        Matcher m = SHORT_DURATION.matcher(t);
        Duration total = Duration.ZERO;
        int consumed = 0;
        while (m.find()) {
            if (m.start() != consumed) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "h" -> total = total.plusHours(n);
                case "m" -> total = total.plusMinutes(n);
                case "s" -> total = total.plusSeconds(n);
                default -> total = total.plusMillis(n);
            }
            consumed = m.end();
        }
        if (consumed == 0 || consumed != t.length()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration (use e.g. 90s, 5m, 1h30m or PT5M)");
        }
        return total;
    }

    public boolean isDefault() {
        return isDefault;
    }

    /** The incidents of a run of this length, by offset. */
    public List<IncidentSpec> resolve(Duration runDuration) {
        if (!isDefault) {
            return specs;
        }
        long total = runDuration.toMillis();
        long warmup = Math.round(total * WARMUP_FRACTION);
        long slot = (total - warmup) / DEFAULT_ORDER.size();
        long length =
                Math.min(
                        MAX_DEFAULT_INCIDENT.toMillis(),
                        Math.round(slot * INCIDENT_FRACTION_OF_SLOT));
        if (length <= 0) {
            return List.of();
        }
        List<IncidentSpec> out = new ArrayList<>(DEFAULT_ORDER.size());
        for (int i = 0; i < DEFAULT_ORDER.size(); i++) {
            long offset = warmup + i * slot + (slot - length) / 2;
            out.add(
                    new IncidentSpec(
                            DEFAULT_ORDER.get(i),
                            Duration.ofMillis(offset),
                            Duration.ofMillis(length)));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        if (isDefault) {
            return "default";
        }
        if (specs.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (IncidentSpec s : specs) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(s.type().wireName())
                    .append('@')
                    .append(s.offset())
                    .append('+')
                    .append(s.duration());
        }
        return sb.toString();
    }
}
