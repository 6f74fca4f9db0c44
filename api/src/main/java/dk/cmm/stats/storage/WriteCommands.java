package dk.cmm.stats.storage;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/** Which commands the embedded server receives change data (or its shape); all others only read. */
final class WriteCommands {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    private WriteCommands() {
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITES.contains(name)) {
            return true;
        }
        if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> stages) {
            return stages.stream().anyMatch(s -> s instanceof Document stage
                    && (stage.containsKey("$out") || stage.containsKey("$merge")));
        }
        return false;
    }
}
