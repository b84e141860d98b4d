package io.llmsentinel.detectors.security.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The versioned prompt-attack signature library, loaded from a text resource and compiled for
 * scanning: phrase patterns into a {@link PhraseIndex}, literals into a {@link LiteralMatcher}. The
 * file format is described at the top of the resource file itself. Immutable.
 */
final class SignatureLibrary {
    static final String DEFAULT_RESOURCE =
            "/io/llmsentinel/detectors/security/prompt-signatures.txt";

    /** Features computed in code; the library supplies their weights. */
    static final String FEATURE_ADVERSARIAL_SUFFIX = "FEAT.ADVERSARIAL_SUFFIX";

    static final String FEATURE_OBFUSCATED_MATCH = "FEAT.OBFUSCATED_MATCH";
    static final String FEATURE_ENCODED_PAYLOAD = "FEAT.ENCODED_PAYLOAD";

    private static volatile SignatureLibrary defaults;

    final String version;
    final double bias;
    final List<Signature> signatures;
    final List<String> families;
    final PhraseIndex phrases;
    final LiteralMatcher literals;
    final int[] literalRule;

    /** Combination signatures, and for each the families that must all have matched. */
    final int[] comboSignatures;

    final int[][] comboFamilies;

    final Signature adversarialSuffix;
    final Signature obfuscatedMatch;
    final Signature encodedPayload;

    private SignatureLibrary(Parser p) {
        version = Objects.requireNonNull(p.version, "the library has no 'version' line");
        bias = p.bias;
        signatures = List.copyOf(p.signatures);
        families = List.copyOf(p.familyIds.keySet());
        PayloadDecoder.registerMarkers(p.phrases);
        phrases = p.phrases.build();
        literals = LiteralMatcher.of(p.literalText, p.literalLineStart);
        literalRule = p.literalRule.stream().mapToInt(Integer::intValue).toArray();
        comboSignatures =
                p.comboFamilies.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        comboFamilies = new int[comboSignatures.length][];
        for (int i = 0; i < comboSignatures.length; i++) {
            comboFamilies[i] = p.comboFamilies.get(comboSignatures[i]);
        }
        adversarialSuffix = p.feature(FEATURE_ADVERSARIAL_SUFFIX);
        obfuscatedMatch = p.feature(FEATURE_OBFUSCATED_MATCH);
        encodedPayload = p.feature(FEATURE_ENCODED_PAYLOAD);
    }

    /** The library shipped with the scanner, parsed once per JVM. */
    static SignatureLibrary defaults() {
        SignatureLibrary lib = defaults;
        if (lib == null) {
            synchronized (SignatureLibrary.class) {
                lib = defaults;
                if (lib == null) {
                    lib = load(DEFAULT_RESOURCE);
                    defaults = lib;
                }
            }
        }
        return lib;
    }

    static SignatureLibrary load(String resource) {
        try (InputStream in = SignatureLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("signature library not found: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SignatureLibrary parse(String text) {
        Parser parser = new Parser();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                new java.io.ByteArrayInputStream(
                                        text.getBytes(StandardCharsets.UTF_8)),
                                StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                try {
                    parser.line(line);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "signature library line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parser.finish();
        return new SignatureLibrary(parser);
    }

    int familyCount() {
        return families.size();
    }

    /** Reads the library format line by line; one entry is open at a time. */
    private static final class Parser {
        String version;
        double bias = Double.NaN;
        final List<Signature> signatures = new ArrayList<>();
        final Map<String, Integer> familyIds = new LinkedHashMap<>();
        final PhraseIndex.Builder phrases = new PhraseIndex.Builder();
        final List<String> literalText = new ArrayList<>();
        final List<Integer> literalRule = new ArrayList<>();
        final List<Boolean> literalLineStart = new ArrayList<>();
        final Map<Integer, int[]> comboFamilies = new HashMap<>();
        private final Map<String, Signature> byId = new HashMap<>();

        // the entry being read
        private Signature.Kind kind;
        private String id;
        private AttackCategory category;
        private String family;
        private double weight = Double.NaN;
        private String description = "";
        private final List<String> matches = new ArrayList<>();
        private final List<String> literals = new ArrayList<>();
        private final List<Boolean> literalsAtLineStart = new ArrayList<>();
        private String unless;
        private List<String> requires = List.of();

        void line(String raw) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1).strip();
            switch (key) {
                case "version" -> version = value;
                case "bias" -> bias = Double.parseDouble(value);
                case "rule" -> begin(Signature.Kind.RULE, value);
                case "feature" -> begin(Signature.Kind.FEATURE, value);
                case "combo" -> begin(Signature.Kind.COMBO, value);
                case "category" -> category = AttackCategory.valueOf(value);
                case "family" -> family = value;
                case "weight" -> weight = Double.parseDouble(value);
                case "description" -> description = value;
                case "match" -> open().matches.add(value);
                case "unless" -> open().unless = value;
                case "literal" -> addLiteral(value, false);
                case "linestart" -> addLiteral(value, true);
                case "requires" -> open().requires = List.of(value.split("\\s+"));
                default -> throw new IllegalArgumentException("unknown key '" + key + "'");
            }
        }

        private Parser open() {
            if (id == null) {
                throw new IllegalArgumentException("no rule, feature or combo is open");
            }
            return this;
        }

        private void addLiteral(String value, boolean atLineStart) {
            open();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            literals.add(CharFolding.foldString(value));
            literalsAtLineStart.add(atLineStart);
        }

        private void begin(Signature.Kind newKind, String newId) {
            finishEntry();
            if (newId.isEmpty() || byId.containsKey(newId)) {
                throw new IllegalArgumentException("missing or duplicate id '" + newId + "'");
            }
            kind = newKind;
            id = newId;
        }

        void finish() {
            finishEntry();
            if (Double.isNaN(bias)) {
                throw new IllegalArgumentException("the library has no 'bias' line");
            }
        }

        private void finishEntry() {
            if (id == null) {
                return;
            }
            if (category == null || Double.isNaN(weight)) {
                throw new IllegalArgumentException(id + ": category and weight are required");
            }
            String fam = family == null ? id : family;
            int familyIndex = familyIds.computeIfAbsent(fam, f -> familyIds.size());
            Signature sig =
                    new Signature(
                            signatures.size(),
                            id,
                            kind,
                            category,
                            fam,
                            familyIndex,
                            weight,
                            description);
            switch (kind) {
                case RULE -> compileRule(sig);
                case COMBO -> compileCombo(sig);
                case FEATURE -> {
                    if (!matches.isEmpty() || !literals.isEmpty()) {
                        throw new IllegalArgumentException(id + ": features have no patterns");
                    }
                }
            }
            signatures.add(sig);
            byId.put(id, sig);
            kind = null;
            id = null;
            category = null;
            family = null;
            weight = Double.NaN;
            description = "";
            matches.clear();
            literals.clear();
            literalsAtLineStart.clear();
            unless = null;
            requires = List.of();
        }

        private void compileRule(Signature sig) {
            if (matches.isEmpty() && literals.isEmpty()) {
                throw new IllegalArgumentException(id + ": a rule needs 'match' or 'literal'");
            }
            for (String pattern : matches) {
                PatternSyntax.compile(pattern, unless, sig.index(), phrases);
            }
            for (int i = 0; i < literals.size(); i++) {
                literalText.add(literals.get(i));
                literalRule.add(sig.index());
                literalLineStart.add(literalsAtLineStart.get(i));
            }
        }

        private void compileCombo(Signature sig) {
            if (requires.size() < 2) {
                throw new IllegalArgumentException(id + ": a combo requires two or more families");
            }
            int[] fams = new int[requires.size()];
            for (int i = 0; i < fams.length; i++) {
                Integer f = familyIds.get(requires.get(i));
                if (f == null) {
                    throw new IllegalArgumentException(
                            id + ": unknown family '" + requires.get(i) + "' (define it first)");
                }
                fams[i] = f;
            }
            comboFamilies.put(sig.index(), fams);
        }

        Signature feature(String featureId) {
            Signature sig = byId.get(featureId);
            if (sig == null || sig.kind() != Signature.Kind.FEATURE) {
                throw new IllegalStateException("the library lacks feature " + featureId);
            }
            return sig;
        }
    }
}
