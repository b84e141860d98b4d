package io.llmsentinel.jobs.config;

import io.llmsentinel.jobs.JobCatalog;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Loads a job's configuration file (flat {@code key: value} lines, YAML-compatible) and rejects
 * what would otherwise fail late or silently: unknown keys in our namespaces (a typo would silently
 * fall back to a default) and values that do not parse. Keys outside our namespaces are Flink
 * settings and pass through to the Flink configuration.
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

    /** Builds and validates a configuration; every error names the offending key. */
    public static Configuration fromMap(Map<String, String> values, Class<?>... optionHolders) {
        Set<ConfigOption<?>> known = options(CommonOptions.class);
        for (Class<?> holder : optionHolders) {
            known.addAll(options(holder));
        }
        Set<String> knownKeys = new LinkedHashSet<>();
        known.forEach(o -> knownKeys.add(o.key()));
        for (String key : values.keySet()) {
            // keys in our namespaces (the catalog's) must be known; others are Flink's
            boolean ours = JobCatalog.namespaces().stream().anyMatch(key::startsWith);
            if (ours && !knownKeys.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown configuration key '" + key + "'; known keys: " + knownKeys);
            }
        }
        Configuration conf = Configuration.fromMap(values);
        for (ConfigOption<?> option : known) {
            try {
                conf.get(option);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "bad value for '"
                                + option.key()
                                + "': '"
                                + values.get(option.key())
                                + "' ("
                                + e.getMessage()
                                + ")",
                        e);
            }
        }
        return conf;
    }

    /** Every public static ConfigOption field of a holder class. */
    public static Set<ConfigOption<?>> options(Class<?> holder) {
        Set<ConfigOption<?>> out = new LinkedHashSet<>();
        for (Field f : holder.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                try {
                    out.add((ConfigOption<?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /** Fails with a message naming the key when a value breaks its rule. */
    public static void require(boolean condition, ConfigOption<?> option, String rule) {
        if (!condition) {
            throw new IllegalArgumentException("bad value for '" + option.key() + "': " + rule);
        }
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
