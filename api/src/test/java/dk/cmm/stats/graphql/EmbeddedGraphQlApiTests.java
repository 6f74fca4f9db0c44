package dk.cmm.stats.graphql;

import dk.cmm.stats.ApiTest;

/** The GraphQL API contract on the embedded default (mongo-java-server) with the bundled data. */
@ApiTest
class EmbeddedGraphQlApiTests extends GraphQlApiContract {
}
