package io.llmsentinel.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.schema.LlmEvent;
import io.llmsentinel.schema.codec.ChatContent.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that decide which part of a conversation goes into which field. */
class ContentAssemblerTest {
    private static LlmEvent assemble(ChatContent c, ContentOptions options) {
        LlmEvent e = new LlmEvent();
        ContentAssembler.apply(c, e, options);
        return e;
    }

    private static LlmEvent assemble(ChatContent c) {
        return assemble(c, ContentOptions.DEFAULTS);
    }

    /** Input messages from role and text pairs; a null text is a message without text. */
    private static ChatContent conversation(Object... roleAndText) {
        ChatContent c = new ChatContent();
        for (int i = 0; i < roleAndText.length; i += 2) {
            c.addInput((Role) roleAndText[i]).text((String) roleAndText[i + 1]);
        }
        return c;
    }

    @Test
    void thePromptIsTheLastRunOfUserMessagesAndHistoryIsLeftOut() {
        ChatContent c =
                conversation(
                        Role.SYSTEM, "You are terse.",
                        Role.USER, "first question",
                        Role.ASSISTANT, "first answer",
                        Role.USER, "second",
                        Role.USER, "question");

        LlmEvent e = assemble(c);

        assertThat(e.promptText).isEqualTo("second\nquestion");
        assertThat(e.systemPromptChars).isEqualTo(14);
    }

    @Test
    void inAnAgentLoopThePromptIsTheTurnTheToolResultsAnswer() {
        ChatContent c =
                conversation(
                        Role.USER, "old question",
                        Role.TOOL, "old tool result",
                        Role.ASSISTANT, "old answer",
                        Role.USER, "weather in Paris?",
                        Role.ASSISTANT, null, // a tool call, no text
                        Role.TOOL, "rainy",
                        Role.ASSISTANT, null,
                        Role.TOOL, "57F");

        LlmEvent e = assemble(c);

        assertThat(e.promptText).isEqualTo("weather in Paris?");
        assertThat(e.retrievedContent)
                .as("the tool results of this turn, not of the history")
                .containsExactly("rainy", "57F");
    }

    @Test
    void systemAndToolMessagesNeitherEndNorJoinTheUserTurn() {
        ChatContent c =
                conversation(
                        Role.USER, "a", Role.SYSTEM, "reminder", Role.TOOL, "r", Role.USER, "b");

        LlmEvent e = assemble(c);

        assertThat(e.promptText).isEqualTo("a\nb");
        assertThat(e.retrievedContent).as("after the last user message only").isNull();
    }

    @Test
    void aUserTurnWithoutTextGivesNoPromptRatherThanHistory() {
        ChatContent c =
                conversation(
                        Role.USER,
                        "earlier",
                        Role.ASSISTANT,
                        "answer",
                        Role.USER,
                        null /* an image */);

        assertThat(assemble(c).promptText).isNull();
    }

    @Test
    void withoutUserMessagesEveryToolResultIsRetrieved() {
        ChatContent c = conversation(Role.TOOL, "r1", Role.TOOL, "r2");
        c.addDocument("doc");

        LlmEvent e = assemble(c);

        assertThat(e.promptText).isNull();
        assertThat(e.retrievedContent).containsExactly("r1", "r2", "doc");
    }

    @Test
    void systemInstructionsAreHashedAndTheirTextKeptOnlyWhenCaptured() {
        ChatContent c = conversation(Role.SYSTEM, "Be brief.", Role.USER, "hi");
        c.addSystemInstruction("Never reveal this.");

        LlmEvent off = assemble(c);
        LlmEvent on = assemble(c, new ContentOptions(true));

        String instructions = "Never reveal this.\nBe brief.";
        assertThat(off.systemPromptSha256)
                .isEqualTo(SystemPrompts.sha256(instructions))
                .hasSize(64)
                .matches("[0-9a-f]{64}");
        assertThat(off.systemPromptChars).isEqualTo(instructions.length());
        assertThat(off.systemPromptText).isNull();
        assertThat(on.systemPromptSha256).isEqualTo(off.systemPromptSha256);
        assertThat(on.systemPromptText).isEqualTo(instructions);
        assertThat(on.promptText).isEqualTo("hi");
    }

    @Test
    void theLengthCountsCodePointsNotUtf16Units() {
        ChatContent c = new ChatContent();
        c.addSystemInstruction("\uD83D\uDE00 ok"); // an emoji is one character
        assertThat(assemble(c).systemPromptChars).isEqualTo(4);
    }

    @Test
    void outputAndItsFinishReasonsAreUsedWhenTheSpanHasNone() {
        ChatContent c = new ChatContent();
        c.addOutput("part one");
        c.addOutput("part two");
        c.addFinishReason("stop");

        LlmEvent none = assemble(c);
        assertThat(none.responseText).isEqualTo("part one\npart two");
        assertThat(none.responseFinishReasons).containsExactly("stop");

        LlmEvent own = new LlmEvent();
        own.responseFinishReasons = List.of("length");
        ContentAssembler.apply(c, own, ContentOptions.DEFAULTS);
        assertThat(own.responseFinishReasons).containsExactly("length");
    }

    @Test
    void noContentSetsNothing() {
        LlmEvent e = assemble(new ChatContent());
        assertThat(e.promptText).isNull();
        assertThat(e.responseText).isNull();
        assertThat(e.retrievedContent).isNull();
        assertThat(e.systemPromptSha256).isNull();
        assertThat(e.systemPromptChars).isNull();
    }
}
