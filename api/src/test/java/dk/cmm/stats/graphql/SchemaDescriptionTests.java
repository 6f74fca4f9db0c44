package dk.cmm.stats.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import graphql.language.AbstractDescribedNode;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * Every type, field, argument and enum value of the schema files has a description (GraphiQL and codegen show them
 * to front-end developers), counted as graphql-js's introspection counts them; and no description promises work
 * that is done.
 */
class SchemaDescriptionTests {

    @Test
    void shouldDescribeEveryTypeFieldArgumentAndEnumValue() throws IOException {
        TypeDefinitionRegistry registry = schema();
        List<String> missing = new ArrayList<>();
        int elements = 0;
        @SuppressWarnings("rawtypes")
        List<TypeDefinition> types = new ArrayList<>(registry.types().values());
        registry.objectTypeExtensions().values().forEach(types::addAll);
        for (TypeDefinition<?> type : types) {
            AbstractDescribedNode<?> described = (AbstractDescribedNode<?>) type;
            boolean extension = type instanceof graphql.language.ObjectTypeExtensionDefinition;
            if (!extension) {
                elements++;
                check(described, type.getName(), missing);
            }
            if (type instanceof ObjectTypeDefinition object) {
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    elements++;
                    check(field, type.getName() + "." + field.getName(), missing);
                    for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                        elements++;
                        check(argument, type.getName() + "." + field.getName() + "(" + argument.getName() + ")",
                                missing);
                    }
                }
            } else if (type instanceof InputObjectTypeDefinition input) {
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    elements++;
                    check(field, type.getName() + "." + field.getName(), missing);
                }
            } else if (type instanceof EnumTypeDefinition enumType) {
                enumType.getEnumValueDefinitions().forEach(value -> check(value,
                        type.getName() + "." + value.getName(), missing));
                elements += enumType.getEnumValueDefinitions().size();
            }
        }
        assertThat(elements).as("elements checked").isGreaterThan(300);
        assertThat(missing).as("schema elements without a description").isEmpty();
    }

    @Test
    void shouldNotPromiseWorkThatIsDone() throws IOException {
        assertThat(schemaText()).doesNotContain("come with the security issue").doesNotContain("security issue");
    }

    private static void check(AbstractDescribedNode<?> node, String name, List<String> missing) {
        if (node.getDescription() == null || node.getDescription().getContent().isBlank()) {
            missing.add(name);
        }
    }

    static TypeDefinitionRegistry schema() throws IOException {
        return new SchemaParser().parse(schemaText());
    }

    static String schemaText() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
            try (InputStream in = file.getInputStream()) {
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }
}
