package io.llmsentinel.schema.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Lives in the simulator module: the pricing table belongs to schemas, whose tests others own.
class PricingTableTest {
    private static final long JUNE_2025 = Instant.parse("2025-06-02T08:00:00Z").toEpochMilli();
    private static final long JUNE_2024 = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();

    private final PricingTable table = PricingTable.loadDefault();

    @Test
    void defaultTableHasTheRequiredModelsAndAVersion() {
        assertThat(table.version()).isNotBlank();
        assertThat(table.prices())
                .extracting(PricingTable.Price::model)
                .contains(
                        "gpt-4o",
                        "gpt-4o-mini",
                        "o3-mini",
                        "claude-sonnet-4",
                        "claude-3-5-haiku",
                        "gemini-2.0-flash",
                        "amazon.nova-pro-v1:0",
                        "mistral-large");
    }

    @Test
    void cachedTokensAreChargedAtTheCachedRateAndTheRestAtTheInputRate() {
        // gpt-4o from 2024-10-01: 2.50 input, 1.25 cached, 10.00 output per million
        double cost =
                table.costUsd("openai", "gpt-4o", JUNE_2025, 10_000, 500, 4_000).orElseThrow();
        assertThat(cost)
                .isCloseTo((6_000 * 2.50 + 4_000 * 1.25 + 500 * 10.00) / 1e6, within(1e-12));
    }

    @Test
    void theEntryInEffectAtTheEventTimeWins() {
        double before = table.costUsd("openai", "gpt-4o", JUNE_2024, 1_000_000, 0, 0).orElseThrow();
        double after = table.costUsd("openai", "gpt-4o", JUNE_2025, 1_000_000, 0, 0).orElseThrow();
        assertThat(before).isEqualTo(5.00);
        assertThat(after).isEqualTo(2.50);
        long dayBeforeLaunch = Instant.parse("2025-01-30T23:59:59Z").toEpochMilli();
        assertThat(table.costUsd("openai", "o3-mini", dayBeforeLaunch, 1, 1, 0)).isEmpty();
    }

    @Test
    void datedSnapshotsAndAliasesPriceLikeTheirFamily() {
        assertThat(table.priceAt("openai", "gpt-4o-2024-08-06", JUNE_2025))
                .map(PricingTable.Price::model)
                .contains("gpt-4o");
        // the longest matching family wins: gpt-4o-mini, not gpt-4o
        assertThat(table.priceAt("openai", "gpt-4o-mini-2024-07-18", JUNE_2025))
                .map(PricingTable.Price::model)
                .contains("gpt-4o-mini");
        assertThat(table.priceAt("anthropic", "claude-sonnet-4-20250514", JUNE_2025))
                .map(PricingTable.Price::model)
                .contains("claude-sonnet-4");
        assertThat(table.priceAt("mistral_ai", "mistral-large-latest", JUNE_2025))
                .map(PricingTable.Price::model)
                .contains("mistral-large");
        assertThat(table.priceAt("gcp.gemini", "gemini-2.0-flash-lite-001", JUNE_2025))
                .map(PricingTable.Price::model)
                .contains("gemini-2.0-flash-lite");
    }

    @Test
    void unknownProvidersModelsAndNegativeCountsHaveNoCost() {
        assertThat(table.costUsd("openai", "gpt-9", JUNE_2025, 1, 1, 0)).isEmpty();
        assertThat(table.costUsd("anthropic", "gpt-4o", JUNE_2025, 1, 1, 0)).isEmpty();
        assertThat(table.costUsd(null, "gpt-4o", JUNE_2025, 1, 1, 0)).isEmpty();
        assertThat(table.costUsd("openai", "gpt-4o", JUNE_2025, -1, 1, 0)).isEmpty();
    }

    @Test
    void negativePriceIsRejectedNamingTheEntry(@TempDir Path dir) throws IOException {
        Path file =
                write(
                        dir,
                        "{\"version\":\"t\",\"entries\":[{\"provider\":\"openai\","
                                + "\"model\":\"gpt-4o\",\"effective_from\":\"2025-01-01\","
                                + "\"input_usd_per_mtok\":-1,\"output_usd_per_mtok\":1,"
                                + "\"cached_input_usd_per_mtok\":1}]}");
        assertThatThrownBy(() -> PricingTable.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entries[0]")
                .hasMessageContaining("openai/gpt-4o")
                .hasMessageContaining("input_usd_per_mtok");
    }

    @Test
    void unknownKeysAreRejectedNamingTheEntryAndTheKey(@TempDir Path dir) throws IOException {
        Path file =
                write(
                        dir,
                        "{\"version\":\"t\",\"entries\":[{\"provider\":\"openai\","
                                + "\"model\":\"gpt-4o\",\"effective_from\":\"2025-01-01\","
                                + "\"input_usd_per_mtok\":1,\"output_usd_per_mtok\":1,"
                                + "\"cached_input_usd_per_mtok\":1,\"output_per_mtok\":2}]}");
        assertThatThrownBy(() -> PricingTable.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openai/gpt-4o")
                .hasMessageContaining("output_per_mtok");
        Path topLevel = write(dir, "{\"version\":\"t\",\"entries\":[],\"extra\":1}");
        assertThatThrownBy(() -> PricingTable.load(topLevel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extra");
    }

    @Test
    void missingFieldsBadDatesAndDuplicatesAreRejected(@TempDir Path dir) throws IOException {
        String entry =
                "{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"effective_from\":\"%s\","
                        + "\"input_usd_per_mtok\":1,\"output_usd_per_mtok\":1%s}";
        Path missing =
                write(
                        dir,
                        "{\"version\":\"t\",\"entries\":["
                                + entry.formatted("2025-01-01", "")
                                + "]}");
        assertThatThrownBy(() -> PricingTable.load(missing))
                .hasMessageContaining("cached_input_usd_per_mtok");
        String ok = entry.formatted("2025-01-01", ",\"cached_input_usd_per_mtok\":1");
        Path duplicate = write(dir, "{\"version\":\"t\",\"entries\":[" + ok + "," + ok + "]}");
        assertThatThrownBy(() -> PricingTable.load(duplicate))
                .hasMessageContaining("entries[1]")
                .hasMessageContaining("duplicate");
        Path badDate =
                write(
                        dir,
                        "{\"version\":\"t\",\"entries\":["
                                + entry.formatted("01/02/2025", ",\"cached_input_usd_per_mtok\":1")
                                + "]}");
        assertThatThrownBy(() -> PricingTable.load(badDate)).hasMessageContaining("effective_from");
        Path noVersion = write(dir, "{\"entries\":[" + ok + "]}");
        assertThatThrownBy(() -> PricingTable.load(noVersion)).hasMessageContaining("version");
    }

    private static Path write(Path dir, String json) throws IOException {
        Path file = Files.createTempFile(dir, "pricing", ".json");
        Files.writeString(file, json);
        return file;
    }
}
