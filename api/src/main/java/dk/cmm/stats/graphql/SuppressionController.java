package dk.cmm.stats.graphql;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.disclosure.ProtectedGroup;
import dk.cmm.stats.disclosure.ProtectedOutreachRow;

/** {@code suppressed} of groups and outreach rows: true only where disclosure control withheld a number. */
@Controller
class SuppressionController {

    @SchemaMapping(typeName = "Group")
    boolean suppressed(Object group) {
        return group instanceof ProtectedGroup protectedGroup && protectedGroup.suppressed();
    }

    @SchemaMapping(typeName = "OutreachRow", field = "suppressed")
    boolean rowSuppressed(Object row) {
        return row instanceof ProtectedOutreachRow protectedRow && protectedRow.suppressed();
    }
}
