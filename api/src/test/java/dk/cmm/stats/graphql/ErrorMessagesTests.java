package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** graphql-java's printed syntax-tree values become GraphQL as the client wrote it. */
class ErrorMessagesTests {

    @Test
    void shouldWriteEnumListAndObjectValuesAsGraphQl() {
        assertThat(ErrorMessages.readable("argument 'groupBy' with value 'ArrayValue{values=["
                + "EnumValue{name='SLAVERY'}, EnumValue{name='GENDER'}]}' is not a valid 'PersonDimension' - "
                + "'EnumValue{name='SLAVERY'}'"))
                .isEqualTo("argument 'groupBy' with value '[SLAVERY, GENDER]' is not a valid 'PersonDimension' - "
                        + "'SLAVERY'");
        assertThat(ErrorMessages.readable("value 'ObjectValue{objectFields=[ObjectField{name='ageMin', "
                + "value=StringValue{value='thirty'}}, ObjectField{name='years', value=ArrayValue{values=["
                + "IntValue{value=2012}, VariableReference{name='y'}]}}]}'"))
                .isEqualTo("value '{ageMin: \"thirty\", years: [2012, $y]}'");
        assertThat(ErrorMessages.readable("'ObjectValue{objectFields=[ObjectField{name='input', value=ObjectValue{"
                + "objectFields=[ObjectField{name='year', value=IntValue{value=2012}}]}}, ObjectField{name='x', "
                + "value=ArrayValue{values=[ArrayValue{values=[NullValue{}]}]}}]}'"))
                .isEqualTo("'{input: {year: 2012}, x: [[null]]}'");
    }

    @Test
    void shouldOfferTheNearestNamesOnlyWhenSomeAreNear() {
        assertThat(ErrorMessages.didYouMean("yeers", java.util.List.of("years", "codebook", "personStats")))
                .isEqualTo(". Did you mean 'years'?");
        assertThat(ErrorMessages.didYouMean("GENEDR", java.util.List.of("GENDER", "REGION", "AGE_GROUP")))
                .isEqualTo(". Did you mean 'GENDER'?");
        assertThat(ErrorMessages.didYouMean("banana", java.util.List.of("years", "codebook"))).isEmpty();
    }
}
