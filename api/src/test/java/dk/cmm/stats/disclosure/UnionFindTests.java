package dk.cmm.stats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Groups of joined elements. */
class UnionFindTests {

    @Test
    void shouldPutJoinedElementsInOneGroupAndLeaveTheRestAlone() {
        UnionFind groups = new UnionFind(6);
        groups.union(0, 2);
        groups.union(4, 2);
        groups.union(1, 5);
        int[] roots = groups.roots();
        assertThat(roots[0]).isEqualTo(roots[2]).isEqualTo(roots[4]);
        assertThat(roots[1]).isEqualTo(roots[5]).isNotEqualTo(roots[0]);
        assertThat(roots[3]).isEqualTo(3);
    }

    @Test
    void shouldPutTheFirstRootUnderTheSecond() {
        UnionFind groups = new UnionFind(3);
        groups.union(0, 1);
        assertThat(groups.find(0)).isEqualTo(1);
        groups.union(1, 1);
        assertThat(groups.find(1)).isEqualTo(1);
        groups.union(2, 0);
        assertThat(groups.find(2)).isEqualTo(1);
    }
}
