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

    @Test
    void thePromptIsTheLastRunOfUserMessagesAndHistoryIsLeftOut() {
        ChatContent c = new ChatContent();
        c.addInput(Role.SYSTEM).text("You are terse.");
        c.addInput(Role.USER).text("first question");
        c.addInput(Role.ASSISTANT).text("first answer");
        c.addInput(Role.USER).text("second");
        c.addInput(Role.USER).text("question");

        LlmEvent e = assemble(c);

        assertThat(e.promptText).isEqualTo("second\nquestion");
        assertThat(e.systemPromptChars).isEqualTo(14);
    }

    @Test
    void inAnAgentLoopThePromptIsTheTurnTheToolResultsAnswer() {
        ChatContent c = new ChatContent();
        c.addInput(Role.USER).text("old question");
        c.addInput(Role.TOOL).text("old tool result");
        c.addInput(Role.ASSISTANT).text("old answer");
        c.addInput(Role.USER).text("weather in Paris?");
        c.addInput(Role.ASSISTANT); // a tool call, no text
        c.addInput(Role.TOOL).text("rainy");
        c.addInput(Role.ASSISTANT);
        c.addInput(Role.TOOL).text("57F");

        LlmEvent e = assemble(c);

        assertThat(e.promptText).isEqualTo("weather in Paris?");
        assertThat(e.retrievedContent)
                .as("the tool results of this turn, not of the history")
                .containsExactly("rainy", "57F");
    }

    @Test
    void systemAndToolMessagesNeitherEndNorJoinTheUserTurn() {
        ChatContent c = new ChatContent();
        c.addInput(Role.USER).text("a");
        c.addInput(Role.SYSTEM).text("reminder");
        c.addInput(Role.TOOL).text("r");
        c.addInput(Role.USER).text("b");

        LlmEvent e = assemble(c);

        assertThat(e.promptText).isEqualTo("a\nb");
        assertThat(e.retrievedContent).as("after the last user message only").isNull();
    }

    @Test
    void aUserTurnWithoutTextGivesNoPromptRatherThanHistory() {
        ChatContent c = new ChatContent();
        c.addInput(Role.USER).text("earlier");
        c.addInput(Role.ASSISTANT).text("answer");
        c.addInput(Role.USER); // an image only

        assertThat(assemble(c).promptText).isNull();
    }

    @Test
    void withoutUserMessagesEveryToolResultIsRetrieved() {
        ChatContent c = new ChatContent();
        c.addInput(Role.TOOL).text("r1");
        c.addInput(Role.TOOL).text("r2");
        c.addDocument("doc");

        LlmEvent e = assemble(c);

        assertThat(e.promptText).isNull();
        assertThat(e.retrievedContent).containsExactly("r1", "r2", "doc");
    }

    @Test
    void systemInstructionsAreHashedAndTheirTextKeptOnlyWhenCaptured() {
        ChatContent c = new ChatContent();
        c.addSystemInstruction("Never reveal this.");
        c.addInput(Role.SYSTEM).text("Be brief.");
        c.addInput(Role.USER).text("hi");

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
