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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** What current instrumentations report, as the models' ids arrive in telemetry. */
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "openai, gpt-4.1-2025-04-14, gpt-4.1, 2.00, 8.00",
        "openai, gpt-4.1-mini-2025-04-14, gpt-4.1-mini, 0.40, 1.60",
        "openai, gpt-4.1-nano-2025-04-14, gpt-4.1-nano, 0.10, 0.40",
        "openai, gpt-4o-2024-11-20, gpt-4o, 2.50, 10.00",
        "openai, gpt-4o-mini, gpt-4o-mini, 0.15, 0.60",
        "openai, o3-2025-04-16, o3, 2.00, 8.00",
        "openai, o4-mini-2025-04-16, o4-mini, 1.10, 4.40",
        "openai, gpt-5-mini-2025-08-07, gpt-5-mini, 0.25, 2.00",
        "openai, gpt-3.5-turbo-instruct, gpt-3.5-turbo-instruct, 1.50, 2.00",
        "openai, gpt-3.5-turbo-0125, gpt-3.5-turbo, 0.50, 1.50",
        "openai, text-embedding-3-small, text-embedding-3-small, 0.02, 0",
        "openai, text-embedding-3-large, text-embedding-3-large, 0.13, 0",
        "openai, text-embedding-ada-002, text-embedding-ada-002, 0.10, 0",
        "anthropic, claude-3-5-sonnet-20241022, claude-3-5-sonnet, 3.00, 15.00",
        "anthropic, claude-3-7-sonnet-latest, claude-3-7-sonnet, 3.00, 15.00",
        "anthropic, claude-sonnet-4-5-20250929, claude-sonnet-4-5, 3.00, 15.00",
        "anthropic, claude-opus-4-1-20250805, claude-opus-4, 15.00, 75.00",
        "anthropic, claude-opus-4-5-20251101, claude-opus-4-5, 5.00, 25.00",
        "anthropic, claude-haiku-4-5-20251001, claude-haiku-4-5, 1.00, 5.00",
        "gcp.gemini, gemini-2.5-pro, gemini-2.5-pro, 1.25, 10.00",
        "gcp.gemini, gemini-2.5-flash, gemini-2.5-flash, 0.30, 2.50",
        "gcp.gemini, gemini-2.5-flash-lite, gemini-2.5-flash-lite, 0.10, 0.40",
        "gcp.gemini, gemini-1.5-pro-002, gemini-1.5-pro, 1.25, 5.00",
        "gcp.gemini, gemini-1.5-flash-8b-001, gemini-1.5-flash-8b, 0.0375, 0.15",
        "mistral_ai, mistral-small-latest, mistral-small, 0.10, 0.30",
        "mistral_ai, mistral-medium-2505, mistral-medium, 0.40, 2.00",
        "mistral_ai, codestral-latest, codestral, 0.30, 0.90"
    })
    void currentModelsArePricedByTheirFamily(
            String provider, String model, String family, double input, double output) {
        long now = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
        PricingTable.Lookup lookup = table.lookup(provider, model, now);
        assertThat(lookup.coverage()).isEqualTo(PricingTable.Coverage.PRICED);
        assertThat(lookup.price().model()).isEqualTo(family);
        assertThat(lookup.price().inputPerMillion()).isEqualTo(input);
        assertThat(lookup.price().outputPerMillion()).isEqualTo(output);
    }

    @Test
    void o3sPriceCutAppliesFromItsDate() {
        long beforeCut = Instant.parse("2025-06-09T12:00:00Z").toEpochMilli();
        long afterCut = Instant.parse("2025-06-10T00:00:00Z").toEpochMilli();
        assertThat(table.costUsd("openai", "o3", beforeCut, 1_000_000, 0, 0)).hasValue(10.00);
        assertThat(table.costUsd("openai", "o3", afterCut, 1_000_000, 0, 0)).hasValue(2.00);
    }

    @Test
    void aLookupSaysWhyACallHasNoPrice() {
        assertThat(table.lookup("openai", "gpt-9", JUNE_2025).coverage())
                .isEqualTo(PricingTable.Coverage.UNKNOWN_MODEL);
        assertThat(table.lookup("ollama", "llama3", JUNE_2025).coverage())
                .isEqualTo(PricingTable.Coverage.UNKNOWN_PROVIDER);
        assertThat(table.lookup(null, "gpt-4o", JUNE_2025).coverage())
                .isEqualTo(PricingTable.Coverage.UNKNOWN_PROVIDER);
        assertThat(table.lookup("openai", "gpt-4.1", JUNE_2024).coverage())
                .isEqualTo(PricingTable.Coverage.BEFORE_FIRST_PRICE);
        assertThat(table.lookup("openai", "gpt-4.1", JUNE_2025).price()).isNotNull();
        assertThat(PricingTable.Coverage.BEFORE_FIRST_PRICE.wireName())
                .isEqualTo("before_first_price");
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
