package dk.cmm.stats.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who may call which field: closed by default for every change and every way to read persons. */
class FieldPolicyTests {

    @Test
    void shouldRequireACaseworkerForEveryMutationIncludingOnesNotYetWritten() {
        for (String field : new String[] { "createPerson", "updatePerson", "recordHotlineCall", "deleteEverything" }) {
            assertThat(FieldPolicy.rule("Mutation", field, "Anything", false).required()).isEqualTo(Role.CASEWORKER);
        }
        assertThat(FieldPolicy.rule("Mutation", "createPerson", "Person", false).auditAs())
                .isEqualTo("CREATE_PERSON");
        assertThat(FieldPolicy.rule("Mutation", "recordOutreachActivity", "OutreachActivity", false).auditAs())
                .isEqualTo("RECORD_OUTREACH_ACTIVITY");
    }

    @Test
    void shouldRequireACaseworkerForAnyQueryReturningPersons() {
        FieldPolicy.Rule list = FieldPolicy.rule("Query", "persons", "PersonConnection", false);
        assertThat(list.required()).isEqualTo(Role.CASEWORKER);
        assertThat(list.auditAs()).isEqualTo("LIST_PERSONS");
        FieldPolicy.Rule one = FieldPolicy.rule("Query", "person", "Person", false);
        assertThat(one.auditAs()).isEqualTo("READ_PERSON");
        assertThat(FieldPolicy.rule("Query", "somethingNew", "Person", true).auditAs()).isEqualTo("LIST_PERSONS");
    }

    @Test
    void shouldOpenTheStatisticsToEveryoneLeavingDisclosureToItsOwnBoundary() {
        assertThat(FieldPolicy.rule("Query", "personStats", "Stats", false)).isNull();
        assertThat(FieldPolicy.rule("Query", "outreachStats", "OutreachRow", true)).isNull();
        assertThat(FieldPolicy.rule("Query", "codebook", "Dimension", true)).isNull();
        assertThat(FieldPolicy.rule("Stats", "total", "Int", false)).isNull();
    }

    @Test
    void shouldOrderTheRolesSoThatEachIncludesTheOnesBefore() {
        assertThat(Role.ADMIN.includes(Role.CASEWORKER)).isTrue();
        assertThat(Role.CASEWORKER.includes(Role.ANALYST)).isTrue();
        assertThat(Role.ANALYST.includes(Role.CASEWORKER)).isFalse();
        assertThat(Role.ANONYMOUS.includes(Role.ANALYST)).isFalse();
        assertThat(Role.CASEWORKER.authorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ANALYST", "ROLE_CASEWORKER");
        assertThat(Role.parse("role_admin")).isEqualTo(Role.ADMIN);
    }
}
