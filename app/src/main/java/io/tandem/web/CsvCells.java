package io.tandem.web;

/**
 * Cells for CSV files people open in a spreadsheet. A cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be read as a formula (CSV injection), so
 * it gets a leading apostrophe, which spreadsheets show as text.
 */
public final class CsvCells {

    private CsvCells() {}

    public static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
