package dk.cmm.stats.graphql;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.Programme;

/** Recording outreach: {@code recordOutreachActivity}, {@code upsertProgramme}, and their stamp fields. */
@Controller
class OutreachMutationController {

    private final Recorder recorder;

    OutreachMutationController(Recorder recorder) {
        this.recorder = recorder;
    }

    @MutationMapping
    OutreachActivity recordOutreachActivity(@Argument Map<String, Object> input) {
        return recorder.record(RecordKind.ACTIVITIES, input, OutreachActivity.class);
    }

    @MutationMapping
    Programme upsertProgramme(@Argument Map<String, Object> input) {
        return recorder.record(RecordKind.PROGRAMMES, input, Programme.class);
    }
}
