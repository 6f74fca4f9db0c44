package dk.cmm.stats.importer;

import java.util.Map;

import org.apache.poi.ss.util.CellReference;

/** A worksheet's name and the column of each field its header row names: where a problem's cell is. */
public record SheetColumns(String sheet, Map<String, Integer> columns) {

    /** The cell of a field on a row (1-based), {@code Sheet1!C7}; a field without a column gives the row. */
    String cell(long row, String field) {
        Integer column = columns.get(field);
        return column == null ? reference() + " row " + row : cell(row, column);
    }

    /** The cell of a column on a row, {@code Sheet1!C7}. */
    String cell(long row, int column) {
        return reference() + "!" + CellReference.convertNumToColString(column) + row;
    }

    /** The sheet's name, quoted as Excel does when it holds anything but letters, digits and _. */
    String reference() {
        return sheet.matches("[\\p{L}_][\\p{L}\\p{N}_.]*") ? sheet : "'" + sheet.replace("'", "''") + "'";
    }
}
