package io.llmsentinel.jobs.savepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmsentinel.jobs.TestClusters;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restores every committed savepoint fixture (every version, every stateful job) into today's
 * graph, without allowNonRestoredState, and checks that it continues exactly as a run that never
 * stopped: what savepoint-based upgrades depend on. A failure here means a change broke restoring
 * running deployments (a renamed uid or state, a changed state type or serializer), or changed what
 * the job computes from restored state.
 */
class SavepointFixturesIT {
    @RegisterExtension static final MiniClusterExtension CLUSTER = TestClusters.miniCluster();

    static List<SavepointFixture> fixtures() {
        return SavepointFixture.all();
    }

    @Test
    void everyStatefulJobHasAFixture() {
        assertThat(fixtures())
                .extracting(SavepointFixture::job)
                .containsAll(List.of(FixtureJob.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @Timeout(300)
    void restoresIntoTodaysGraphAndContinuesLikeAContinuousRun(SavepointFixture fixture)
            throws Exception {
        FixtureCheck.Result result = FixtureCheck.verify(fixture);
        System.out.printf("fixture %s restored: %s%n", fixture, result);
        if (fixture.job().readsEvents()) {
            assertThat(result.episodesResolvedAfterRestore())
                    .as("episodes opened before the savepoint resolve after the restore")
                    .isPositive();
        }
    }
}
