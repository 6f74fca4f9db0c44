package dk.cmm.stats.report;

import static dk.cmm.stats.stats.PersonDimension.ACCOMMODATION;
import static dk.cmm.stats.stats.PersonDimension.AGE_GROUP;
import static dk.cmm.stats.stats.PersonDimension.ASSESSED_BY;
import static dk.cmm.stats.stats.PersonDimension.ASSESSMENT_YEAR;
import static dk.cmm.stats.stats.PersonDimension.CONTACT_CHANNEL;
import static dk.cmm.stats.stats.PersonDimension.EXPLOITATION;
import static dk.cmm.stats.stats.PersonDimension.GENDER;
import static dk.cmm.stats.stats.PersonDimension.LABOUR_SECTOR;
import static dk.cmm.stats.stats.PersonDimension.NATIONALITY;
import static dk.cmm.stats.stats.PersonDimension.REGION;
import static dk.cmm.stats.stats.PersonDimension.STATUS;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import dk.cmm.stats.codebook.Exploitation;
import dk.cmm.stats.codebook.Status;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.PersonQuery;

/**
 * Every question the annual report of a year asks about persons: whom it counts and how it breaks them down. The
 * report's answers are kept by these names ({@link YearAnswers}), and in this order they are asked and listed in
 * {@code report-tables.json}.
 */
enum ReportQuestion {
    BY_AUTHORITY(Persons.OF_YEAR, ASSESSED_BY),
    BY_CHANNEL(Persons.OF_YEAR, true, CONTACT_CHANNEL),
    BY_REGION(Persons.OF_YEAR, REGION),
    BY_NATIONALITY(Persons.OF_YEAR, NATIONALITY),
    BY_EXPLOITATION(Persons.OF_YEAR, EXPLOITATION),
    FORCED_LABOUR_BY_SECTOR(Persons.IN_FORCED_LABOUR, LABOUR_SECTOR),
    FORCED_LABOUR_BY_SECTOR_AND_GENDER(Persons.IN_FORCED_LABOUR, LABOUR_SECTOR, GENDER),
    EXPLOITATION_BY_GENDER(Persons.OF_YEAR, EXPLOITATION, GENDER),
    BY_GENDER(Persons.OF_YEAR, GENDER),
    BY_AGE_GROUP(Persons.OF_YEAR, true, AGE_GROUP),
    BY_STATUS(Persons.OF_YEAR, STATUS),
    IOM_RETURNS_OF_YEAR_BY_NATIONALITY(Persons.IOM_RETURNED_IN_YEAR, NATIONALITY),
    CMM_RETURNS_BY_NATIONALITY(Persons.CMM_RETURNS, NATIONALITY),
    DECLINED_BY_NATIONALITY(Persons.DECLINED_OR_LEFT, NATIONALITY),
    YEARLY(Persons.SERIES, ASSESSMENT_YEAR),
    YEARLY_BY_AUTHORITY(Persons.SERIES, ASSESSMENT_YEAR, ASSESSED_BY),
    IOM_RETURNS_BY_ACCOMMODATION(Persons.IOM_RETURNS, ACCOMMODATION),
    IOM_RETURNS_BY_GENDER(Persons.IOM_RETURNS, GENDER),
    IOM_RETURNS_OF_YEAR_BY_ASSESSMENT_YEAR(Persons.IOM_RETURNED_IN_YEAR, ASSESSMENT_YEAR),
    IOM_RETURNS_OF_YEAR_BY_GENDER(Persons.IOM_RETURNED_IN_YEAR, GENDER),
    CMM_RETURNS_BY_ACCOMMODATION(Persons.CMM_RETURNS, ACCOMMODATION),
    EU_CITIZENS_BY_NATIONALITY(Persons.STAYED_EU_CITIZEN, NATIONALITY);

    /** Figures 1 and 2 show the report year and the five before it. */
    static final int SERIES_YEARS = 6;

    private final Persons persons;
    private final boolean includeEmpty;
    private final List<PersonDimension> groupBy;

    ReportQuestion(Persons persons, PersonDimension... groupBy) {
        this(persons, false, groupBy);
    }

    /** @param includeEmpty whether the figure shows the codes without persons, as zeros */
    ReportQuestion(Persons persons, boolean includeEmpty, PersonDimension... groupBy) {
        this.persons = persons;
        this.includeEmpty = includeEmpty;
        this.groupBy = List.of(groupBy);
    }

    /** The question as the report of {@code year} asks it. */
    PersonQuery of(int year) {
        return new PersonQuery(persons.filter.apply(year), groupBy, includeEmpty);
    }

    /** The years of the series in the report of {@code year}: it and the five before it. */
    static List<Integer> seriesYears(int year) {
        return IntStream.rangeClosed(year - SERIES_YEARS + 1, year).boxed().toList();
    }

    /** The persons supported in an assisted return in the year, whose support is weighed against an IOM return. */
    static PersonFilter cmmReturns(int year) {
        return Persons.CMM_RETURNS.filter.apply(year);
    }

    /** Whom a question counts, for the report of a year. */
    private enum Persons {
        OF_YEAR(Persons::ofYear),
        IN_FORCED_LABOUR(year -> ofYear(year).toBuilder().exploitation(Exploitation.FORCED_LABOUR).build()),
        IOM_RETURNS(year -> withStatus(year, Status.PREPARED_RETURN_IOM)),
        /** Of every assessment year: the returns prepared with IOM that took place in the year. */
        IOM_RETURNED_IN_YEAR(year -> PersonFilter.builder().status(Status.PREPARED_RETURN_IOM).outcomeYears(year)
                .build()),
        CMM_RETURNS(year -> withStatus(year, Status.ASSISTED_RETURN_CMM)),
        DECLINED_OR_LEFT(year -> withStatus(year, Status.DECLINED_OR_LEFT)),
        STAYED_EU_CITIZEN(year -> withStatus(year, Status.STAYED_EU_CITIZEN)),
        SERIES(year -> PersonFilter.builder().assessmentYears(seriesYears(year)).build());

        private final IntFunction<PersonFilter> filter;

        Persons(IntFunction<PersonFilter> filter) {
            this.filter = filter;
        }

        private static PersonFilter ofYear(int year) {
            return PersonFilter.builder().assessmentYears(year).build();
        }

        private static PersonFilter withStatus(int year, Status status) {
            return ofYear(year).toBuilder().status(status).build();
        }
    }
}
