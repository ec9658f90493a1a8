package io.tandem.matching.engine.cli;

import io.tandem.matching.engine.Algorithm;
import io.tandem.matching.engine.Assignment;
import io.tandem.matching.engine.Capacities;
import io.tandem.matching.engine.Matcher;
import io.tandem.matching.engine.Objective;
import io.tandem.matching.engine.ScoreMatrix;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code solve --matrix M [--capacities C] [--objective total|participation|fair] [--algorithm
 * optimal|greedy|stable]}: prints the assignment as one JSON object. Bad input exits with code 2
 * and one line on stderr naming the file and line.
 */
public final class Main {

    static final String USAGE =
            "usage: solve --matrix M [--capacities C] [--objective total|participation|fair]"
                    + " [--algorithm optimal|greedy|stable]";

    private Main() {}

    public static void main(String[] args) {
        PrintStream out =
                new PrintStream(
                        new java.io.FileOutputStream(java.io.FileDescriptor.out),
                        false,
                        StandardCharsets.UTF_8);
        int code = run(args, out, System.err);
        out.flush();
        System.exit(code);
    }

    /** Runs the CLI; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            if (options == null) {
                out.println(USAGE);
                return 0;
            }
            long t0 = System.nanoTime();
            ScoreMatrix matrix = InstanceFiles.readMatrix(options.matrix);
            Capacities capacities =
                    options.capacities == null
                            ? Capacities.uniform(matrix.cols(), 1)
                            : InstanceFiles.readCapacities(options.capacities, matrix.cols());
            long t1 = System.nanoTime();
            Assignment a = Matcher.solve(matrix, capacities, options.objective, options.algorithm);
            long t2 = System.nanoTime();
            out.println(json(options, a, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
            return 0;
        } catch (InputException e) {
            err.println(e.getMessage());
            return 2;
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give the JVM more heap with -Xmx");
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return 1;
        }
    }

    static String json(Options options, Assignment a, long readMillis, long solveMillis) {
        int[] mentorOf = a.mentorOfMentee();
        StringBuilder s = new StringBuilder(64 + 6 * mentorOf.length);
        s.append("{\"objective\":\"")
                .append(options.objective.name().toLowerCase(Locale.ROOT))
                .append("\",\"algorithm\":\"")
                .append(options.algorithm.name().toLowerCase(Locale.ROOT))
                .append("\",\"total\":")
                .append(a.total())
                .append(",\"matched\":")
                .append(a.matched())
                .append(",\"minScore\":")
                .append(a.minScore().isPresent() ? String.valueOf(a.minScore().getAsInt()) : "null")
                .append(",\"assignment\":[");
        for (int i = 0; i < mentorOf.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(mentorOf[i]);
        }
        s.append("],\"readMillis\":")
                .append(readMillis)
                .append(",\"solveMillis\":")
                .append(solveMillis)
                .append('}');
        return s.toString();
    }

    static final class Options {
        String matrix;
        String capacities;
        Objective objective = Objective.TOTAL;
        Algorithm algorithm = Algorithm.OPTIMAL;

        /** The options, or null when help was asked for. */
        static Options parse(String[] args) throws InputException {
            if (args.length == 0) {
                throw new InputException(USAGE);
            }
            if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
                return null;
            }
            if (!args[0].equals("solve")) {
                throw new InputException("unknown command '" + args[0] + "'; " + USAGE);
            }
            Options o = new Options();
            for (int k = 1; k < args.length; k++) {
                String flag = args[k];
                String value = null;
                int eq = flag.indexOf('=');
                if (flag.startsWith("--") && eq > 0) {
                    value = flag.substring(eq + 1);
                    flag = flag.substring(0, eq);
                }
                if (flag.equals("--help") || flag.equals("-h")) {
                    return null;
                }
                if (!flag.equals("--matrix")
                        && !flag.equals("--capacities")
                        && !flag.equals("--objective")
                        && !flag.equals("--algorithm")) {
                    throw new InputException("unknown option '" + flag + "'; " + USAGE);
                }
                if (value == null) {
                    if (k + 1 >= args.length) {
                        throw new InputException("missing value for " + flag);
                    }
                    value = args[++k];
                }
                switch (flag) {
                    case "--matrix" -> o.matrix = value;
                    case "--capacities" -> o.capacities = value;
                    case "--objective" -> o.objective = parse(Objective.class, flag, value);
                    default -> o.algorithm = parse(Algorithm.class, flag, value);
                }
            }
            if (o.matrix == null) {
                throw new InputException("missing --matrix; " + USAGE);
            }
            return o;
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String flag, String value)
                throws InputException {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                StringBuilder allowed = new StringBuilder();
                for (E c : type.getEnumConstants()) {
                    allowed.append(allowed.length() == 0 ? "" : "|")
                            .append(c.name().toLowerCase(Locale.ROOT));
                }
                throw new InputException(
                        "invalid " + flag + " '" + value + "'; expected " + allowed);
            }
        }
    }
}
