package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.AuditSession;
import dev.hardening.auditor.core.Auditor;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.report.AuditReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs an audit for a command: progress, Ctrl-C, writing the report, and the exit code. */
final class AuditRunner {
    private final Terminal terminal;

    AuditRunner(Terminal terminal) {
        this.terminal = terminal;
    }

    int run(Auditor auditor, AuditTargets targets, Policy policy, Set<String> checkIds, ReportOptions options)
            throws InterruptedException {
        AuditReport report = audit(auditor, targets, policy, checkIds, options);
        write(report, options, auditor);
        summarize(report, options);
        return exitCode(report, options);
    }

    /** Runs the audit to its report, with progress and Ctrl-C handling; writes nothing. */
    AuditReport audit(Auditor auditor, AuditTargets targets, Policy policy, Set<String> checkIds, ReportOptions options)
            throws InterruptedException {
        options.validate();
        ProgressListener progress = terminal.interactive() ? new ProgressLine(terminal.err()) : ProgressListener.NONE;
        AuditSession session = auditor.start(targets, policy, checkIds, progress);
        // Ctrl-C: stop the audit at once; the report of what finished is still written.
        Thread hook = new Thread(session::cancel, "auditor-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return session.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting
            }
        }
    }

    /** 1 when findings at or above {@code --fail-on} (not covered by an active waiver) remain, else 0. */
    static int exitCode(AuditReport report, ReportOptions options) {
        List<Finding> failing = options.failing(report);
        return failing.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    void write(AuditReport report, ReportOptions options, Auditor auditor) {
        write(report, options, auditor.registry().catalog());
    }

    /** Renders the report in the chosen format to --out (atomically) or standard output. */
    void write(AuditReport report, ReportOptions options, Collection<CheckMetadata> catalog) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            options.reportFormat().writer(terminal.redactor(), catalog).write(report, buffer);
        } catch (IOException e) {
            throw UserError.cannotRun("cannot render the report: " + e.getMessage());
        }
        byte[] bytes = buffer.toByteArray();
        if (options.out == null) {
            terminal.out().write(bytes, 0, bytes.length);
            terminal.out().flush();
            return;
        }
        writeAtomically(options.out, bytes);
    }

    /** Writes to a temporary file and moves it into place, so a reader never sees half a report. */
    static void writeAtomically(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, ".auditor-", ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                os.write(bytes);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicUnsupported) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw UserError.cannotRun("cannot write " + target + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    /** The one-line summary on standard error (when writing to a file, or on a terminal). */
    void summarize(AuditReport report, ReportOptions options) {
        Map<Status, Integer> s = report.summary();
        String line = (report.demo() ? "DEMO — " : "") + "score " + report.score() + "/100: "
                + s.get(Status.FAIL) + " FAIL, " + s.get(Status.WARN) + " WARN, " + s.get(Status.UNKNOWN) + " UNKNOWN, "
                + s.get(Status.PASS) + " PASS, " + s.get(Status.ATTESTED) + " ATTESTED, "
                + s.get(Status.NOT_APPLICABLE) + " N/A"
                + (report.metadata().cancelled() ? " (cancelled: partial results)" : "");
        if (options.out != null) {
            terminal.info(line + " — written to " + options.out);
        } else if (terminal.interactive()) {
            terminal.info(line);
        }
    }
}
