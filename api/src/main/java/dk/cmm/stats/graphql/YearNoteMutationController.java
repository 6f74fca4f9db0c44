package dk.cmm.stats.graphql;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.yearnote.YearNote;

/** Editorial notes per year: {@code setYearNote} and the stamp fields of YearNote. */
@Controller
class YearNoteMutationController {

    private final Recorder recorder;

    YearNoteMutationController(Recorder recorder) {
        this.recorder = recorder;
    }

    @MutationMapping
    YearNote setYearNote(@Argument Map<String, Object> input) {
        return recorder.record(RecordKind.YEAR_NOTES, input, YearNote.class);
    }
}
