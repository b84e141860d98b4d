package io.llmsentinel.simulator.encode;

import java.util.List;

/**
 * The JSON strings the GenAI conventions put in {@code gen_ai.input.messages}, {@code
 * gen_ai.output.messages} and {@code gen_ai.retrieval.documents}. Written by hand because these
 * strings are the bulk of every span: a JSON tree, or even Jackson's escaper, costs several times
 * more.
 */
final class GenAiMessages {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GenAiMessages() {}

    static String input(String userText) {
        StringBuilder sb = new StringBuilder(userText.length() + userText.length() / 8 + 64);
        sb.append("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"");
        escape(userText, sb);
        return sb.append("\"}]}]").toString();
    }

    static String output(String assistantText, String finishReason) {
        StringBuilder sb =
                new StringBuilder(assistantText.length() + assistantText.length() / 8 + 96);
        sb.append("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"");
        escape(assistantText, sb);
        sb.append("\"}]");
        if (finishReason != null) {
            sb.append(",\"finish_reason\":\"");
            escape(finishReason, sb);
            sb.append('"');
        }
        return sb.append("}]").toString();
    }

    static String documents(List<String> documents) {
        StringBuilder sb = new StringBuilder(documents.size() * 220);
        sb.append('[');
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":\"doc-").append(i + 1).append("\",\"content\":\"");
            escape(documents.get(i), sb);
            sb.append("\"}");
        }
        return sb.append(']').toString();
    }

    /** JSON string escaping (RFC 8259): quote, backslash and control characters. */
    static void escape(String s, StringBuilder out) {
        int n = s.length();
        int plainFrom = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plainFrom, i);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, plainFrom, n);
    }
}
