package io.llmsentinel.jobs.drift;

import io.llmsentinel.detectors.drift.DriftSettings;
import io.llmsentinel.detectors.drift.ReferenceMode;
import io.llmsentinel.detectors.latency.KeyDimension;
import io.llmsentinel.jobs.config.CommonOptions;
import io.llmsentinel.jobs.config.StartingOffsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of the drift job. Keys, defaults and descriptions are the documentation. */
public final class DriftOptions {
    /** The detector's defaults are the options' defaults: written once, in DriftSettings. */
    private static final DriftSettings DEFAULTS = DriftSettings.DEFAULTS;

    private DriftOptions() {}

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            CommonOptions.startingOffsets(
                    "drift", "the events topic (consumer group llm-sentinel-drift)");

    public static final ConfigOption<List<KeyDimension>> KEY_DIMENSIONS =
            ConfigOptions.key("drift.key-dimensions")
                    .enumType(KeyDimension.class)
                    .asList()
                    .defaultValues(KeyDimension.SERVICE, KeyDimension.MODEL, KeyDimension.TEMPLATE)
                    .withDescription(
                            "What a key is made of, a list (service,model or service;model) from:"
                                    + " provider, model (the requested model), service, tenant,"
                                    + " environment, operation, template (prompt template and"
                                    + " version). The response model is a feature, not a"
                                    + " dimension, so that a silent swap shows as a shift inside"
                                    + " one key.");

    public static final ConfigOption<Duration> SLICE =
            ConfigOptions.key("drift.slice")
                    .durationType()
                    .defaultValue(Duration.ofMillis(DEFAULTS.sliceMs()))
                    .withDescription(
                            "Summaries are kept per slice of this length and the windows are"
                                    + " evaluated at every slice end; both windows are whole"
                                    + " slices.");

    public static final ConfigOption<Duration> CURRENT_WINDOW =
            ConfigOptions.key("drift.current-window")
                    .durationType()
                    .defaultValue(Duration.ofMillis(DEFAULTS.currentMs()))
                    .withDescription(
                            "Length of the current window, compared with the reference at"
                                    + " every slice end; a whole number of drift.slice.");

    public static final ConfigOption<ReferenceMode> REFERENCE =
            ConfigOptions.key("drift.reference")
                    .enumType(ReferenceMode.class)
                    .defaultValue(DEFAULTS.referenceMode())
                    .withDescription(
                            "sliding: the reference window just before the current one. pinned:"
                                    + " the first reference window of data each key saw after"
                                    + " drift.reference.pin-id last changed, kept until it"
                                    + " changes again (savepoints included).");

    public static final ConfigOption<Duration> REFERENCE_WINDOW =
            ConfigOptions.key("drift.reference.window")
                    .durationType()
                    .defaultValue(Duration.ofMillis(DEFAULTS.referenceMs()))
                    .withDescription(
                            "Length of the reference window (sliding or pinned); a whole"
                                    + " number of drift.slice.");

    public static final ConfigOption<String> PIN_ID =
            ConfigOptions.key("drift.reference.pin-id")
                    .stringType()
                    .defaultValue(DEFAULTS.pinId())
                    .withDescription(
                            "With a pinned reference: change it (for example to the release"
                                    + " version) and upgrade the job from a savepoint to capture"
                                    + " new references.");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            ConfigOptions.key("drift.allowed-lateness")
                    .durationType()
                    .defaultValue(Duration.ofMillis(DEFAULTS.allowedLatenessMs()))
                    .withDescription(
                            "How long after the watermark passes a slice's end it is judged."
                                    + " Later events are counted in lateEvents and still feed"
                                    + " the windows that follow.");

    public static final ConfigOption<Integer> MIN_SAMPLES =
            ConfigOptions.key("drift.min-samples")
                    .intType()
                    .defaultValue(DEFAULTS.minSamples())
                    .withDescription(
                            "Values each side (reference and current) needs before a feature is"
                                    + " tested.");

    public static final ConfigOption<Integer> MIN_EMBEDDINGS =
            ConfigOptions.key("drift.embedding.min-samples")
                    .intType()
                    .defaultValue(DEFAULTS.minEmbeddings())
                    .withDescription(
                            "Embedding vectors each side (reference and current) needs"
                                    + " before the embedding tests run.");

    public static final ConfigOption<Double> PSI_WARNING =
            ConfigOptions.key("drift.psi.warning")
                    .doubleType()
                    .defaultValue(DEFAULTS.psiWarning())
                    .withDescription("PSI from which a significant shift counts as drift.");

    public static final ConfigOption<Double> PSI_CRITICAL =
            ConfigOptions.key("drift.psi.critical")
                    .doubleType()
                    .defaultValue(DEFAULTS.psiCritical())
                    .withDescription("PSI from which drift is critical.");

    public static final ConfigOption<Double> FALSE_DISCOVERY_RATE =
            ConfigOptions.key("drift.false-discovery-rate")
                    .doubleType()
                    .defaultValue(DEFAULTS.falseDiscoveryRate())
                    .withDescription(
                            "Benjamini-Hochberg level over the p-values (KS, chi-square) of one"
                                    + " key's features in one evaluation.");

    public static final ConfigOption<Integer> WINDOWS_TO_OPEN =
            ConfigOptions.key("drift.windows-to-open")
                    .intType()
                    .defaultValue(DEFAULTS.windowsToOpen())
                    .withDescription("Consecutive drifting evaluations that open an episode.");

    public static final ConfigOption<Integer> WINDOWS_TO_RESOLVE =
            ConfigOptions.key("drift.windows-to-resolve")
                    .intType()
                    .defaultValue(DEFAULTS.windowsToResolve())
                    .withDescription("Consecutive clear evaluations that resolve a drift episode.");

    public static final ConfigOption<Double> SIMILARITY_DROP =
            ConfigOptions.key("drift.embedding.similarity-drop")
                    .doubleType()
                    .defaultValue(DEFAULTS.similarityDrop())
                    .withDescription(
                            "Embedding drift when the current window's mean cosine similarity to"
                                    + " the reference centroid is this fraction below the"
                                    + " reference's own.");

    public static final ConfigOption<Double> RELATIVE_ACCURACY =
            ConfigOptions.key("drift.histogram.relative-accuracy")
                    .doubleType()
                    .defaultValue(DEFAULTS.relativeAccuracy())
                    .withDescription(
                            "Relative bin width of the numeric histograms (state size against"
                                    + " precision; see docs/drift-statistics.md).");

    public static final ConfigOption<Integer> MAX_CATEGORIES =
            ConfigOptions.key("drift.max-categories")
                    .intType()
                    .defaultValue(DEFAULTS.maxCategories())
                    .withDescription(
                            "Categories kept per feature and slice; the rest count as __other__.");

    public static final ConfigOption<Integer> RESERVOIR_SIZE =
            ConfigOptions.key("drift.embedding.reservoir-size")
                    .intType()
                    .defaultValue(DEFAULTS.reservoirSize())
                    .withDescription(
                            "Embedding vectors sampled per slice for MMD: 48 current and 192"
                                    + " reference samples with the default windows. The"
                                    + " reservoir dominates a key's state when events carry"
                                    + " embeddings (16 x 384 floats = 24 KB per slice).");
}
