package dev.camelbedrock.component.embed;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a coalesced call's input-token count is split over its exchanges: by text length, adding up to the count. */
class CoalescedTokenSharesTest {

    private static List<EmbedCoalescer.Item> items(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> new EmbedCoalescer.Item(null, null, t)).toList();
    }

    @Test
    void sharesFollowTheLengthsAndAddUpToTheCount() {
        assertThat(EmbedCoalescer.shares(30, items("aaaa", "aaaaaaaa", "aaaaaaaaaaaa"))).containsExactly(5, 10, 15);
        int[] shares = EmbedCoalescer.shares(10, items("a", "a", "a"));
        assertThat(IntStream.of(shares).sum()).isEqualTo(10);
        assertThat(IntStream.of(shares).boxed().toList()).allSatisfy(s -> assertThat(s).isBetween(3, 4));
    }

    @Test
    void aLoneTextGetsTheWholeCount() {
        assertThat(EmbedCoalescer.shares(17, items("just one"))).containsExactly(17);
    }

    @Test
    void moreTextsThanTokensStillAddUp() {
        int[] shares = EmbedCoalescer.shares(2, items("x", "yy", "zzz", "w"));
        assertThat(IntStream.of(shares).sum()).isEqualTo(2);
        assertThat(IntStream.of(shares).boxed().toList()).allSatisfy(s -> assertThat(s).isBetween(0, 1));
        assertThat(EmbedCoalescer.shares(0, items("x", "y"))).containsExactly(0, 0);
    }
}
