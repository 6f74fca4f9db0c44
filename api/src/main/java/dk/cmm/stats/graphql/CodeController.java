package dk.cmm.stats.graphql;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.stats.DimensionCodes;
import dk.cmm.stats.stats.GroupKey;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.Labels;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.PersonDimension;

/** Codes and their labels: the {@code codebook} query and the {@code label} field of every {@code Code}. */
@Controller
class CodeController {

    private final Labels labels;
    private final DimensionCodes dimensionCodes;

    CodeController(Labels labels, DimensionCodes dimensionCodes) {
        this.labels = labels;
        this.dimensionCodes = dimensionCodes;
    }

    @SchemaMapping(typeName = "Code")
    String label(GroupKey code, @Argument Lang lang) {
        return labels.label(code, lang);
    }

    @QueryMapping
    List<DimensionView> codebook() {
        List<dk.cmm.stats.stats.Dimension> all = new java.util.ArrayList<>();
        all.addAll(List.of(PersonDimension.values()));
        for (HotlineDimension d : HotlineDimension.values()) {
            if (all.stream().noneMatch(existing -> existing.name().equals(d.name()))) {
                all.add(d);
            }
        }
        for (OutreachDimension d : OutreachDimension.values()) {
            if (all.stream().noneMatch(existing -> existing.name().equals(d.name()))) {
                all.add(d);
            }
        }
        return all.stream().map(d -> new DimensionView(d.name(),
                dimensionCodes.codes(d).stream().map(code -> new GroupKey(d.name(), code)).toList())).toList();
    }

    @SchemaMapping(typeName = "Dimension")
    String label(DimensionView dimension, @Argument Lang lang) {
        return labels.dimensionLabel(dimension.name(), lang);
    }

    /** A dimension and its codes, as the schema's {@code Dimension} type. */
    record DimensionView(String name, List<GroupKey> codes) {
    }
}
