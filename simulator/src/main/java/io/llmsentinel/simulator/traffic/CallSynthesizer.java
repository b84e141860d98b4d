package io.llmsentinel.simulator.traffic;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.pricing.PricingTable;
import io.llmsentinel.simulator.incident.IncidentType;
import io.llmsentinel.simulator.text.AttackPrompts;
import io.llmsentinel.simulator.text.BenignText;
import io.llmsentinel.simulator.text.LeakText;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Turns "this session makes a call now" into a complete llm-event: tokens, latency, errors, finish
 * reason, cost and texts, bent by whatever incidents are active.
 *
 * <p>Latency is log-normal per model, scaled by the answer length to the power 0.3 (long answers
 * take longer, but the per-model shape dominates) plus a prefill cost per input token. Input grows
 * with every turn because earlier turns are sent again; repeated prefixes are billed as cached
 * input where the provider caches.
 */
public final class CallSynthesizer {
    static final double BASE_ERROR_RATE = 0.01;

    /** Share of events whose producer did not compute cost_usd (the cost job fills it in). */
    static final double COST_OMITTED_SHARE = 0.2;

    static final double CONTENT_FILTER_SHARE = 0.002;
    static final double NEW_CONVERSATION_SHARE = 0.08;
    static final int MAX_RESPONSE_CHARS = 16_000;
    static final double CHARS_PER_TOKEN = 4.0;
    static final double PREFILL_MS_PER_INPUT_TOKEN = 0.02;

    /**
     * Applications trim or summarise history beyond this; a runaway agent loop does not, which is
     * part of what makes it visible.
     */
    static final long HISTORY_BUDGET_TOKENS = 24_000;

    private static final Weighted<String> BASE_ERRORS =
            Weighted.of(
                    "rate_limit_exceeded", 0.35,
                    "timeout", 0.22,
                    "500", 0.15,
                    "503", 0.12,
                    "context_length_exceeded", 0.08,
                    "invalid_request_error", 0.08);
    private static final Weighted<String> BURST_ERRORS =
            Weighted.of("500", 0.5, "503", 0.3, "timeout", 0.2);
    private static final List<String> STOP = List.of("stop");
    private static final List<String> LENGTH = List.of("length");
    private static final List<String> TOOL_CALLS = List.of("tool_calls");
    private static final List<String> CONTENT_FILTER = List.of("content_filter");
    private static final String LOOP_TOOL_CALL =
            "Calling search_orders with {\"status\": \"open\", \"page\": 1}";

    private final IdSource ids;
    private final PricingTable pricing;
    private final SplittableRandom rng;
    private final List<? extends CallModifier> modifiers;
    private final CallEffects effects = new CallEffects();

    public CallSynthesizer(
            IdSource ids,
            PricingTable pricing,
            SplittableRandom rng,
            List<? extends CallModifier> modifiers) {
        this.ids = ids;
        this.pricing = pricing;
        this.rng = rng;
        this.modifiers = modifiers;
    }

    /**
     * The next call of this session.
     *
     * @param preset sets effects that come from the caller rather than from active incidents (an
     *     attacker's stream marks its calls as attacks); may be null
     */
    public SimulatedEvent call(Session s, long timeMs, Consumer<CallEffects> preset) {
        effects.reset();
        if (preset != null) {
            preset.accept(effects);
        }
        for (int i = 0, n = modifiers.size(); i < n; i++) {
            modifiers.get(i).modify(timeMs, s, effects);
        }
        s.turns++;
        ServiceProfile service = s.service;
        ModelProfile model = s.model;
        if (s.turns > 1
                && service.kind() == ServiceKind.SUPPORT_CHAT
                && rng.nextDouble() < NEW_CONVERSATION_SHARE) {
            s.conversationId = ids.nextConversationId(); // "new chat" within the same session
            s.contextTokens = 0;
        }

        LlmEvent e = new LlmEvent();
        e.eventTime = timeMs;
        setIds(e, s);
        e.serviceName = service.name();
        e.deploymentEnvironment = "production";
        e.tenantId = s.tenant.id();
        e.userId = s.userId;
        e.sessionId = s.id;
        e.conversationId = s.conversationId;
        e.providerName = model.provider();
        e.operationName = "chat";
        e.requestModel = model.requestModel();
        e.serverAddress = model.serverAddress();
        e.serverPort = 443;
        e.requestMaxTokens = service.maxTokens();
        e.requestTemperature = model.reasoning() ? null : service.temperature();
        PromptTemplate template = template(s);
        e.promptTemplateName = template.name();
        e.promptTemplateVersion = template.version();

        // What goes in: fixed prefix + history + this turn's message (+ retrieved documents).
        long userTokens;
        if (effects.loopStep) {
            userTokens = Draw.between(rng, 800, 2000); // the tool's output, appended each step
            e.promptText =
                    "Observation from search_orders: {\"status\": \"ok\", \"items\": 0,"
                            + " \"next_page\": \"cursor-"
                            + s.turns
                            + "\"} Continue.";
        } else if (effects.attack) {
            e.promptText = AttackPrompts.next(rng);
            userTokens = Math.max(8, e.promptText.length() / 4);
        } else {
            e.promptText = BenignText.prompt(service.kind(), s.turns, rng);
            double median =
                    service.kind() == ServiceKind.AGENT && s.turns > 1
                            ? 600 // a tool observation
                            : service.userMessageTokens();
            userTokens = Math.max(4, Math.round(Draw.logNormal(rng, median, 0.6)));
        }
        long retrievalTokens = 0;
        if (service.retrievedDocuments() > 0) {
            int docs =
                    Draw.between(
                            rng,
                            service.retrievedDocuments() - 1,
                            service.retrievedDocuments() + 1);
            e.retrievedContent = BenignText.retrievedDocuments(docs, rng);
            retrievalTokens = Math.round(docs * Draw.logNormal(rng, 650, 0.3));
        }
        long prefix = s.systemTokens + s.contextTokens;
        long input = Math.round((prefix + userTokens + retrievalTokens) * effects.inputFactor);
        long cached = 0;
        if (model.promptCaching() && prefix >= 1024 && rng.nextDouble() < 0.85) {
            cached = Math.min(input, (long) (prefix * Draw.uniform(rng, 0.9, 1.0)) / 128 * 128);
        }

        double errorRate = effects.errorRate >= 0 ? effects.errorRate : BASE_ERROR_RATE;
        boolean overflow = input > model.contextWindow();
        if (overflow || rng.nextDouble() < errorRate) {
            String type =
                    overflow
                            ? "context_length_exceeded"
                            : (effects.errorRate >= 0 ? BURST_ERRORS : BASE_ERRORS).pick(rng);
            fail(e, type, service, model);
            s.contextTokens += userTokens; // the user will retry with the same history
            return new SimulatedEvent(e, effects.incident);
        }
        succeed(e, s, input, cached, userTokens);
        return new SimulatedEvent(e, effects.incident);
    }

    private void setIds(LlmEvent e, Session s) {
        long high;
        long low;
        if (s.traceHigh != 0) {
            high = s.traceHigh;
            low = s.traceLow;
        } else {
            high = ids.nextTraceIdHigh();
            low = rng.nextLong() | 1;
        }
        e.traceId = Ids.hex32(high, low);
        e.spanId = Ids.hex16(ids.nextSpanId());
        // The id an OTLP decoder derives from the span, so every format carries the same id.
        e.eventId = e.traceId + "-" + e.spanId;
    }

    private static PromptTemplate template(Session s) {
        if (s.service.kind() == ServiceKind.AGENT) {
            // Agents plan with one template and run each step with another.
            List<PromptTemplate> t = s.service.templates().items();
            return s.turns <= 1 ? t.get(0) : t.get(t.size() - 1);
        }
        return s.template;
    }

    private void fail(LlmEvent e, String type, ServiceProfile service, ModelProfile model) {
        e.status = LlmEvent.STATUS_ERROR;
        e.errorType = type;
        double latency =
                switch (type) {
                    case "timeout" ->
                            (service.kind() == ServiceKind.CODE_ASSISTANT ? 60_000 : 30_000)
                                    + Draw.uniform(rng, 0, 50);
                    case "rate_limit_exceeded" -> Draw.logNormal(rng, 90, 0.4);
                    case "500", "503" -> Draw.logNormal(rng, model.latencyMedianMs() * 0.4, 0.6);
                    default -> Draw.logNormal(rng, 150, 0.4);
                };
        if (!type.equals("timeout")) {
            latency *= effects.latencyFactor;
        }
        e.latencyMs = micros(latency);
    }

    private void succeed(LlmEvent e, Session s, long input, long cached, long userTokens) {
        ServiceProfile service = s.service;
        ModelProfile model = s.model;
        e.status = LlmEvent.STATUS_OK;
        e.responseModel =
                effects.responseModelOverride != null
                        ? effects.responseModelOverride
                        : model.responseModel();
        e.responseId = responseId(model);

        boolean toolCall =
                effects.loopStep
                        || (!effects.attack
                                && ((service.kind() == ServiceKind.AGENT
                                                && s.turns < s.plannedTurns)
                                        || rng.nextDouble() < service.toolCallShare()));
        long reasoning = model.reasoning() ? Math.round(Draw.logNormal(rng, 700, 0.7)) : 0;
        long visible;
        if (toolCall) {
            visible = Draw.between(rng, 20, 90);
        } else {
            double median =
                    service.outputTokensMedian() * model.outputScale() * effects.outputFactor;
            visible = Math.max(1, Math.round(Draw.logNormal(rng, median, service.outputSigma())));
        }
        long output = visible + reasoning;
        List<String> finish;
        if (!toolCall
                && (output >= service.maxTokens()
                        || rng.nextDouble() < effects.forcedLengthShare)) {
            output = service.maxTokens();
            visible = Math.max(1, output - reasoning);
            finish = LENGTH;
        } else if (toolCall) {
            finish = TOOL_CALLS;
        } else if (rng.nextDouble() < CONTENT_FILTER_SHARE) {
            finish = CONTENT_FILTER;
        } else {
            finish = STOP;
        }
        e.responseFinishReasons = finish;
        e.usageInputTokens = input;
        e.usageOutputTokens = output;
        e.usageCacheReadInputTokens = model.promptCaching() ? cached : null;
        if (model.reasoning()) {
            e.usageReasoningOutputTokens = reasoning;
        }

        double typicalOutput =
                service.outputTokensMedian() * model.outputScale() + (model.reasoning() ? 700 : 0);
        double lengthScale = Math.pow(Math.max(1, output) / typicalOutput, 0.3);
        double latency =
                Draw.logNormal(rng, model.latencyMedianMs(), model.latencySigma())
                                * lengthScale
                                * effects.latencyFactor
                        + input * PREFILL_MS_PER_INPUT_TOKEN;
        e.latencyMs = micros(latency);
        if (rng.nextDouble() < service.streamingShare()) {
            double ttfc =
                    Draw.logNormal(rng, model.ttfcMedianMs(), model.ttfcSigma())
                            * (1 + input / 40_000.0)
                            * effects.ttfcFactor;
            e.timeToFirstChunkMs = micros(Math.min(ttfc, latency * 0.9));
        }

        e.responseText = responseText(s, finish, visible, toolCall);
        if (rng.nextDouble() >= COST_OMITTED_SHARE) {
            OptionalDouble cost =
                    pricing.costUsd(
                            e.providerName, e.responseModel, e.eventTime, input, output, cached);
            if (cost.isPresent()) {
                e.costUsd = cost.getAsDouble();
            }
        }
        s.contextTokens += userTokens + visible;
        if (!effects.loopStep && s.contextTokens > HISTORY_BUDGET_TOKENS) {
            s.contextTokens = HISTORY_BUDGET_TOKENS * 6 / 10;
        }
    }

    private String responseText(Session s, List<String> finish, long visible, boolean toolCall) {
        if (effects.loopStep) {
            return LOOP_TOOL_CALL; // the loop: the same call again and again
        }
        if (effects.attack) {
            return AttackPrompts.response(rng, s.tenant.id());
        }
        if (toolCall) {
            return BenignText.toolCall(rng);
        }
        if (effects.piiLeakShare > 0 && rng.nextDouble() < effects.piiLeakShare) {
            effects.incident = IncidentType.PII_LEAK;
            return LeakText.withPii(rng);
        }
        if (effects.secretLeakShare > 0 && rng.nextDouble() < effects.secretLeakShare) {
            effects.incident = IncidentType.SECRET_LEAK;
            return LeakText.withSecret(rng);
        }
        int chars = (int) Math.min(MAX_RESPONSE_CHARS, visible * CHARS_PER_TOKEN);
        return BenignText.response(s.service.kind(), chars, finish == LENGTH, rng);
    }

    private String responseId(ModelProfile model) {
        String prefix = model.responseIdPrefix();
        if (prefix == null) {
            return null;
        }
        if (prefix.isEmpty()) {
            return Ids.hex32(rng.nextLong(), rng.nextLong());
        }
        StringBuilder sb = new StringBuilder(prefix.length() + 24).append(prefix);
        Ids.appendBase62(sb, rng, 24);
        return sb.toString();
    }

    /** Rounds to whole microseconds, the resolution OTLP timestamps keep exactly. */
    private static double micros(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
