package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.check.InvalidCheckMetadataException;
import dev.hardening.auditor.core.report.ToolInfo;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.io.PrintStream;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.SimpleFormatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code auditor}: the command line of the Maintainer Hardening Auditor. */
@Command(name = "auditor", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
        description = "Audits the accounts and release process of open-source maintainers and prints a hardening checklist.",
        subcommands = {DemoCommand.class, AuditCommand.class, ChecksCommand.class, ExplainCommand.class,
                PasswordCheckCommand.class, TokenInspectCommand.class, AttestCommand.class,
                SnapshotCommand.class, HistoryCommand.class, DiffCommand.class, VerifyCommand.class, ExportCommand.class,
                KeysCommand.class, TeamCommand.class, ScanCommand.class},
        footer = {"", "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error; 3 the audit could not run."})
public final class AuditorCommand implements Runnable {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces and a (redacted) log of every HTTP request to standard error.")
    boolean debug;

    /** Set from the raw arguments: picocli resets annotated fields while it parses. */
    private boolean debugRequested;
    private final SecretRedactor redactor = new SecretRedactor();
    private Map<String, String> environment = System.getenv();
    private Terminal terminal;
    private SecretInput secretInput = SecretInput.system();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), null));
    }

    /**
     * Runs the command line and returns the exit code; {@code terminal} may be given by tests.
     */
    static int execute(String[] args, Map<String, String> env, Terminal terminal) {
        return execute(args, env, terminal, null);
    }

    /** As {@link #execute(String[], Map, Terminal)}, with where typed secrets come from ({@code null}: the console or stdin). */
    static int execute(String[] args, Map<String, String> env, Terminal terminal, SecretInput input) {
        AuditorCommand root = new AuditorCommand();
        if (input != null) {
            root.secretInput = input;
        }
        root.environment = env;
        root.terminal = terminal;
        // --debug is inherited by every subcommand; picocli sets an inherited option on the
        // subcommand's copy, so the root reads it from the arguments (before "--", if any).
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--debug")) {
                root.debugRequested = true;
            }
        }
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> root.handle(ex));
        cl.setParameterExceptionHandler((ex, args2) -> {
            Terminal t = root.terminal();
            t.error(ex.getMessage());
            t.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        if (terminal != null) {
            cl.setOut(new java.io.PrintWriter(terminal.out(), true));
            cl.setErr(new java.io.PrintWriter(terminal.err(), true));
        }
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(terminal().out());
    }

    Terminal terminal() {
        if (terminal == null) {
            terminal = Terminal.system(redactor);
        }
        if (debug()) {
            enableDebugLogging(terminal.err());
        }
        return terminal;
    }

    boolean debug() {
        return debug || debugRequested;
    }

    SecretRedactor redactor() {
        return terminal().redactor();
    }

    Map<String, String> environment() {
        return environment;
    }

    SecretInput secretInput() {
        return secretInput;
    }

    private int handle(Exception ex) {
        Terminal t = terminal();
        if (ex instanceof UserError ue) {
            t.error(ue.getMessage());
            return ue.exitCode();
        }
        if (ex instanceof InvalidCheckMetadataException ie) {
            t.error("the check catalog is broken: " + ie.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        if (ex instanceof InterruptedException) {
            t.error("interrupted");
            return ExitCodes.COULD_NOT_RUN;
        }
        t.error("the audit could not run: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage()))
                + (debug() ? "" : " (run with --debug for details)"));
        if (debug()) {
            java.io.StringWriter sw = new java.io.StringWriter();
            ex.printStackTrace(new java.io.PrintWriter(sw));
            t.err().println(t.redactor().redact(sw.toString()));
        }
        return ExitCodes.COULD_NOT_RUN;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private boolean loggingEnabled;
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one loses its handler. */
    private static final Logger DEBUG_LOGGER = Logger.getLogger("dev.hardening.auditor");

    /** Routes the HTTP log (already redacted by the interceptor) to stderr, redacted once more. */
    private void enableDebugLogging(PrintStream err) {
        if (loggingEnabled) {
            return;
        }
        loggingEnabled = true;
        Logger http = DEBUG_LOGGER;
        http.setLevel(Level.FINE);
        // A plain handler: ConsoleHandler.setOutputStream would close System.err.
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    err.println("debug: " + terminal.redactor().redact(new SimpleFormatter().formatMessage(r)));
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        h.setLevel(Level.FINE);
        http.addHandler(h);
        http.setUseParentHandlers(false);
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            ToolInfo t = ToolInfo.current();
            return new String[] {t.name() + " " + t.version()};
        }
    }
}
