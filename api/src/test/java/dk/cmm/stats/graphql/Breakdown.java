package dk.cmm.stats.graphql;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A {@code Stats} answer as the API sends it, read back in tests. */
record Breakdown(int total, List<Cell> groups, Summary age, Summary stayDays) {

    /** The count of the group with these codes (in groupBy order); 0 when there is no such group. */
    int count(String... codes) {
        return group(codes).map(Cell::count).orElse(0);
    }

    Optional<Cell> group(String... codes) {
        return groups.stream().filter(g -> g.codes().equals(Arrays.asList(codes))).findFirst();
    }

    /** Counts by the code of a one-dimension breakdown. */
    Map<String, Integer> counts() {
        return groups.stream().collect(Collectors.toMap(g -> g.codes().get(0), Cell::count));
    }

    List<String> firstCodes() {
        return groups.stream().map(g -> g.codes().get(0)).toList();
    }

    record Cell(List<Code> key, int count, double share) {

        List<String> codes() {
            return key.stream().map(Code::code).toList();
        }
    }

    record Code(String dimension, String code, String label) {
    }

    record Summary(int count, Double min, Double max, Double mean, Double median) {
    }
}
