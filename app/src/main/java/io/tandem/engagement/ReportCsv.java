package io.tandem.engagement;

import io.tandem.web.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV written with commons-csv, every text cell neutralised against formula injection: a cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it.
 */
public final class ReportCsv {

    private ReportCsv() {}

    public static String neutralise(String cell) {
        return cell == null ? null : CsvCells.safe(cell);
    }

    /** Writes the header and the rows; numbers stay numbers, every other cell is neutralised. */
    public static void write(Writer out, List<String> header, Iterable<List<?>> rows) {
        write(out, header, rows::forEach);
    }

    /**
     * Writes the header, then each row {@code rows} hands over, straight to {@code out}: an export
     * of thousands of rows never holds them all. Closes {@code out}.
     */
    public static void write(Writer out, List<String> header, Consumer<Consumer<List<?>>> rows) {
        try (CSVPrinter printer =
                new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(header.stream().map(ReportCsv::neutralise).toList());
            rows.accept(row -> print(printer, row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter printer, List<?> row) {
        try {
            printer.printRecord(
                    row.stream()
                            .map(
                                    v ->
                                            v == null
                                                    ? ""
                                                    : v instanceof Number
                                                            ? v
                                                            : neutralise(v.toString()))
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
