package dk.cmm.stats.cli;

import dk.cmm.stats.importer.RecordKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --kind persons|activities|hotline|programmes|year-notes}. */
final class KindConverter implements ITypeConverter<RecordKind> {

    @Override
    public RecordKind convert(String value) {
        return RecordKind.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a kind of record (" + RecordKind.optionNames() + ")"));
    }
}
