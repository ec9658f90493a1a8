package io.tandem.matching.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTests {

    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                Main.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    @Test
    void printsTheOptimumAsJson() throws IOException {
        String m = file("m.txt", "3 2\n5 1\n2 -1\n0 4\n");
        Result r = run("solve", "--matrix", m, "--objective", "fair");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().trim())
                .matches(
                        Pattern.quote(
                                        "{\"objective\":\"fair\",\"algorithm\":\"optimal\",\"total\":9,"
                                                + "\"matched\":2,\"minScore\":4,\"assignment\":[0,-1,1],"
                                                + "\"readMillis\":")
                                + "\\d+,\"solveMillis\":\\d+}");
    }

    @Test
    void usesCapacitiesAndEveryAlgorithm() throws IOException {
        String m = file("m.txt", "3 2\r\n5 1\r\n\r\n4 2\r\n3 0\r\n");
        String c = file("c.txt", "2\n1\n");
        for (String algorithm : new String[] {"optimal", "greedy", "stable"}) {
            Result r = run("solve", "--matrix", m, "--capacities", c, "--algorithm", algorithm);
            assertThat(r.code()).as(algorithm).isZero();
            assertThat(r.out()).contains("\"matched\":3");
        }
        Result total = run("solve", "--matrix=" + m, "--capacities=" + c);
        assertThat(total.out()).contains("\"total\":10", "\"assignment\":[0,1,0]");
    }

    @Test
    void printsNullMinScoreWhenNobodyIsMatched() throws IOException {
        String m = file("m.txt", "2 1\n-1\n-5\n");
        Result r = run("solve", "--matrix", m);
        assertThat(r.out())
                .contains("\"total\":0,\"matched\":0,\"minScore\":null,\"assignment\":[-1,-1]");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "3 2\\n1 2\\n3\\n4 5\\n       | m.txt:3: expected 2 integers, found 1",
                "2 2\\n1 2\\n3 x4\\n           | m.txt:3: not an integer: 'x4'",
                "2 2\\n1 2\\n3 4.5\\n          | m.txt:3: not an integer: '4.5'",
                "2 2\\n1 2\\n                  | m.txt:3: expected 2 rows, found 1",
                "1 2\\n1 2\\n3 4\\n            | m.txt:3: expected 1 rows, found more",
                "2\\n                          | m.txt:1: expected 2 integers 'ROWS COLS', found 1",
                "1 1\\n99999999999\\n          | m.txt:2: integer out of range",
                "''                            | m.txt:1: empty file, expected 'ROWS COLS'",
            })
    void rejectsAMalformedMatrixNamingFileAndLine(String content, String message)
            throws IOException {
        file("m.txt", content.replace("\\n", "\n"));
        Result r = run("solve", "--matrix", dir.resolve("m.txt").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo(
                        dir.resolve(message.split(":")[0])
                                + message.substring(message.indexOf(':'))
                                + System.lineSeparator());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1 2\\n        | c.txt:1: expected 3 capacities (one per matrix column), found 2",
                "1\\n2\\n3 4\\n | c.txt:3: expected 3 capacities (one per matrix column), found more",
                "1 -2 3\\n     | c.txt:1: negative capacity -2",
                "1 two 3\\n    | c.txt:1: not an integer: 'two'",
            })
    void rejectsCapacitiesThatDoNotFitTheMatrix(String content, String message) throws IOException {
        String m = file("m.txt", "1 3\n1 2 3\n");
        file("c.txt", content.replace("\\n", "\n"));
        Result r = run("solve", "--matrix", m, "--capacities", dir.resolve("c.txt").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        dir.resolve("c.txt")
                                + message.substring(message.indexOf(':'))
                                + System.lineSeparator());
    }

    @Test
    void rejectsMissingFilesAndUnknownOptionsInOneLine() throws IOException {
        String m = file("m.txt", "1 1\n1\n");
        Result missing = run("solve", "--matrix", dir.resolve("nope.txt").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err())
                .isEqualTo(dir.resolve("nope.txt") + ": file not found" + System.lineSeparator());
        for (String[] args :
                new String[][] {
                    {"solve", "--matrix", m, "--speed", "fast"},
                    {"solve", "--matrix", m, "--objective", "best"},
                    {"solve", "--matrix"},
                    {"solve"},
                    {"mix", "--matrix", m},
                    {},
                }) {
            Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception");
        }
    }
}
