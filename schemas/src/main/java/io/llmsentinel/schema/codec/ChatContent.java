package io.llmsentinel.schema.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conversation of one call as telemetry reports it, before it becomes event fields: the input
 * messages with their roles, system instructions sent apart from them, the output texts, retrieved
 * documents and the finish reasons found among the messages.
 *
 * <p>Each convention has a reader that fills one of these from where it puts content (OTel GenAI
 * attributes and span events, OpenLLMetry's and OpenInference's flattened attributes; OTLP log
 * records can fill one the same way); {@link ContentAssembler} alone decides what of it goes into
 * which field. Readers never decide roles' meaning, so every convention gets the same rules.
 */
final class ChatContent {
    /** Who a message is from, in the four kinds the rules need to tell apart. */
    enum Role {
        SYSTEM,
        USER,
        ASSISTANT,
        TOOL;

        /**
         * The role of a convention's role name. Unknown or missing roles count as the user: text of
         * unknown origin is better scanned than ignored.
         */
        static Role of(String name) {
            if (name == null) {
                return USER;
            }
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "system", "developer" -> SYSTEM;
                case "assistant", "model", "ai", "bot" -> ASSISTANT;
                case "tool", "function", "ipython", "tool_result" -> TOOL;
                default -> USER;
            };
        }
    }

    /** One input message: its role and its text parts in order (possibly none, e.g. tool calls). */
    static final class Message {
        final Role role;
        final List<String> texts = new ArrayList<>(1);

        Message(Role role) {
            this.role = role;
        }

        Message text(String text) {
            if (text != null && !text.isEmpty()) {
                texts.add(text);
            }
            return this;
        }
    }

    private final List<Message> input = new ArrayList<>(0);
    private final List<String> systemInstructions = new ArrayList<>(0);
    private final List<String> output = new ArrayList<>(0);
    private final List<String> documents = new ArrayList<>(0);
    private final List<String> finishReasons = new ArrayList<>(0);

    /** Appends an input message; add its text parts to the returned message. */
    Message addInput(Role role) {
        return add(new Message(role));
    }

    Message add(Message m) {
        input.add(m);
        return m;
    }

    void addSystemInstruction(String text) {
        addText(systemInstructions, text);
    }

    void addOutput(String text) {
        addText(output, text);
    }

    void addDocument(String text) {
        addText(documents, text);
    }

    void addFinishReason(String reason) {
        addText(finishReasons, reason);
    }

    /** Empty pieces say nothing and are left out everywhere. */
    private static void addText(List<String> to, String text) {
        if (text != null && !text.isEmpty()) {
            to.add(text);
        }
    }

    List<Message> input() {
        return input;
    }

    List<String> systemInstructions() {
        return systemInstructions;
    }

    List<String> output() {
        return output;
    }

    List<String> documents() {
        return documents;
    }

    List<String> finishReasons() {
        return finishReasons;
    }
}
