package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.engine.StandaloneCheckRunner;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.artifacts.ArtifactFacts;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScan;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScans;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.ReportMetadata;
import dev.hardening.auditor.core.report.Score;
import dev.hardening.auditor.core.report.ToolInfo;
import dev.hardening.auditor.core.scan.ArtifactScanner;
import dev.hardening.auditor.core.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Scans a directory, an archive (npm tarball, sdist, wheel) or a file before it is published, with
 * the rules of {@code release.leaked-secrets} and {@code release.sensitive-files}: offline, nothing
 * written anywhere but the report. Usable from {@code prepublishOnly} or CI: the exit code is the
 * audit's.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = {
        "Scan a directory, archive (.tgz, .tar.gz, .whl, .zip) or file for secrets and files that should not be published.",
        "Offline: nothing leaves the machine. Archives are read in memory (one nested level), links are never followed.",
        "Example (package.json): \"prepublishOnly\": \"auditor scan . --fail-on medium\""})
final class ScanCommand implements Callable<Integer> {
    static final List<String> CHECKS = List.of("release.leaked-secrets", "release.sensitive-files");

    @ParentCommand
    AuditorCommand root;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Directories, archives or files to scan.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        report.validate();
        for (Path p : paths) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw UserError.usage("no such file or directory: " + p);
            }
        }
        CheckRegistry registry = CheckRegistry.load();
        List<RegisteredCheck> checks = new ArrayList<>();
        for (String id : CHECKS) {
            checks.add(registry.find(id).orElseThrow(() -> UserError.cannotRun("the check " + id + " is missing from this build")));
        }
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        ArtifactScanner scanner = ArtifactScanner.parallel();
        List<Finding> findings = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        for (Path p : paths) {
            ScanResult result;
            try {
                result = scanner.scanPath(p);
            } catch (IOException | RuntimeException e) {
                throw UserError.cannotRun("cannot scan " + p + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            }
            files += result.files();
            bytes += result.bytes();
            String name = p.toString();
            ArtifactScans scans = new ArtifactScans(name, List.of(ArtifactScan.scanned("", name, "", result)));
            Facts facts = new LocalScanFacts(scans);
            for (RegisteredCheck check : checks) {
                findings.addAll(StandaloneCheckRunner.run(check, new CheckContext(check.metadata(), AuditTargets.none(), facts,
                        Policy.none(), clock)));
            }
        }
        Instant finished = clock.instant();
        AuditReport rendered = new AuditReport(AuditReport.SCHEMA_VERSION, ToolInfo.current(), finished, false,
                paths.stream().map(p -> "scan:" + p).toList(), Score.of(findings), AuditReport.summarize(findings), findings,
                new ReportMetadata(started, finished, Duration.between(started, finished).toMillis(), false, CHECKS, Map.of()));
        AuditRunner runner = new AuditRunner(terminal);
        runner.write(rendered, report, registry.catalog());
        if (report.out != null || terminal.interactive()) {
            long ms = Math.max(1, Duration.between(started, finished).toMillis());
            terminal.info("scanned " + files + " files, " + bytes + " bytes in " + ms + " ms ("
                    + String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048.576 / ms) + " MB/s)");
        }
        runner.summarize(rendered, report);
        return report.failing(rendered).isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** The facts of one local scan: the scan itself, and nothing to audit on any registry. */
    private record LocalScanFacts(ArtifactScans scans) implements Facts {
        @Override
        @SuppressWarnings("unchecked")
        public <T> Fact<T> lookup(FactKey<T> key) {
            if (key.equals(ArtifactFacts.LOCAL)) {
                return (Fact<T>) Fact.of(scans);
            }
            return Fact.unavailable(Unavailability.of(Cause.NOT_CONFIGURED, "a local scan reads no registry", ""));
        }
    }
}
