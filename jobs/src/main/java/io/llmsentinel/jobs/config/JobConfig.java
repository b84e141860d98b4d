package io.llmsentinel.jobs.config;

import io.llmsentinel.jobs.JobCatalog;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Loads a job's configuration file (flat {@code key: value} lines, YAML-compatible) and rejects
 * what would otherwise fail late or silently: unknown keys in our namespaces (a typo would silently
 * fall back to a default) and values that do not parse, among them unknown choices (the message
 * lists the allowed values). Keys outside our namespaces are Flink settings and pass through to the
 * Flink configuration. What a value must be beyond parsing is checked by each job's {@code
 * XConfig.from}, with the rules of {@link ConfigRules}.
 */
public final class JobConfig {
    private JobConfig() {}

    public static Configuration load(Path file, Class<?>... optionHolders) throws IOException {
        return fromMap(read(file), optionHolders);
    }

    /** A configuration file's settings as written, not yet validated. */
    public static Map<String, String> read(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        Map<String, String> map = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            map.put(key.trim(), unquote(props.getProperty(key).trim()));
        }
        return map;
    }

    /**
     * Builds and validates a configuration; every error names the offending key. Values of choice
     * options are normalised first (see {@link ChoiceOptions}), and an unknown choice fails naming
     * the allowed values.
     */
    public static Configuration fromMap(Map<String, String> values, Class<?>... optionHolders) {
        Map<String, DeclaredOption> known = new LinkedHashMap<>();
        for (DeclaredOption d : declared(optionHolders)) {
            known.put(d.key(), d);
        }
        for (String key : values.keySet()) {
            // keys in our namespaces (the catalog's) must be known; others are Flink's
            boolean ours = JobCatalog.namespaces().stream().anyMatch(key::startsWith);
            if (ours && !known.containsKey(key)) {
                throw new IllegalArgumentException(
                        "unknown configuration key '" + key + "'; known keys: " + known.keySet());
            }
        }
        Configuration conf = Configuration.fromMap(normaliseChoices(values, known.values()));
        for (DeclaredOption d : known.values()) {
            try {
                conf.get(d.option());
            } catch (IllegalArgumentException e) {
                String raw = values.get(d.key());
                String rule = d.choices().isPresent() ? ChoiceOptions.rule(d, raw) : e.getMessage();
                IllegalArgumentException bad = ConfigRules.badValue(d.option(), raw, rule);
                bad.initCause(e);
                throw bad;
            }
        }
        return conf;
    }

    /** Choice values as Flink's enum parsing takes them (see {@link ChoiceOptions}). */
    private static Map<String, String> normaliseChoices(
            Map<String, String> values, Collection<DeclaredOption> known) {
        Map<String, String> out = new HashMap<>(values);
        for (DeclaredOption d : known) {
            String raw = values.get(d.key());
            if (raw != null && d.choices().isPresent()) {
                out.put(d.key(), ChoiceOptions.normalise(d, raw));
            }
        }
        return out;
    }

    /** The options of {@link CommonOptions} and of the holders, each once. */
    public static List<DeclaredOption> declared(Class<?>... optionHolders) {
        Set<DeclaredOption> out = new LinkedHashSet<>(DeclaredOption.in(CommonOptions.class));
        for (Class<?> holder : optionHolders) {
            out.addAll(DeclaredOption.in(holder));
        }
        return List.copyOf(out);
    }

    /** Every public static ConfigOption field of a holder class. */
    public static Set<ConfigOption<?>> options(Class<?> holder) {
        Set<ConfigOption<?>> out = new LinkedHashSet<>();
        DeclaredOption.in(holder).forEach(d -> out.add(d.option()));
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2
                && ((v.startsWith("\"") && v.endsWith("\""))
                        || (v.startsWith("'") && v.endsWith("'")))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
