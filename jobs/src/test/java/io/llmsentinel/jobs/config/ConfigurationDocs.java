package io.llmsentinel.jobs.config;

import io.llmsentinel.jobs.JobCatalog;
import io.llmsentinel.jobs.SentinelJob;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.BlockElement;
import org.apache.flink.configuration.description.Description;
import org.apache.flink.configuration.description.HtmlFormatter;
import org.apache.flink.configuration.description.TextElement;

/**
 * Writes {@code docs/configuration.md} from the ConfigOption declarations: the common options, then
 * every job of the catalog with its own, each with its type, default and description. The
 * declarations are the single source; {@link ConfigurationDocsTest} fails when the file differs.
 */
final class ConfigurationDocs {
    /** The file, from the jobs module (the tests' working directory). */
    static final Path FILE = Path.of("..", "docs", "configuration.md");

    static final String REGENERATE =
            "./mvnw -B -q test -pl jobs -am -Dtest=ConfigurationDocsTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dconfig-docs.write=true";

    private ConfigurationDocs() {}

    /** The option holders of every job in the catalog. */
    static Class<?>[] allHolders() {
        return JobCatalog.all().stream()
                .flatMap(job -> job.optionHolders().stream())
                .distinct()
                .toArray(Class<?>[]::new);
    }

    /** Every option the documentation covers: the common ones and every job's. */
    static List<DeclaredOption> allOptions() {
        return JobConfig.declared(allHolders());
    }

    static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration\n\n")
                .append("<!-- Generated from the ConfigOption declarations by ConfigurationDocs")
                .append(" (jobs tests); edit the declarations, not this file. -->\n\n")
                .append("Every key of every job, generated from the option declarations. A job")
                .append(" reads one file of flat `key: value` lines (`sentinel run JOB --config")
                .append(" FILE`); a key it does not set keeps its default. An unknown key under")
                .append(" `kafka.`, `job.` or a job's own prefix, or a value that breaks its")
                .append(" rule, fails at start with a message naming the key, the value and the")
                .append(" rule; other keys are Flink settings and go to Flink.\n\n")
                .append("Values: durations as `30 s`, `5 min`, `2 h`, `1 d`; sizes as `64 kb`,")
                .append(" `4 mb`; lists as `a;b` or `[a, b]` (lists of choices also `a,b`); a")
                .append(" choice is one of the values listed, in any case.\n\n")
                .append("Regenerate after changing an option:\n\n")
                .append("```bash\n")
                .append(REGENERATE)
                .append("\n```\n");
        section(md, "Common keys (every job)", JobConfig.declared());
        for (SentinelJob<?, ?, ?> job : JobCatalog.all()) {
            List<DeclaredOption> own =
                    job.optionHolders().stream()
                            .flatMap(holder -> DeclaredOption.in(holder).stream())
                            .toList();
            section(md, "`" + job.name() + "`", own);
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<DeclaredOption> options) {
        md.append("\n## ").append(title).append("\n\n");
        md.append("| key | type | default | description |\n|---|---|---|---|\n");
        options.stream()
                .sorted(Comparator.comparing(DeclaredOption::key))
                .forEach(
                        d ->
                                md.append("| `")
                                        .append(d.key())
                                        .append("` | ")
                                        .append(cell(type(d)))
                                        .append(" | ")
                                        .append(cell(defaultValue(d.option())))
                                        .append(" | ")
                                        .append(cell(description(d.option().description())))
                                        .append(" |\n"));
    }

    static String type(DeclaredOption d) {
        return d.choices()
                .map(
                        type ->
                                (d.isList() ? "list of: " : "one of: ")
                                        + ChoiceOptions.wireNames(type).stream()
                                                .map(n -> "`" + n + "`")
                                                .collect(Collectors.joining(", ")))
                .orElse("`" + d.typeName() + "`");
    }

    static <T> String defaultValue(ConfigOption<T> option) {
        if (!option.hasDefaultValue()) {
            return "(none)";
        }
        String spelled = ConfigRules.spelling(option, option.defaultValue());
        return spelled.isEmpty() ? "(empty)" : "`" + spelled + "`";
    }

    /** Our descriptions are plain text; anything richer goes through Flink's formatter. */
    static String description(Description description) {
        StringBuilder out = new StringBuilder();
        for (BlockElement block : description.getBlocks()) {
            if (block instanceof TextElement text && text.getElements().isEmpty()) {
                out.append(text.getFormat());
            } else {
                return new HtmlFormatter().format(description);
            }
        }
        return out.toString();
    }

    /** A table cell: no line breaks, no column bars, no {@code __x__} read as bold. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("__", "\\_\\_");
    }
}
