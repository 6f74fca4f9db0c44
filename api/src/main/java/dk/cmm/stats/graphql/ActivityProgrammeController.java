package dk.cmm.stats.graphql;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.codebook.ProgrammeKind;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.outreach.Programmes;

/**
 * An activity's programme kind and city, read from the programme record as it is now: an activity keeps no copy of
 * them, so an upserted programme changes them everywhere at once.
 */
@Controller
class ActivityProgrammeController {

    private final Programmes programmes;

    ActivityProgrammeController(Programmes programmes) {
        this.programmes = programmes;
    }

    @SchemaMapping
    ProgrammeKind programmeKind(OutreachActivity activity) {
        return programmes.byCode(activity.programme()).map(Programme::kind).orElse(null);
    }

    @SchemaMapping
    String city(OutreachActivity activity) {
        return programmes.byCode(activity.programme()).map(Programme::city).orElse(null);
    }
}
