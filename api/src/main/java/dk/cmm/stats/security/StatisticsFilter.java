package dk.cmm.stats.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.data.GraphQlArgumentBinder;
import org.springframework.stereotype.Component;

import dk.cmm.stats.disclosure.AnonymousStats;
import dk.cmm.stats.disclosure.DisclosureLimitException;
import dk.cmm.stats.disclosure.OutreachProtection;
import dk.cmm.stats.stats.HotlineDimension;
import dk.cmm.stats.stats.HotlineFilter;
import dk.cmm.stats.stats.OutreachDimension;
import dk.cmm.stats.stats.OutreachFilter;
import dk.cmm.stats.stats.OutreachRow;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.Stats;
import graphql.schema.DataFetchingEnvironment;

/** Reads a statistics query's arguments and hands its exact answer to disclosure control (anonymous callers). */
@Component
class StatisticsFilter {

    private final GraphQlArgumentBinder binder = new GraphQlArgumentBinder();
    private final AnonymousStats anonymous;
    private final OutreachProtection outreach;

    StatisticsFilter(AnonymousStats anonymous, OutreachProtection outreach) {
        this.anonymous = anonymous;
        this.outreach = outreach;
    }

    @SuppressWarnings("unchecked")
    Object protect(String query, DataFetchingEnvironment env, Object exact) {
        return switch (query) {
            case "personStats" -> anonymous.persons(bind(env, "filter", PersonFilter.class),
                    list(env, PersonDimension.class), (Stats) exact);
            case "hotlineStats" -> anonymous.hotline(bind(env, "filter", HotlineFilter.class),
                    list(env, HotlineDimension.class), (Stats) exact);
            case "outreachStats" -> outreach.protect(bind(env, "filter", OutreachFilter.class),
                    list(env, OutreachDimension.class), (List<OutreachRow>) exact);
            default -> throw new IllegalArgumentException(query);
        };
    }

    private <T> T bind(DataFetchingEnvironment env, String name, Class<T> type) {
        if (env.getArgument(name) == null) {
            return null;
        }
        try {
            return type.cast(binder.bind(env, name, ResolvableType.forClass(type)));
        } catch (org.springframework.validation.BindException e) {
            throw new DisclosureLimitException(name, "The argument '" + name + "' could not be read");
        }
    }

    private <E extends Enum<E>> List<E> list(DataFetchingEnvironment env, Class<E> type) {
        Object value = env.getArgument("groupBy");
        List<E> dimensions = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (Object item : items) {
                dimensions.add(item instanceof Enum<?> e ? Enum.valueOf(type, e.name())
                        : Enum.valueOf(type, String.valueOf(item)));
            }
        }
        return dimensions;
    }

}
