package io.tandem.matching.engine.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/** Lets the bench run the CLI in-process. */
public final class Bridge {

    private Bridge() {}

    public static int run(String[] args, PrintStream out) {
        return Main.run(args, out, new PrintStream(OutputStream.nullOutputStream()));
    }
}
