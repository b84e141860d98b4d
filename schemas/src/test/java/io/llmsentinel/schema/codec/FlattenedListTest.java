package io.llmsentinel.schema.codec;

import static io.llmsentinel.schema.codec.OtlpFixtures.array;
import static io.llmsentinel.schema.codec.OtlpFixtures.attr;
import static io.llmsentinel.schema.codec.OtlpFixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlattenedListTest {
    @Test
    void itemsComeInIndexOrderWhateverTheAttributeOrder() {
        List<KeyValue> attributes =
                List.of(
                        attr("gen_ai.prompt.10.content", "eleventh"),
                        attr("gen_ai.prompt.1.role", "user"),
                        attr("gen_ai.prompt.0.role", "system"),
                        attr("gen_ai.prompt.1.content", "second"),
                        attr("gen_ai.prompt.0.content", "first"),
                        attr("gen_ai.prompt.name", "template"),
                        attr("gen_ai.completion.0.content", "answer"));

        FlattenedList prompts = FlattenedList.of(attributes, "gen_ai.prompt");

        assertThat(prompts.items()).extracting(i -> i.index).containsExactly(0, 1, 10);
        assertThat(prompts.items())
                .extracting(i -> i.text("role"), i -> i.text("content"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("system", "first"),
                        org.assertj.core.groups.Tuple.tuple("user", "second"),
                        org.assertj.core.groups.Tuple.tuple(null, "eleventh"));
    }

    @Test
    void nestedListsUseTheSameParser() {
        List<KeyValue> attributes =
                List.of(
                        attr("llm.input_messages.0.message.role", "user"),
                        attr(
                                "llm.input_messages.0.message.contents.1.message_content.text",
                                "second part"),
                        attr(
                                "llm.input_messages.0.message.contents.0.message_content.type",
                                "text"),
                        attr(
                                "llm.input_messages.0.message.contents.0.message_content.text",
                                "first part"));

        FlattenedList.Item message =
                FlattenedList.of(attributes, "llm.input_messages").items().iterator().next();

        assertThat(message.text("message.role")).isEqualTo("user");
        assertThat(message.list("message.contents").items())
                .extracting(p -> p.text("message_content.text"))
                .containsExactly("first part", "second part");
        assertThat(message.list("message.tool_calls").isEmpty()).isTrue();
    }

    @Test
    void oddKeysAreIgnoredNeverAnError() {
        List<KeyValue> attributes =
                List.of(
                        attr("llm.input_messages.x.message.role", "a"),
                        attr("llm.input_messages.-1.message.role", "b"),
                        attr("llm.input_messages.+1.message.role", "c"),
                        attr("llm.input_messages.12345.message.role", "d"),
                        attr("llm.input_messages.99999999999999999999.message.role", "e"),
                        attr("llm.input_messages.0.", "f"),
                        attr("llm.input_messages.0", "g"),
                        attr("llm.input_messages..message.role", "h"),
                        attr("llm.input_messages", "i"),
                        attr("llm.input_messagesX.0.message.role", "j"),
                        attr("llm.input_messages.1.message.role", array(str("k"))),
                        attr("llm.input_messages.2.message.role", "ok"),
                        attr("llm.input_messages.2.message.role", "last wins"));

        FlattenedList list = FlattenedList.of(attributes, "llm.input_messages");

        assertThat(list.items()).extracting(i -> i.index).containsExactly(1, 2);
        assertThat(list.items())
                .extracting(i -> i.text("message.role"))
                .as("an array is no text")
                .containsExactly(null, "last wins");
    }

    @Test
    void severalPrefixesInOnePassAndAbsentOnesEmpty() {
        Map<String, FlattenedList> lists =
                FlattenedList.of(List.of(attr("a.0.x", "1"), attr("b.0.y", "2")), "a", "b", "c");
        assertThat(lists.get("a").items()).hasSize(1);
        assertThat(lists.get("b").items()).hasSize(1);
        assertThat(lists.get("c").isEmpty()).isTrue();
    }
}
