package io.llmsentinel.schema.codec;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.codec.ChatContent.Message;
import io.llmsentinel.schema.codec.ChatContent.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which part of a call's conversation goes into which event field, the same way for every
 * convention:
 *
 * <ul>
 *   <li>{@code prompt_text} is the user's turn: the last run of user messages, where only an
 *       assistant message ends a run (system and tool messages in between neither end it nor join
 *       it). Earlier turns are history that the events of earlier calls already carried; scanning
 *       them again on every turn multiplies detections, and an application's own instructions are
 *       not the user's words.
 *   <li>System and developer messages, and system instructions sent apart, are kept out of the
 *       prompt: their hash and length always, their text only when {@link ContentOptions} says so.
 *   <li>{@code retrieved_content} holds the tool results of the current turn (after the user's
 *       turn; all of them when there is no user message) and the retrieved documents: content the
 *       model read that came from somewhere else, where indirect injections arrive.
 *   <li>{@code response_text} is the output text; finish reasons found in the output messages are
 *       used when the span has none of its own.
 * </ul>
 */
final class ContentAssembler {
    private ContentAssembler() {}

    static void apply(ChatContent content, LlmEvent e, ContentOptions options) {
        List<Message> input = content.input();
        int turnEnd = lastIndexOf(input, Role.USER);
        int turnStart = turnEnd < 0 ? 0 : startOfRun(input, turnEnd);

        Text prompt = new Text();
        for (int i = turnStart; i <= turnEnd; i++) {
            if (input.get(i).role == Role.USER) {
                prompt.addAll(input.get(i).texts);
            }
        }
        Text system = new Text();
        system.addAll(content.systemInstructions());
        List<String> retrieved = new ArrayList<>(0);
        for (int i = 0; i < input.size(); i++) {
            Message m = input.get(i);
            if (m.role == Role.SYSTEM) {
                system.addAll(m.texts);
            } else if (m.role == Role.TOOL && i > turnEnd) {
                retrieved.addAll(m.texts);
            }
        }
        retrieved.addAll(content.documents());
        Text response = new Text();
        response.addAll(content.output());

        e.promptText = prompt.result();
        e.responseText = response.result();
        e.retrievedContent = retrieved.isEmpty() ? null : retrieved;
        if (e.responseFinishReasons == null && !content.finishReasons().isEmpty()) {
            e.responseFinishReasons = new ArrayList<>(content.finishReasons());
        }
        SystemPrompts.set(e, system.result(), options);
    }

    private static int lastIndexOf(List<Message> messages, Role role) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role == role) {
                return i;
            }
        }
        return -1;
    }

    /** The first message after the assistant message before {@code end}, or 0. */
    private static int startOfRun(List<Message> messages, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (messages.get(i).role == Role.ASSISTANT) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Joins text pieces with newlines; allocates nothing for spans without content. */
    private static final class Text {
        private StringBuilder sb;

        void addAll(List<String> pieces) {
            for (String s : pieces) {
                add(s);
            }
        }

        private void add(String s) {
            if (s == null || s.isEmpty()) {
                return;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16);
            } else {
                sb.append('\n');
            }
            sb.append(s);
        }

        String result() {
            return sb == null ? null : sb.toString();
        }
    }
}
