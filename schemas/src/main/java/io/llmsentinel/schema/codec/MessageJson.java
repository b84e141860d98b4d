package io.llmsentinel.schema.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmsentinel.schema.codec.ChatContent.Message;
import io.llmsentinel.schema.codec.ChatContent.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads chat messages given as JSON trees into a {@link ChatContent}, in the shapes conventions and
 * provider APIs use: the GenAI conventions' {@code {"role", "parts": [{"type": "text",
 * "content"}]}}, the older {@code {"role", "content": "..."}}, OpenAI-style content parts ({@code
 * {"type": "text", "text"}}, {@code input_text}, {@code output_text}), Anthropic's {@code
 * tool_result} parts and Gemini's {@code parts: [{"text"}]}. Best effort: anything else is skipped.
 *
 * <p>Also reads whole request and response bodies (what OpenInference records in {@code
 * input.value} / {@code output.value}): OpenAI chat, completions and Responses, Anthropic messages,
 * Gemini generateContent.
 */
final class MessageJson {
    private MessageJson() {}

    /** A message list (or one message, or a plain string) sent to the model. */
    static void readInput(JsonNode messages, ChatContent out) {
        forEach(messages, m -> readInputMessage(m, out));
    }

    /** A message list (or one message, or a plain string) the model answered with. */
    static void readOutput(JsonNode messages, ChatContent out) {
        forEach(messages, m -> readOutputMessage(m, out));
    }

    /** Each element of an array, or the node itself: conventions send both. */
    private static void forEach(JsonNode node, Consumer<JsonNode> action) {
        if (node.isArray()) {
            node.forEach(action);
        } else {
            action.accept(node);
        }
    }

    /** System instructions: a string, one part, or a list of parts. */
    static void readSystemInstructions(JsonNode instructions, ChatContent out) {
        Message collected = new Message(Role.SYSTEM);
        readParts(instructions, collected, new ArrayList<>(0));
        collected.texts.forEach(out::addSystemInstruction);
    }

    static void readInputMessage(JsonNode m, ChatContent out) {
        readInputMessage(m, Role.USER, out);
    }

    /**
     * One input message; {@code fallback} is its role when it names none (plain strings, or span
     * events whose name says the role).
     */
    static void readInputMessage(JsonNode m, Role fallback, ChatContent out) {
        if (m.isTextual()) {
            out.add(new Message(fallback).text(m.textValue()));
            return;
        }
        if (m.isArray()) {
            // a bare list of parts
            Message message = new Message(fallback);
            List<Message> toolResults = new ArrayList<>(0);
            readParts(m, message, toolResults);
            addWithToolResults(message, toolResults, out);
            return;
        }
        if (!m.isObject()) {
            return;
        }
        Message message = new Message(role(m, fallback));
        List<Message> toolResults = new ArrayList<>(0);
        if (message.role == Role.TOOL && m.has("output")) {
            message.text(textOrJson(m.get("output"))); // OpenAI Responses *_call_output item
        }
        readParts(m.get("parts"), message, toolResults);
        JsonNode content = m.get("content");
        if (content != null && content.isTextual() && message.role == Role.TOOL) {
            message.text(content.textValue());
        } else if (content != null) {
            readParts(content, message, toolResults);
        }
        addWithToolResults(message, toolResults, out);
    }

    private static void addWithToolResults(
            Message message, List<Message> toolResults, ChatContent out) {
        // A user message that only carries tool results (Anthropic sends them so) is no user turn.
        if (!message.texts.isEmpty() || toolResults.isEmpty()) {
            out.add(message);
        }
        toolResults.forEach(out::add);
    }

    /**
     * The role of a message; OpenAI Responses items without one are tool calls of the model ({@code
     * function_call}, {@code reasoning}...) or results ({@code function_call_output}).
     */
    private static Role role(JsonNode m, Role fallback) {
        String role = text(m, "role");
        String type = text(m, "type");
        if (role == null && type != null) {
            if (type.endsWith("_output")) {
                return Role.TOOL;
            }
            if (type.endsWith("_call") || type.equals("reasoning")) {
                return Role.ASSISTANT;
            }
        }
        return role == null ? fallback : Role.of(role);
    }

    private static void readOutputMessage(JsonNode m, ChatContent out) {
        if (m.isTextual()) {
            out.addOutput(m.textValue());
            return;
        }
        if (!m.isObject()) {
            return;
        }
        out.addFinishReason(text(m, "finish_reason"));
        Message collected = new Message(Role.ASSISTANT);
        List<Message> ignored = new ArrayList<>(0);
        readParts(m.get("parts"), collected, ignored);
        readParts(m.get("content"), collected, ignored);
        collected.texts.forEach(out::addOutput);
    }

    /**
     * Text parts go to {@code message}; tool results found among them go to {@code toolResults} as
     * messages of their own (a tool result is content the model read, not the sender's words).
     */
    private static void readParts(JsonNode parts, Message message, List<Message> toolResults) {
        if (parts == null) {
            return;
        }
        forEach(parts, part -> readPart(part, message, toolResults));
    }

    private static void readPart(JsonNode part, Message message, List<Message> toolResults) {
        if (part.isTextual()) {
            message.text(part.textValue());
            return;
        }
        if (!part.isObject()) {
            return;
        }
        String type = text(part, "type");
        switch (type == null ? "" : type) {
            case "", "text", "input_text", "output_text" -> {
                String text = text(part, "content");
                message.text(text != null ? text : text(part, "text"));
            }
            case "tool_call_response" ->
                    toolResults.add(new Message(Role.TOOL).text(textOrJson(part.get("response"))));
            case "tool_result" -> {
                // Anthropic: the content is a string or a list of text parts
                Message tool = new Message(Role.TOOL);
                readParts(part.get("content"), tool, toolResults);
                toolResults.add(tool);
            }
            default -> {
                // tool_call, reasoning, blob, file, uri, image...: not text the detectors read
            }
        }
    }

    /**
     * A request body: OpenAI chat ({@code messages}), completions ({@code prompt}), Responses
     * ({@code instructions}, {@code input}), Anthropic ({@code system}, {@code messages}), Gemini
     * ({@code systemInstruction}, {@code contents}); a list of strings is a list of prompts.
     *
     * @return whether the body had one of these shapes
     */
    static boolean readRequest(JsonNode body, ChatContent out) {
        if (body.isArray()) {
            boolean any = false;
            for (JsonNode item : body) {
                if (item.isTextual()) {
                    out.addInput(Role.USER).text(item.textValue());
                    any = true;
                }
            }
            return any;
        }
        if (!body.isObject()) {
            return false;
        }
        boolean known = false;
        for (String key : new String[] {"system", "instructions", "systemInstruction"}) {
            JsonNode system = body.get(key);
            if (system != null) {
                readSystemInstructions(system.has("parts") ? system.get("parts") : system, out);
                known = true;
            }
        }
        for (String key : new String[] {"messages", "contents", "input", "prompt"}) {
            JsonNode messages = body.get(key);
            if (messages != null) {
                readInput(messages, out);
                known = true;
            }
        }
        return known;
    }

    /**
     * A response body: OpenAI chat and completions ({@code choices}), Responses ({@code output}),
     * Anthropic ({@code content}, {@code stop_reason}), Gemini ({@code candidates}).
     *
     * @return whether the body had one of these shapes
     */
    static boolean readResponse(JsonNode body, ChatContent out) {
        if (!body.isObject()) {
            return false;
        }
        boolean known = false;
        JsonNode choices = body.get("choices");
        if (choices != null && choices.isArray()) {
            for (JsonNode choice : choices) {
                out.addFinishReason(text(choice, "finish_reason"));
                JsonNode message = choice.get("message");
                if (message != null) {
                    readOutputMessage(message, out);
                } else {
                    out.addOutput(text(choice, "text"));
                }
            }
            known = true;
        }
        JsonNode candidates = body.get("candidates");
        if (candidates != null && candidates.isArray()) {
            for (JsonNode candidate : candidates) {
                out.addFinishReason(text(candidate, "finishReason"));
                JsonNode content = candidate.get("content");
                if (content != null) {
                    readOutputMessage(content, out);
                }
            }
            known = true;
        }
        JsonNode output = body.get("output");
        if (output != null && output.isArray()) {
            for (JsonNode item : output) {
                if ("message".equals(text(item, "type"))) {
                    readOutputMessage(item, out);
                }
            }
            JsonNode incomplete = body.get("incomplete_details");
            out.addFinishReason(incomplete == null ? null : text(incomplete, "reason"));
            known = true;
        }
        if (body.has("stop_reason") && body.has("content")) {
            out.addFinishReason(text(body, "stop_reason"));
            readOutputMessage(body, out);
            known = true;
        }
        return known;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static String textOrJson(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }
}
