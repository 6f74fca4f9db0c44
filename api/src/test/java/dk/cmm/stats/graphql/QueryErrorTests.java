package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dk.cmm.stats.ApiTest;
import dk.cmm.stats.StaffTokens;
import dk.cmm.stats.RawHttp;

/**
 * Every way a query can be wrong gives a GraphQL error with a clear message and a classification, over HTTP 200,
 * without a stack trace; nothing answers HTTP 500.
 */
@ApiTest
class QueryErrorTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @LocalServerPort
    int port;

    /** The single error of a response, checked for its classification and for leaking no internals. */
    static ResponseError onlyError(GraphQlTester.Response response, String classification) {
        ResponseError[] found = new ResponseError[1];
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            found[0] = errors.get(0);
        });
        ResponseError error = found[0];
        assertThat(error.getExtensions()).containsEntry("classification", classification);
        assertThat(error.getMessage()).doesNotContain("Exception", "dk.cmm", "\tat ");
        return error;
    }

    @Test
    void shouldRefuseAnUnknownNationalityAsABadRequestNamingTheArgument() {
        var response = graphQl.documentName("personTotalFiltered")
                .variable("filter", Map.of("nationality", List.of("NG", "XX"))).execute();
        ResponseError error = onlyError(response, "BAD_REQUEST");
        assertThat(error.getMessage()).contains("'XX'", "ISO 3166-1");
        assertThat(error.getExtensions()).containsEntry("argument", "filter.nationality");
        assertThat(error.getPath()).isEqualTo("personStats");
    }

    @Test
    void shouldRefuseAnAgeRangeWhoseMinimumExceedsItsMaximum() {
        var response = graphQl.documentName("personTotalFiltered")
                .variable("filter", Map.of("ageMin", 40, "ageMax", 20)).execute();
        ResponseError error = onlyError(response, "BAD_REQUEST");
        assertThat(error.getMessage()).isEqualTo("ageMin (40) is greater than ageMax (20)");
        assertThat(error.getExtensions()).containsEntry("argument", "filter.ageMin");
    }

    @Test
    void shouldRefuseMoreThanFourGroupByDimensions() {
        var response = graphQl.documentName("personTotalFiltered").variable("groupBy",
                List.of("GENDER", "REGION", "STATUS", "EXPLOITATION", "AGE_GROUP")).execute();
        ResponseError error = onlyError(response, "BAD_REQUEST");
        assertThat(error.getMessage()).contains("at most 4");
        assertThat(error.getExtensions()).containsEntry("argument", "groupBy");
    }

    @Test
    void shouldRefuseHotlineAndOutreachBreakdownsWithTooManyDimensions() {
        onlyError(graphQl.documentName("hotlineBreakdown")
                .variable("groupBy", List.of("YEAR", "MONTH", "CALLER_TYPE", "REASON", "YEAR")).execute(),
                "BAD_REQUEST");
        onlyError(graphQl.documentName("outreachRows")
                .variable("groupBy", List.of("YEAR", "MONTH", "PROGRAMME", "PROGRAMME_KIND", "CITY")).execute(),
                "BAD_REQUEST");
    }

    @Test
    void shouldRefuseAPageOfMoreThan500OrFewerThan1Persons() {
        // person records are for caseworkers; the errors are the query's own
        HttpGraphQlTester caseworker = StaffTokens.as(graphQl, StaffTokens.CASEWORKER);
        for (int first : new int[] { 501, 0, -3 }) {
            var response = caseworker.documentName("personPage").variable("first", first).execute();
            ResponseError error = onlyError(response, "BAD_REQUEST");
            assertThat(error.getMessage()).isEqualTo("first must be between 1 and 500, got " + first);
            assertThat(error.getExtensions()).containsEntry("argument", "first");
        }
        caseworker.documentName("personPage").variable("first", 500).execute()
                .path("persons.edges").entityList(Object.class).hasSize(500);
    }

    @Test
    void shouldRefuseACursorThisApiDidNotMake() {
        // person records are for caseworkers; the errors are the query's own
        HttpGraphQlTester caseworker = StaffTokens.as(graphQl, StaffTokens.CASEWORKER);
        String validBase64ButNotACursor = Base64.getUrlEncoder().encodeToString("2012-001".getBytes(
                StandardCharsets.UTF_8));
        String handMade = Base64.getUrlEncoder().encodeToString("person:2012-025".getBytes(StandardCharsets.UTF_8));
        String real = caseworker.documentName("personPage").variable("first", 1).execute()
                .path("persons.pageInfo.endCursor").entity(String.class).get();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("2012-025".getBytes(
                StandardCharsets.UTF_8)) + real.substring(real.indexOf('.'));
        for (String cursor : List.of("not a cursor!", validBase64ButNotACursor, "", handMade, forged)) {
            var response = caseworker.documentName("personPage").variable("after", cursor).execute();
            ResponseError error = onlyError(response, "BAD_REQUEST");
            assertThat(error.getMessage()).startsWith("Malformed cursor");
            assertThat(error.getExtensions()).containsEntry("argument", "after");
        }
    }

    @Test
    void shouldCheckThePersonsFilterLikeTheStatistics() {
        // person records are for caseworkers; the errors are the query's own
        HttpGraphQlTester caseworker = StaffTokens.as(graphQl, StaffTokens.CASEWORKER);
        var response = caseworker.documentName("personPage")
                .variable("filter", Map.of("nationality", List.of("XX"))).execute();
        assertThat(onlyError(response, "BAD_REQUEST").getExtensions()).containsEntry("argument",
                "filter.nationality");
    }

    @Test
    void shouldAcceptNationalityCodesInAnyCaseAsTheImporterDoes() {
        HttpGraphQlTester analyst = StaffTokens.as(graphQl, StaffTokens.ANALYST);
        Integer lower = analyst.documentName("personTotalFiltered")
                .variable("filter", Map.of("assessmentYears", List.of(2012), "nationality", List.of("ng", " Ro")))
                .execute()
                .path("personStats.total").entity(Integer.class).get();
        Integer upper = analyst.documentName("personTotalFiltered")
                .variable("filter", Map.of("assessmentYears", List.of(2012), "nationality", List.of("NG", "RO")))
                .execute()
                .path("personStats.total").entity(Integer.class).get();
        assertThat(lower).isEqualTo(upper).isPositive();
    }

    @Test
    void shouldRefuseAYearOutsideTheImportersRangeNamingTheArgument() {
        for (String list : List.of("assessmentYears", "outcomeYears")) {
            ResponseError error = onlyError(graphQl.documentName("personTotalFiltered")
                    .variable("filter", Map.of(list, List.of(2012, 99999))).execute(), "BAD_REQUEST");
            assertThat(error.getMessage()).contains("99999", "filter." + list);
            assertThat(error.getExtensions()).containsEntry("argument", "filter." + list);
        }
        ResponseError hotline = onlyError(graphQl.document("{ hotlineStats(filter: {years: [1850]}) { total } }")
                .execute(), "BAD_REQUEST");
        assertThat(hotline.getExtensions()).containsEntry("argument", "filter.years");
        ResponseError outreach = onlyError(graphQl
                .document("{ outreachStats(filter: {years: [99999]}) { activities } }").execute(), "BAD_REQUEST");
        assertThat(outreach.getExtensions()).containsEntry("argument", "filter.years");
    }

    @Test
    void shouldAnswerAnUnknownEnumValueWithAValidationError() {
        ResponseError error = onlyError(graphQl.documentName("invalidEnumValue").execute(), "ValidationError");
        assertThat(error.getMessage()).contains("'SHOE_SIZE'").doesNotContain("EnumValue{", "ArrayValue{");
        assertThat(error.getExtensions()).containsEntry("argument", "groupBy[0]");
    }

    @Test
    void shouldAnswerAnArgumentOfTheWrongTypeWithAValidationError() {
        ResponseError literal = onlyError(graphQl.documentName("wrongArgumentType").execute(), "ValidationError");
        assertThat(literal.getMessage()).contains("'\"thirty\"'").doesNotContain("Value{", "ObjectField{");
        assertThat(literal.getExtensions()).containsEntry("argument", "filter.ageMin");
        var viaVariables = graphQl.documentName("personTotalFiltered")
                .variable("filter", Map.of("gender", List.of("WOMAN"))).execute();
        onlyError(viaVariables, "ValidationError");
    }

    @Test
    void shouldAnswerAnUnknownFieldWithAValidationError() {
        onlyError(graphQl.documentName("unknownField").execute(), "ValidationError");
    }

    @Test
    void shouldAnswerAMalformedDocumentWithASyntaxError() {
        onlyError(graphQl.documentName("malformedDocument").execute(), "InvalidSyntax");
    }

    @Test
    void shouldAnswerFieldErrorsWithHttp200WhateverMediaTypeTheClientAccepts() {
        RawHttp http = new RawHttp(port);
        Map<String, Object> emptyAgeRange = Map.of("filter", Map.of("ageMin", 9, "ageMax", 8));
        for (String accept : List.of("application/json", "application/graphql-response+json")) {
            HttpResponse<String> response = http.graphQl("personTotalFiltered", emptyAgeRange, accept);
            assertThat(response.statusCode()).as(accept).isEqualTo(200);
            assertThat(response.body()).contains("BAD_REQUEST").doesNotContain("Exception");
        }
    }

    /**
     * Documents that cannot run at all (syntax or validation errors): HTTP 200 for {@code application/json}, which
     * GraphQL clients have always used; HTTP 400 for {@code application/graphql-response+json}, as the GraphQL over
     * HTTP specification asks. The body is the same GraphQL error either way.
     */
    @Test
    void shouldAnswerRequestErrorsWith200ForJsonAnd400ForGraphQlResponseJson() {
        RawHttp http = new RawHttp(port);
        for (String document : List.of("invalidEnumValue", "wrongArgumentType", "malformedDocument")) {
            HttpResponse<String> json = http.graphQl(document, Map.of(), "application/json");
            assertThat(json.statusCode()).as(document).isEqualTo(200);
            assertThat(RawHttp.json(json.body())).containsKey("errors").doesNotContainKey("data");
            HttpResponse<String> spec = http.graphQl(document, Map.of(), "application/graphql-response+json");
            assertThat(spec.statusCode()).as(document).isEqualTo(400);
            assertThat(RawHttp.json(spec.body())).containsKey("errors");
        }
    }

    @Test
    void shouldAnswerABodyThatIsNoGraphQlRequestWith400Not500() {
        RawHttp http = new RawHttp(port);
        assertThat(http.post("/graphql", "{ this is not json").statusCode()).isEqualTo(400);
        assertThat(http.post("/graphql", "{\"variables\": {}}").statusCode()).isEqualTo(400);
    }
}
