package io.llmsentinel.detectors.drift.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

class CategoryCountsTest {

    @Test
    void countsCategoriesAndNamesMissingOnes() {
        CategoryCounts c = new CategoryCounts();
        c.add("stop");
        c.add("stop");
        c.add("length");
        c.add(null);

        assertThat(c.asMap())
                .containsExactly(
                        Map.entry(CategoryCounts.MISSING, 1L),
                        Map.entry("length", 1L),
                        Map.entry("stop", 2L));
        assertThat(c.total).isEqualTo(4);
    }

    @Test
    void foldsTheLeastFrequentIntoOtherWhenTwiceTheLimitIsExceeded() {
        CategoryCounts c = new CategoryCounts(2);
        c.add("a", 10);
        c.add("b", 5);
        c.add("c", 1);
        c.add("d", 1);
        assertThat(c.categories).containsExactly("a", "b", "c", "d"); // 4 = 2 x limit: no fold

        c.add("e", 2);

        assertThat(c.asMap())
                .containsExactly(
                        Map.entry(CategoryCounts.OTHER, 4L),
                        Map.entry("a", 10L),
                        Map.entry("b", 5L));
        assertThat(c.total).isEqualTo(19);
        // Later occurrences of a folded category are tracked again from zero.
        c.add("c");
        assertThat(c.countOf("c")).isEqualTo(1);
    }

    @Test
    void amongEqualCountsTheSmallerNameSurvivesWhateverTheArrivalOrder() {
        CategoryCounts c = new CategoryCounts(1);
        c.add("c");
        c.add("b");
        c.add("a");

        assertThat(c.asMap())
                .containsExactly(Map.entry(CategoryCounts.OTHER, 2L), Map.entry("a", 1L));
    }

    @Test
    void statisticsAlignCategoriesThatOneSideFolded() {
        // The reference folded its tail (x, y) into __other__; the current window tracks y.
        CategoryCounts ref = new CategoryCounts(1);
        ref.add("a", 50);
        ref.add("x", 10);
        ref.add("y", 10);
        CategoryCounts cur = new CategoryCounts(1);
        cur.add("a", 50);
        cur.add("y", 20);

        CategoricalDrift d = CategoricalDriftStatistics.compute(ref, cur, 5);

        // y is compared as part of __other__ on both sides (20 of 70 each): no drift at all.
        assertThat(ref.asMap()).containsOnlyKeys("a", CategoryCounts.OTHER);
        assertThat(d.chi2Statistic()).isCloseTo(0, within(1e-12));
        assertThat(d.movedCategories())
                .extracting(MovedCategory::category)
                .containsExactly(CategoryCounts.OTHER, "a");
    }

    @Test
    void aCategoryTheReferenceNeverSawIsNewWhenTheReferenceFoldedNothing() {
        CategoryCounts ref = new CategoryCounts(2);
        ref.add("a", 50);
        ref.add("b", 50);
        CategoryCounts cur = new CategoryCounts(2);
        cur.add("a", 40);
        cur.add("b", 30);
        cur.add("new", 30);

        CategoricalDrift d = CategoricalDriftStatistics.compute(ref, cur, 5);

        assertThat(d.movedCategories().get(0).category()).isEqualTo("new");
        assertThat(d.chi2PValue()).isLessThan(1e-10);
    }

    @Test
    void mergeIsCommutativeAndKeepsTheTotal() {
        CategoryCounts x = new CategoryCounts(2);
        x.add("a", 7);
        x.add("b", 3);
        x.add("c", 3);
        CategoryCounts y = new CategoryCounts(2);
        y.add("c", 1);
        y.add("d", 3);
        y.add("e", 2);

        CategoryCounts xy = x.copy();
        xy.merge(y);
        CategoryCounts yx = y.copy();
        yx.merge(x);

        assertThat(xy.asMap()).isEqualTo(yx.asMap());
        // The union a=7, b=3, c=4, d=3, e=2 exceeds 2 x 2 tracked: the two largest survive.
        assertThat(xy.asMap())
                .containsExactly(
                        Map.entry(CategoryCounts.OTHER, 8L),
                        Map.entry("a", 7L),
                        Map.entry("c", 4L));
        assertThat(xy.total).isEqualTo(19);
    }

    @Test
    void longNamesAreCut() {
        CategoryCounts c = new CategoryCounts();
        c.add("x".repeat(500));

        assertThat(c.categories[0]).hasSize(CategoryCounts.MAX_NAME_LENGTH);
    }

    @Test
    void statisticsFromSummariesEqualTheExactOnesWhenNothingIsFolded() {
        CategoryCounts ref = new CategoryCounts();
        CategoryCounts cur = new CategoryCounts();
        ref.add("gpt-4o", 600);
        ref.add("claude", 300);
        ref.add("llama", 100);
        cur.add("gpt-4o", 400);
        cur.add("claude", 450);
        cur.add("llama", 100);
        cur.add("mistral", 50);

        CategoricalDrift d = CategoricalDriftStatistics.compute(ref, cur);

        CategoricalDrift exact =
                CategoricalDriftStatistics.fromCounts(
                        Map.of("gpt-4o", 600L, "claude", 300L, "llama", 100L),
                        Map.of("gpt-4o", 400L, "claude", 450L, "llama", 100L, "mistral", 50L),
                        5);
        assertThat(d).isEqualTo(exact);
        assertThat(d.movedCategories())
                .extracting(MovedCategory::category)
                .containsExactly("gpt-4o", "claude", "mistral", "llama");
        assertThat(d.movedCategories().get(0).referenceShare()).isEqualTo(0.6);
        assertThat(d.movedCategories().get(0).currentShare()).isEqualTo(0.4);
        assertThat(d.chi2PValue()).isLessThan(1e-10);
        assertThat(d.jensenShannon()).isBetween(0.1, 1.0);
    }

    @Test
    void identicalDistributionsShowNoDrift() {
        CategoryCounts ref = new CategoryCounts();
        CategoryCounts cur = new CategoryCounts();
        ref.add("a", 30);
        ref.add("b", 70);
        cur.add("a", 60);
        cur.add("b", 140);

        CategoricalDrift d = CategoricalDriftStatistics.compute(ref, cur, 1);

        assertThat(d.chi2Statistic()).isCloseTo(0, within(1e-12));
        assertThat(d.chi2PValue()).isCloseTo(1, within(1e-12));
        assertThat(d.psi()).isCloseTo(0, within(1e-15));
        assertThat(d.movedCategories()).hasSize(1);
    }

    @Test
    void isAFlinkPojo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(CategoryCounts.class);
    }
}
