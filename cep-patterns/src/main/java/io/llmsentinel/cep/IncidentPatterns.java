package io.llmsentinel.cep;

import java.util.List;

/** Every pattern the correlation job runs, the named ones first and the fallback last. */
public final class IncidentPatterns {
    private IncidentPatterns() {}

    public static List<IncidentPattern> all(PatternWindows windows) {
        return List.of(
                new ModelDegradationPattern(windows.modelDegradation()),
                new ProviderOutagePattern(windows.providerOutage()),
                new RunawayAgentPattern(windows.runawayAgent()),
                new AttackThenLeakPattern(windows.attackThenLeak()),
                new SilentModelChangePattern(windows.silentModelChange()),
                new CorrelatedPattern(windows.correlated()));
    }
}
