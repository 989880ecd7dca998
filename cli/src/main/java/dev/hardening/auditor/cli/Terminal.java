package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.io.PrintStream;

/**
 * The process's output streams, with every line passed through the redactor, and whether a human
 * is watching (a progress line is drawn only then).
 */
final class Terminal {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final SecretRedactor redactor;

    Terminal(PrintStream out, PrintStream err, boolean interactive, SecretRedactor redactor) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.redactor = redactor;
    }

    static Terminal system(SecretRedactor redactor) {
        // System.console() is null when stdin or stdout is redirected: no progress line then.
        boolean interactive = System.console() != null && System.getenv("CI") == null;
        return new Terminal(System.out, System.err, interactive, redactor);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean interactive() {
        return interactive;
    }

    SecretRedactor redactor() {
        return redactor;
    }

    void info(String line) {
        err.println(redactor.redact(line));
    }

    void error(String line) {
        err.println("error: " + redactor.redact(line));
    }
}
