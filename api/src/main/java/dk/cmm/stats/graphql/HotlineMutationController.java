package dk.cmm.stats.graphql;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.importer.RecordKind;

/** Recording hotline calls: {@code recordHotlineCall} and the stamp fields of HotlineCall. */
@Controller
class HotlineMutationController {

    private final Recorder recorder;

    HotlineMutationController(Recorder recorder) {
        this.recorder = recorder;
    }

    @MutationMapping
    HotlineCall recordHotlineCall(@Argument Map<String, Object> input) {
        return recorder.record(RecordKind.HOTLINE, input, HotlineCall.class);
    }
}
