package dk.cmm.stats.disclosure;

import java.util.List;

import dk.cmm.stats.stats.GroupKey;

/** A group as an anonymous caller sees it: count and share are null when {@code suppressed}. */
public record ProtectedGroup(List<GroupKey> key, Integer count, Double share, boolean suppressed) {
}
