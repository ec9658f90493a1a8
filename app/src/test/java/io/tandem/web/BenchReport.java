package io.tandem.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A bench's figures as a plain-text table with its notes, printed and written under target/. */
public final class BenchReport {

    private BenchReport() {}

    /** Prints the table and its notes, and writes them to {@code target/<file>}. */
    public static void print(
            String title, String[] header, List<String[]> rows, List<String> notes, String file)
            throws IOException {
        int[] width = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder("\n").append(title).append('\n');
        for (int r = 0; r < all.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                cells.add(String.format("%-" + width[i] + "s", all.get(r)[i]));
            }
            out.append(String.join(" | ", cells).stripTrailing()).append('\n');
            if (r == 0) {
                out.append(String.join("-|-", Arrays.stream(width).mapToObj("-"::repeat).toList()))
                        .append('\n');
            }
        }
        notes.forEach(line -> out.append(line).append('\n'));
        System.out.println(out);
        Path report = Paths.get("target", file);
        Files.createDirectories(report.getParent());
        Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
    }
}
