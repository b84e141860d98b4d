package io.llmsentinel.bench.jmh;

import io.llmsentinel.detectors.security.scan.PromptScanner;
import io.llmsentinel.detectors.security.scan.PromptVerdict;
import io.llmsentinel.detectors.security.scan.SensitiveDataScanner;
import io.llmsentinel.detectors.security.scan.SensitiveFinding;
import io.llmsentinel.simulator.text.AttackPrompts;
import io.llmsentinel.simulator.text.BenignText;
import io.llmsentinel.simulator.text.LeakText;
import io.llmsentinel.simulator.traffic.ServiceKind;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of the security scanners on texts of about 1 KB, in scans per second
 * (one operation = one text). Two mixes:
 *
 * <ul>
 *   <li>{@code benign}: simulator prompts and answers of every service kind, concatenated and cut
 *       to 1 KB at a word boundary; a few percent contain the simulator's hard negatives ("ignore
 *       the typo");
 *   <li>{@code attack}: about 1 KB of the same benign text with one simulator attack prompt
 *       (override, persona, extraction, obfuscated, delimiter, pasted carrier) at a random place
 *       for {@link PromptScanner}, and with one to three leaked PII or secret sentences for {@link
 *       SensitiveDataScanner}.
 * </ul>
 *
 * The texts are generated once per trial from a fixed seed and cycled, so the JIT cannot specialise
 * on one input. Run: see bench/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScanBenchmark {
    static final int TARGET_CHARS = 1024;
    private static final int TEXTS = 512; // a power of two, for the cycling mask

    @Param({"benign", "attack"})
    public String mix;

    private final PromptScanner prompts = PromptScanner.defaults();
    private final SensitiveDataScanner sensitive = SensitiveDataScanner.defaults();
    private String[] promptTexts;
    private String[] responseTexts;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom rng = new SplittableRandom(20_251_127L);
        boolean attack = mix.equals("attack");
        promptTexts = new String[TEXTS];
        responseTexts = new String[TEXTS];
        for (int i = 0; i < TEXTS; i++) {
            promptTexts[i] = attack ? withInsert(AttackPrompts.next(rng), rng) : benign(rng);
            responseTexts[i] = attack ? withInsert(leak(rng), rng) : benign(rng);
        }
    }

    @Benchmark
    public PromptVerdict promptScan() {
        return prompts.scan(promptTexts[next++ & (TEXTS - 1)]);
    }

    @Benchmark
    public List<SensitiveFinding> sensitiveScan() {
        return sensitive.scan(responseTexts[next++ & (TEXTS - 1)]);
    }

    /** Simulator prompts and answers of random services, cut to 1 KB at a word boundary. */
    static String benign(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(TARGET_CHARS + 600);
        ServiceKind[] kinds = ServiceKind.values();
        while (sb.length() < TARGET_CHARS) {
            ServiceKind kind = kinds[rng.nextInt(kinds.length)];
            sb.append(
                            rng.nextBoolean()
                                    ? BenignText.prompt(kind, rng.nextInt(4), rng)
                                    : BenignText.response(kind, 200 + rng.nextInt(300), false, rng))
                    .append('\n');
        }
        return cut(sb.toString(), TARGET_CHARS);
    }

    /** {@code text} cut at the last space at or before {@code max} characters. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max);
        return text.substring(0, space > max / 2 ? space : max);
    }

    /** About 1 KB of benign text with {@code insert} placed at a word boundary. */
    static String withInsert(String insert, SplittableRandom rng) {
        String padding = benign(rng);
        int room = Math.max(0, TARGET_CHARS - insert.length() - 2);
        String filler = cut(padding, room);
        int at = filler.isEmpty() ? 0 : filler.lastIndexOf(' ', rng.nextInt(filler.length()) + 1);
        at = Math.max(at, 0);
        return filler.substring(0, at) + "\n" + insert + "\n" + filler.substring(at);
    }

    private static String leak(SplittableRandom rng) {
        return rng.nextBoolean() ? LeakText.withPii(rng) : LeakText.withSecret(rng);
    }
}
