package dk.cmm.stats.graphql;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.codebook.ProgrammeKind;
import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.outreach.Programmes;

/**
 * Recording outreach: {@code recordOutreachActivity}, {@code upsertProgramme}, and an activity's programme kind and
 * city, read from the programme record as it is now (an activity keeps no copy of them).
 */
@Controller
class OutreachMutationController {

    private final Recorder recorder;
    private final Programmes programmes;

    OutreachMutationController(Recorder recorder, Programmes programmes) {
        this.recorder = recorder;
        this.programmes = programmes;
    }

    @MutationMapping
    OutreachActivity recordOutreachActivity(@Argument Map<String, Object> input) {
        return recorder.record(RecordKind.ACTIVITIES, input, OutreachActivity.class);
    }

    @MutationMapping
    Programme upsertProgramme(@Argument Map<String, Object> input) {
        return recorder.record(RecordKind.PROGRAMMES, input, Programme.class);
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
