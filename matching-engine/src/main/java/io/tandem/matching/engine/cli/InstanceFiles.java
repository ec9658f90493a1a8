package io.tandem.matching.engine.cli;

import io.tandem.matching.engine.Capacities;
import io.tandem.matching.engine.ScoreMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the CLI's matrix and capacities files, naming file and line in every error. */
final class InstanceFiles {

    private InstanceFiles() {}

    /** First line {@code ROWS COLS}, then ROWS lines of COLS integers; blank lines are skipped. */
    static ScoreMatrix readMatrix(String file) throws InputException {
        try (InputStream in = open(file)) {
            IntLines lines = new IntLines(in, file);
            int[] header = new int[2];
            int count;
            do {
                count = lines.readLine(header, 0, 2);
            } while (count == 0);
            if (count < 0) {
                throw new InputException(file + ":1: empty file, expected 'ROWS COLS'");
            }
            if (count != 2) {
                throw new InputException(
                        lines.where() + "expected 2 integers 'ROWS COLS', found " + count);
            }
            int rows = header[0];
            int cols = header[1];
            if (rows < 0 || cols < 0) {
                throw new InputException(lines.where() + "negative dimension " + rows + " " + cols);
            }
            if ((long) rows * cols > Integer.MAX_VALUE - 8) {
                throw new InputException(
                        lines.where() + "matrix of " + rows + "x" + cols + " is too large");
            }
            int[] scores = new int[rows * cols];
            int row = 0;
            while (true) {
                count =
                        lines.readLine(
                                scores,
                                Math.min(row, Math.max(0, rows - 1)) * cols,
                                row < rows ? cols : 0);
                if (count < 0) {
                    break;
                }
                if (count == 0) {
                    continue;
                }
                if (cols == 0) {
                    // rows of zero mentors are blank lines, so any number of them is fine
                    throw new InputException(lines.where() + "expected 0 integers, found " + count);
                }
                if (row == rows) {
                    throw new InputException(
                            lines.where() + "expected " + rows + " rows, found more");
                }
                if (count != cols) {
                    throw new InputException(
                            lines.where() + "expected " + cols + " integers, found " + count);
                }
                row++;
            }
            if (row < rows && cols > 0) {
                throw new InputException(
                        file
                                + ":"
                                + (lines.line() + 1)
                                + ": expected "
                                + rows
                                + " rows, found "
                                + row);
            }
            return ScoreMatrix.wrap(rows, cols, scores);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** {@code cols} non-negative integers, whitespace-separated over any number of lines. */
    static Capacities readCapacities(String file, int cols) throws InputException {
        try (InputStream in = open(file)) {
            IntLines lines = new IntLines(in, file);
            int[] values = new int[cols];
            int found = 0;
            int lastLine = 1;
            while (true) {
                int count =
                        lines.readLine(values, Math.min(found, cols), Math.max(0, cols - found));
                if (count < 0) {
                    break;
                }
                if (count == 0) {
                    continue;
                }
                lastLine = lines.line();
                for (int k = found; k < Math.min(cols, found + count); k++) {
                    if (values[k] < 0) {
                        throw new InputException(lines.where() + "negative capacity " + values[k]);
                    }
                }
                found += count;
                if (found > cols) {
                    throw new InputException(
                            lines.where()
                                    + "expected "
                                    + cols
                                    + " capacities (one per matrix column), found more");
                }
            }
            if (found != cols) {
                throw new InputException(
                        file
                                + ":"
                                + lastLine
                                + ": expected "
                                + cols
                                + " capacities (one per matrix column), found "
                                + found);
            }
            return Capacities.of(Arrays.copyOf(values, cols));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static InputStream open(String file) throws InputException, IOException {
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(file + ": invalid file name");
        }
        try {
            if (Files.isDirectory(path)) {
                throw new InputException(file + ": is a directory, expected a file");
            }
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": file not found");
        }
    }
}
