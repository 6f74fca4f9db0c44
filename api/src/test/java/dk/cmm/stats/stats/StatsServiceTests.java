package dk.cmm.stats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dk.cmm.stats.codebook.CallerType;
import dk.cmm.stats.codebook.Exploitation;

/** The statistics service answers the 2012 report's breakdowns from the bundled data on the embedded server. */
@SpringBootTest(properties = "cmm.data-dir=target/test-data/${random.uuid}")
class StatsServiceTests {

    @Autowired
    StatsService stats;

    private final PersonFilter y2012 = PersonFilter.builder().assessmentYears(2012).build();

    @Test
    void shouldGroupPersonsByOneDimensionWithSharesSortedByCount() {
        Stats byAuthority = stats.personStats(y2012, List.of(PersonDimension.ASSESSED_BY), false);
        assertThat(byAuthority.total()).isEqualTo(66);
        assertThat(byAuthority.groups()).extracting(Group::code).containsExactly("IMMIGRATION_SERVICE", "CMM");
        assertThat(byAuthority.groups()).extracting(Group::count).containsExactly(45, 21);
        assertThat(byAuthority.groups().get(0).share()).isEqualTo(45 / 66.0);
    }

    @Test
    void shouldCrossTabulateForcedLabourBySectorAndGender() {
        PersonFilter forcedLabour = y2012.toBuilder().exploitation(Exploitation.FORCED_LABOUR).build();
        Stats crossTab = stats.personStats(forcedLabour, List.of(PersonDimension.LABOUR_SECTOR,
                PersonDimension.GENDER), false);
        assertThat(crossTab.total()).isEqualTo(17);
        assertThat(crossTab.group("CLEANING", "MALE").orElseThrow().count()).isEqualTo(4);
        assertThat(crossTab.group("CLEANING", "FEMALE").orElseThrow().count()).isEqualTo(3);
        assertThat(crossTab.group("DOMESTIC_WORK", "FEMALE").orElseThrow().count()).isEqualTo(4);
        assertThat(crossTab.group("CANNABIS_PRODUCTION", "MALE").orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void shouldSummariseAgeAndStayDays() {
        Stats all = stats.personStats(y2012, List.of(), false);
        assertThat(all.age().count()).isEqualTo(66);
        assertThat(all.age().min()).isEqualTo(18.0);
        assertThat(all.age().max()).isEqualTo(61.0);
        assertThat(Math.round(all.age().mean())).isEqualTo(30);
        assertThat(all.age().median()).isBetween(18.0, 61.0);
        assertThat(all.groups()).isEmpty();
    }

    @Test
    void shouldGroupAbsentAttributesUnderUnknownAndAddEmptyCodesOnRequest() {
        Stats genders2011 = stats.personStats(PersonFilter.builder().assessmentYears(2011).build(),
                List.of(PersonDimension.GENDER), true);
        assertThat(genders2011.count("UNKNOWN")).isEqualTo(54);
        assertThat(genders2011.count("FEMALE")).isEqualTo(6);
        assertThat(genders2011.group("MALE").orElseThrow().count()).isZero();
        assertThat(genders2011.group("OTHER")).isPresent();
    }

    @Test
    void shouldCountHotlineCallsByCallerAndReason() {
        Stats byCaller = stats.hotlineStats(HotlineFilter.year(2012), List.of(HotlineDimension.CALLER_TYPE), false);
        assertThat(byCaller.total()).isEqualTo(182);
        assertThat(byCaller.groups().get(0).code()).isEqualTo("POLICE");
        assertThat(byCaller.count("POLICE")).isEqualTo(111);
        Stats police = stats.hotlineStats(new HotlineFilter(List.of(2012), List.of(CallerType.POLICE), null),
                List.of(HotlineDimension.REASON), false);
        assertThat(police.groups()).extracting(Group::count).containsExactly(55, 34, 22);
    }

    @Test
    void shouldComputeEveryOutreachProgrammesFigures() {
        Map<String, OutreachRow> rows = stats.outreachStats(OutreachFilter.year(2012),
                List.of(OutreachDimension.PROGRAMME)).stream()
                .collect(Collectors.toMap(OutreachRow::code, Function.identity()));
        OutreachRow cph = rows.get("STREET_COPENHAGEN");
        assertThat(List.of(cph.activities(), cph.observed(), cph.observedNew(), cph.assessedTrafficked()))
                .containsExactly(40, 674, 135, 0);
        assertThat(cph.uniquePersons()).isNull();
        OutreachRow odense = rows.get("STREET_ODENSE");
        assertThat(List.of(odense.activities(), odense.contacts(), odense.uniquePersons(), odense.nationalities(),
                odense.newPersons(), odense.assessedTrafficked())).containsExactly(62, 193, 21, 6, 9, 4);
        OutreachRow clinics = rows.get("CLINIC_OUTREACH");
        assertThat(List.of(clinics.activities(), clinics.contacts(), clinics.assessedTrafficked()))
                .containsExactly(370, 384, 5);
        OutreachRow mos = rows.get("MEETING_PLACE_VESTERBRO");
        assertThat(mos.contacts()).isEqualTo(2907);
        assertThat(mos.uniquePersons()).isEqualTo(350);
        assertThat(mos.newPersons()).isEqualTo(200);
        assertThat(mos.contactsPerActivity().min()).isEqualTo(3.0);
        assertThat(mos.contactsPerActivity().max()).isEqualTo(36.0);
        assertThat(Math.round(mos.contactsPerActivity().mean())).isEqualTo(20);
        assertThat(mos.healthServiceUses()).isEqualTo(500);
        assertThat(mos.healthUsesPerPerson().min()).isEqualTo(1.0);
        assertThat(mos.healthUsesPerPerson().max()).isEqualTo(11.0);
        assertThat(mos.abortionReferrals()).isEqualTo(50);
        assertThat(mos.assessedTrafficked()).isEqualTo(4);
        OutreachRow dropIn = rows.get("DROP_IN_FREDERICIA");
        assertThat(dropIn.contacts()).isEqualTo(552);
        assertThat(Math.round((double) dropIn.contacts() / dropIn.activeWeeks())).isEqualTo(11);
        assertThat(dropIn.nationalities()).isEqualTo(23);
        assertThat(dropIn.healthServiceUses()).isEqualTo(167);
        assertThat((double) dropIn.healthServiceUses() / dropIn.activities()).isBetween(3.15, 3.25);
        assertThat(dropIn.newPersons()).isPositive();
        OutreachRow mobile = rows.get("MOBILE_HEALTH");
        assertThat(List.of(mobile.contacts(), mobile.uniquePersons(), mobile.healthServiceUses(),
                mobile.assessedTrafficked())).containsExactly(188, 188, 169, 2);
    }

    @Test
    void shouldGroupOutreachByKindAndCityThroughTheProgrammeRecords() {
        List<OutreachRow> byKind = stats.outreachStats(OutreachFilter.year(2012),
                List.of(OutreachDimension.PROGRAMME_KIND));
        OutreachRow street = byKind.stream().filter(r -> r.code().equals("STREET")).findFirst().orElseThrow();
        assertThat(street.activities()).isEqualTo(102);
        assertThat(street.assessedTrafficked()).isEqualTo(4);
        List<OutreachRow> byMonth = stats.outreachStats(OutreachFilter.year(2012), List.of(OutreachDimension.MONTH));
        assertThat(byMonth).hasSize(12);
        assertThat(byMonth.stream().mapToInt(OutreachRow::activities).sum()).isEqualTo(716);
        assertThat(byMonth.stream().mapToInt(OutreachRow::assessedTrafficked).sum()).isEqualTo(15);
    }
}
