package dk.cmm.stats.outreach;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dk.cmm.stats.codebook.ProgrammeKind;

/**
 * The outreach programmes as they are kept: the one place their queries are built, so the report, disclosure control
 * and the statistics read them without a query of their own.
 */
@Component
public class Programmes {

    private final MongoTemplate mongo;

    Programmes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every programme, in the store's order. */
    public List<Programme> all() {
        return mongo.findAll(Programme.class);
    }

    /** The programme with a code, as it is kept now. */
    public Optional<Programme> byCode(String code) {
        return Optional.ofNullable(mongo.findById(code, Programme.class));
    }

    /**
     * The codes of the programmes with one of the codes, kinds and cities given; a null or empty list selects on
     * nothing, so with none given every programme.
     */
    public List<String> codesMatching(Collection<String> codes, Collection<ProgrammeKind> kinds,
            Collection<String> cities) {
        Query query = new Query();
        if (codes != null && !codes.isEmpty()) {
            query.addCriteria(Criteria.where("_id").in(codes));
        }
        if (kinds != null && !kinds.isEmpty()) {
            query.addCriteria(Criteria.where("kind").in(kinds.stream().map(Enum::name).toList()));
        }
        if (cities != null && !cities.isEmpty()) {
            query.addCriteria(Criteria.where("city").in(cities));
        }
        return mongo.find(query, Programme.class).stream().map(Programme::code).toList();
    }
}
