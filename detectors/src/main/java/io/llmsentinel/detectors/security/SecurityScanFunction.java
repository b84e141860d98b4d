package io.llmsentinel.detectors.security;

import io.llmsentinel.detectors.common.Redaction;
import io.llmsentinel.detectors.common.RefusalRules;
import io.llmsentinel.detectors.security.scan.AttackCategory;
import io.llmsentinel.detectors.security.scan.CanaryScanner;
import io.llmsentinel.detectors.security.scan.PromptScanner;
import io.llmsentinel.detectors.security.scan.PromptVerdict;
import io.llmsentinel.detectors.security.scan.SensitiveDataScanner;
import io.llmsentinel.detectors.security.scan.SensitiveFinding;
import io.llmsentinel.schema.LlmEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Scans each event once: the prompt for injection and jailbreaks, retrieved content for indirect
 * injection, the response (and optionally the prompt) for PII, secrets and canaries. Emits one
 * {@link SecurityFinding} per detected kind and field, redacted here so that no raw text travels
 * further, and one {@link TurnSignal} per prompt to the {@link #TURNS} side output for the
 * behaviour rules. Stateless: runs before any shuffle, at the source's parallelism.
 */
public class SecurityScanFunction extends ProcessFunction<LlmEvent, SecurityFinding> {
    public static final OutputTag<TurnSignal> TURNS = new OutputTag<>("turns") {};

    /**
     * Turns below this prompt score, neither attacks nor refused, are not sent to the behaviour
     * rules: a prompt that matches nothing scores about 0.05, and such turns are nearly all the
     * traffic, so sending them would put every user of the platform into keyed state for nothing.
     * The cost: an escalation is a rise among the session's turns that scored at least this much.
     */
    static final double TURN_SIGNAL_FLOOR = 0.1;

    static final String PROMPT = "prompt";
    static final String RESPONSE = "response";
    static final String RETRIEVED = "retrieved_content";

    private final ScanSettings settings;

    private transient PromptScanner prompts;
    private transient SensitiveDataScanner sensitive;
    private transient CanaryScanner canaries;
    private transient Redaction redaction;
    private transient Counter scanned;
    private transient Counter attacks;
    private transient Counter leaks;
    private transient Counter clipped;

    public SecurityScanFunction(ScanSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        prompts = PromptScanner.withThreshold(settings.injectionThreshold());
        sensitive = SensitiveDataScanner.defaults();
        canaries =
                settings.canaries().isEmpty() && settings.systemPromptFragments().isEmpty()
                        ? null
                        : CanaryScanner.of(settings.canaries(), settings.systemPromptFragments());
        redaction =
                settings.redactionSalt().isEmpty()
                        ? Redaction.unsalted()
                        : Redaction.withSalt(settings.redactionSalt());
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("sentinel");
        scanned = metrics.counter("eventsScanned");
        attacks = metrics.counter("attacksFound");
        leaks = metrics.counter("leaksFound");
        clipped = metrics.counter("textsClipped");
    }

    @Override
    public void processElement(LlmEvent e, Context ctx, Collector<SecurityFinding> out) {
        scanned.inc();
        String actor = SecuritySubjects.actor(e.tenantId, e.userId, e.sessionId, e.serviceName);
        String app = SecuritySubjects.application(e.serviceName, model(e));
        String prompt = clip(e.promptText);
        String response = clip(e.responseText);

        if (settings.scanPrompts() && prompt != null) {
            PromptVerdict v = prompts.scan(prompt);
            if (v.attack()) {
                attacks.inc();
                String type =
                        v.category() == AttackCategory.JAILBREAK
                                ? SecurityAnomalies.JAILBREAK
                                : SecurityAnomalies.PROMPT_INJECTION;
                out.collect(attackFinding(e, type, actor, PROMPT, prompt, v));
            }
            boolean refused = RefusalRules.isRefusal(e.responseText);
            if (v.attack() || refused || v.score() >= TURN_SIGNAL_FLOOR) {
                ctx.output(TURNS, turn(e, actor, v, refused));
            }
        }
        if (settings.scanRetrievedContent() && e.retrievedContent != null) {
            for (String doc : e.retrievedContent) {
                String text = clip(doc);
                if (text == null) {
                    continue;
                }
                PromptVerdict v = prompts.scan(text);
                if (v.attack()) {
                    attacks.inc();
                    out.collect(
                            attackFinding(
                                    e,
                                    SecurityAnomalies.INDIRECT_INJECTION,
                                    app,
                                    RETRIEVED,
                                    text,
                                    v));
                    break; // one finding per event is enough to open or feed the episode
                }
            }
        }
        if (settings.scanResponses() && response != null) {
            leakFindings(e, app, RESPONSE, response, sensitive.scan(response), true, true, out);
            if (canaries != null) {
                List<SensitiveFinding> found = canaries.scan(response);
                if (!found.isEmpty()) {
                    leaks.inc();
                    out.collect(
                            leakFinding(
                                    e,
                                    SecurityAnomalies.SYSTEM_PROMPT_LEAK,
                                    app,
                                    RESPONSE,
                                    response,
                                    found));
                }
            }
        }
        if (prompt != null && (settings.scanPromptSecrets() || settings.scanPromptPii())) {
            leakFindings(
                    e,
                    actor,
                    PROMPT,
                    prompt,
                    sensitive.scan(prompt),
                    settings.scanPromptPii(),
                    settings.scanPromptSecrets(),
                    out);
        }
    }

    private void leakFindings(
            LlmEvent e,
            String subject,
            String field,
            String text,
            List<SensitiveFinding> found,
            boolean pii,
            boolean secrets,
            Collector<SecurityFinding> out) {
        if (found.isEmpty()) {
            return;
        }
        List<SensitiveFinding> piiFound = new ArrayList<>();
        List<SensitiveFinding> secretFound = new ArrayList<>();
        for (SensitiveFinding f : found) {
            if (f.type().secret()) {
                secretFound.add(f);
            } else if (f.type().pii()) {
                piiFound.add(f);
            }
        }
        if (pii && !piiFound.isEmpty()) {
            leaks.inc();
            out.collect(
                    leakFinding(
                            e, SecurityAnomalies.PII_LEAK, subject, field, text, found, piiFound));
        }
        if (secrets && !secretFound.isEmpty()) {
            leaks.inc();
            out.collect(
                    leakFinding(
                            e,
                            SecurityAnomalies.SECRET_LEAK,
                            subject,
                            field,
                            text,
                            found,
                            secretFound));
        }
    }

    private SecurityFinding leakFinding(
            LlmEvent e,
            String type,
            String subject,
            String field,
            String text,
            List<SensitiveFinding> found) {
        return leakFinding(e, type, subject, field, text, found, found);
    }

    /**
     * {@code all} are masked in the preview; {@code reported} are the ones this finding is about.
     */
    private SecurityFinding leakFinding(
            LlmEvent e,
            String type,
            String subject,
            String field,
            String text,
            List<SensitiveFinding> all,
            List<SensitiveFinding> reported) {
        SecurityFinding f = base(e, type, subject, field);
        f.score = 1.0;
        Set<String> types = new LinkedHashSet<>();
        for (SensitiveFinding s : reported) {
            types.add(s.type().name());
        }
        f.entityTypes.addAll(types);
        for (String t : types) {
            f.ruleIds.add(t.toLowerCase(Locale.ROOT));
        }
        SensitiveFinding first = reported.get(0);
        f.category = first.type().name();
        int[][] spans = new int[all.size()][];
        for (int i = 0; i < all.size(); i++) {
            spans[i] = new int[] {all.get(i).start(), all.get(i).end()};
        }
        f.maskedPreview =
                redaction
                        .snippet(text, first.start(), first.end(), settings.previewContext(), spans)
                        .text();
        f.valueHash = redaction.hash(text.substring(first.start(), first.end())).text();
        return f;
    }

    private SecurityFinding attackFinding(
            LlmEvent e, String type, String subject, String field, String text, PromptVerdict v) {
        SecurityFinding f = base(e, type, subject, field);
        f.score = v.score();
        f.category = v.category().name().toLowerCase(Locale.ROOT);
        f.ruleIds.addAll(v.ruleIds());
        for (String t : v.transforms()) {
            f.ruleIds.add("transform." + t);
        }
        if (v.evidenceStart() >= 0 && v.evidenceEnd() <= text.length()) {
            // the matched phrase is masked too: the prompt around it may carry personal data
            int[][] pii = sensitiveSpans(text);
            f.maskedPreview =
                    redaction
                            .snippet(
                                    text,
                                    v.evidenceStart(),
                                    v.evidenceEnd(),
                                    settings.previewContext(),
                                    pii)
                            .text();
        }
        f.valueHash = redaction.hash(text).text();
        return f;
    }

    private int[][] sensitiveSpans(String text) {
        List<SensitiveFinding> found = sensitive.scan(text);
        int[][] spans = new int[found.size()][];
        for (int i = 0; i < found.size(); i++) {
            spans[i] = new int[] {found.get(i).start(), found.get(i).end()};
        }
        return spans;
    }

    private static SecurityFinding base(LlmEvent e, String type, String subject, String field) {
        SecurityFinding f = new SecurityFinding();
        f.anomalyType = type;
        f.subjectKey = subject;
        f.eventId = e.eventId;
        f.eventTime = e.eventTime;
        f.tenantId = e.tenantId;
        f.userId = e.userId;
        f.sessionId = e.sessionId;
        f.serviceName = e.serviceName;
        f.providerName = e.providerName;
        f.model = model(e);
        f.field = field;
        return f;
    }

    private TurnSignal turn(LlmEvent e, String actor, PromptVerdict v, boolean refused) {
        TurnSignal t = new TurnSignal();
        t.actorKey = actor;
        t.eventId = e.eventId;
        t.eventTime = e.eventTime;
        t.tenantId = e.tenantId;
        t.userId = e.userId;
        t.sessionId = e.sessionId != null ? e.sessionId : e.conversationId;
        t.serviceName = e.serviceName;
        t.score = v.score();
        t.attack = v.attack();
        t.category = v.category().name().toLowerCase(Locale.ROOT);
        if (v.attack()) {
            t.ruleIds.addAll(v.ruleIds());
        }
        t.refused = refused;
        return t;
    }

    private static String model(LlmEvent e) {
        return e.responseModel != null ? e.responseModel : e.requestModel;
    }

    /** Texts over the limit keep their head and tail, where instructions and payloads sit. */
    private String clip(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int max = settings.maxScanChars();
        if (text.length() <= max) {
            return text;
        }
        clipped.inc();
        int half = max / 2;
        return text.substring(0, half) + "\n" + text.substring(text.length() - half);
    }
}
