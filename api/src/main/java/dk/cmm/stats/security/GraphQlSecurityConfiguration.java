package dk.cmm.stats.security;

import java.util.List;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The GraphQL side of access control: the field guard. (Its refusals become errors in graphql.GraphQlErrors, with
 * every other GraphQL error; the depth and complexity limits are graphql.GraphQlConfiguration's.)
 */
@Configuration
class GraphQlSecurityConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer fieldGuard(AuditLog audit) {
        return builder -> builder.typeVisitors(List.of(new GraphQlGuard(audit)));
    }
}
