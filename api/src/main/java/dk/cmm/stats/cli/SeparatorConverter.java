package dk.cmm.stats.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --separator ';'} or {@code ','}, the two separators the importer recognises. */
final class SeparatorConverter implements ITypeConverter<Character> {

    @Override
    public Character convert(String value) {
        if (value.equals(";") || value.equals(",")) {
            return value.charAt(0);
        }
        throw new TypeConversionException("the separator must be ';' or ',', not '" + value + "'");
    }
}
