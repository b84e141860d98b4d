package io.llmsentinel.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is what {@link ConfigurationDocs} generates from the declarations;
 * with {@code -Dconfig-docs.write=true} this test writes it instead of comparing.
 */
class ConfigurationDocsTest {

    @Test
    void docsConfigurationMdIsUpToDate() throws Exception {
        String expected = ConfigurationDocs.render();
        if (Boolean.getBoolean("config-docs.write")) {
            Files.writeString(ConfigurationDocs.FILE, expected, StandardCharsets.UTF_8);
            return;
        }
        String actual =
                Files.exists(ConfigurationDocs.FILE)
                        ? Files.readString(ConfigurationDocs.FILE, StandardCharsets.UTF_8)
                        : "";
        if (!actual.equals(expected)) {
            fail(
                    "docs/configuration.md is stale: it is generated from the ConfigOption"
                            + " declarations. Regenerate it with\n  "
                            + ConfigurationDocs.REGENERATE);
        }
    }

    @Test
    void everyKeyOfEveryJobIsDocumentedWithARealDescription() {
        String docs = ConfigurationDocs.render();
        List<DeclaredOption> all = ConfigurationDocs.allOptions();
        assertThat(all).hasSizeGreaterThan(100);
        for (DeclaredOption d : all) {
            assertThat(docs).contains("| `" + d.key() + "` |");
            String description = ConfigurationDocs.description(d.option().description());
            assertThat(description)
                    .as(d.key())
                    .isNotBlank()
                    .doesNotStartWith("...")
                    .doesNotEndWith("...");
        }
    }

    @Test
    void choicesListTheirWireNamesAndDefaultsAreSpelledAsFlinkReadsThem() {
        String docs = ConfigurationDocs.render();
        assertThat(docs)
                .contains(
                        "| `drift.reference` | one of: `sliding`, `pinned` | `sliding` |",
                        "| `latency.key-dimensions` | list of: `provider`, `model`, `service`,"
                                + " `tenant`, `environment`, `operation`, `template` |"
                                + " `[provider, model, service]` |",
                        "| `ingest.starting-offsets` | one of: `earliest`, `latest`,"
                                + " `committed-or-earliest` | `committed-or-earliest` |",
                        "| `latency.window` | `Duration` | `5 min` |",
                        "| `security.canaries` | `List<String>` | (none) |",
                        "| `security.redaction.salt` | `String` | (empty) |");
    }
}
