package io.llmsentinel.detectors.security.eval;

import io.llmsentinel.detectors.security.scan.SensitiveDataScanner;
import io.llmsentinel.detectors.security.scan.SensitiveFinding;
import io.llmsentinel.detectors.security.scan.SensitiveType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a {@link SensitiveDataScanner} over a labelled PII dataset and scores it per type by span
 * overlap. The structured types are those the dataset and the scanner share; a finding of one of
 * them that overlaps no label of its type (including a label of another type) is a false positive.
 */
public final class PiiEvaluator {
    private PiiEvaluator() {}

    public static PiiReport evaluate(
            List<PiiExample> examples, SensitiveDataScanner scanner, PredictionSink sink) {
        Set<SensitiveType> covered = EnumSet.noneOf(SensitiveType.class);
        for (String name :
                List.of(
                        "EMAIL_ADDRESS",
                        "PHONE_NUMBER",
                        "CREDIT_CARD",
                        "IBAN_CODE",
                        "US_SSN",
                        "IP_ADDRESS")) {
            EntityTypes.map(name).ifPresent(covered::add);
        }
        Map<SensitiveType, PiiTypeCounts> structured = new EnumMap<>(SensitiveType.class);
        covered.forEach(t -> structured.put(t, new PiiTypeCounts()));
        Map<String, Integer> notCovered = new TreeMap<>();
        Map<SensitiveType, Integer> unlabelled = new EnumMap<>(SensitiveType.class);

        for (int i = 0; i < examples.size(); i++) {
            PiiExample example = examples.get(i);
            List<SensitiveFinding> findings = scanner.scan(example.text());
            sink.pii(i, findings);
            for (SensitiveFinding f : findings) {
                if (!covered.contains(f.type())) {
                    unlabelled.merge(f.type(), 1, Integer::sum);
                    continue;
                }
                boolean correct =
                        example.spans().stream()
                                .anyMatch(
                                        s ->
                                                sameType(s, f.type())
                                                        && s.overlaps(f.start(), f.end()));
                structured.get(f.type()).finding(correct);
            }
            for (LabeledSpan label : example.spans()) {
                Optional<SensitiveType> ours = EntityTypes.map(label.entityType());
                if (ours.isEmpty()) {
                    notCovered.merge(label.entityType(), 1, Integer::sum);
                    continue;
                }
                boolean found =
                        findings.stream()
                                .anyMatch(
                                        f ->
                                                f.type() == ours.get()
                                                        && label.overlaps(f.start(), f.end()));
                structured.get(ours.get()).label(found);
            }
        }
        PiiTypeCounts micro = new PiiTypeCounts();
        structured.values().forEach(micro::addAll);
        return new PiiReport(structured, micro, notCovered, unlabelled);
    }

    private static boolean sameType(LabeledSpan span, SensitiveType type) {
        return EntityTypes.map(span.entityType()).filter(t -> t == type).isPresent();
    }
}
