package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.Auditor;
import dev.hardening.auditor.core.AuditorSettings;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.policy.RosterTargets;
import dev.hardening.auditor.core.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Audits real accounts and packages. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = {
        "Audit GitHub, npm and PyPI accounts and packages.",
        "Tokens come from GITHUB_TOKEN, NPM_TOKEN and HIBP_API_KEY (or --*-token-file), never from the command line.",
        "PYPI_TOKEN (or --pypi-token-file) is only decoded on this machine to report its scope; it is never sent."})
class AuditCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Option(names = "--github-user", paramLabel = "LOGIN", description = "GitHub account to audit (repeatable).")
    List<String> githubUsers = new ArrayList<>();

    @Option(names = "--github-org", paramLabel = "ORG", description = "GitHub organisation to audit (repeatable).")
    List<String> githubOrgs = new ArrayList<>();

    @Option(names = "--npm-user", paramLabel = "USER", description = "npm user whose packages are audited (repeatable).")
    List<String> npmUsers = new ArrayList<>();

    @Option(names = "--npm-package", paramLabel = "NAME", description = "npm package to audit (repeatable).")
    List<String> npmPackages = new ArrayList<>();

    @Option(names = "--pypi-user", paramLabel = "USER", description = "PyPI user whose projects are audited (repeatable).")
    List<String> pypiUsers = new ArrayList<>();

    @Option(names = "--pypi-project", paramLabel = "NAME", description = "PyPI project to audit (repeatable).")
    List<String> pypiProjects = new ArrayList<>();

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Address to check for domain expiry and breaches (repeatable).")
    List<String> emails = new ArrayList<>();

    @Option(names = "--workstation", description = "Inspect this machine for credentials an install script could steal.")
    boolean workstation;

    @Option(names = "--policy", paramLabel = "FILE", description = "Team policy (YAML): publisher roster and more.")
    Path policyFile;

    @Option(names = "--check", paramLabel = "ID", description = "Run only this check (repeatable). See 'auditor checks'.")
    List<String> checkIds = new ArrayList<>();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Mixin
    EndpointOptions endpoints = new EndpointOptions();

    @Mixin
    CredentialOptions credentials = new CredentialOptions();

    @Mixin
    HttpOptions http = new HttpOptions();

    @Option(names = "--db", paramLabel = "FILE",
            description = "Snapshot database: where 'snapshot' stores the audit, and what compliance.snapshot-age reads (default: snapshots.db in the auditor's data directory).")
    Path database;

    @Override
    public Integer call() throws Exception {
        Prepared audit = prepare();
        return new AuditRunner(root.terminal()).run(audit.auditor(), audit.targets(), audit.policy(), audit.checks(),
                report);
    }

    /** An audit ready to start: what {@code audit} and {@code snapshot} share. */
    record Prepared(Auditor auditor, AuditTargets targets, Policy policy, Set<String> checks, Path database) {
    }

    Prepared prepare() {
        Terminal terminal = root.terminal();
        report.validate();
        AuditTargets targets = new AuditTargets(clean(githubUsers), clean(githubOrgs), clean(npmUsers),
                clean(npmPackages), clean(pypiUsers), clean(pypiProjects), clean(emails), workstation);
        Credentials creds = credentials.resolve(root.environment(), terminal);
        creds.github().ifPresent(root.redactor()::register);
        creds.npm().ifPresent(root.redactor()::register);
        creds.hibp().ifPresent(root.redactor()::register);
        creds.pypi().ifPresent(root.redactor()::register);
        Policy policy = loadPolicy();
        targets = RosterTargets.withRosterProjects(targets, policy);
        if (targets.isEmpty() && creds.github().isEmpty() && creds.npm().isEmpty() && creds.pypi().isEmpty()) {
            throw UserError.usage("nothing to audit: name targets (e.g. --github-user, --npm-package, --pypi-project) "
                    + "or set GITHUB_TOKEN / NPM_TOKEN to audit the token's own account; try 'auditor demo' first");
        }
        CheckRegistry registry = CheckRegistry.load();
        Set<String> selected = new LinkedHashSet<>(clean(checkIds));
        for (String id : selected) {
            if (registry.find(id).isEmpty()) {
                throw UserError.usage("unknown check '" + id + "'; 'auditor checks' lists them");
            }
        }
        Path db = database != null ? database : StoreOptions.defaultDatabase(root.environment());
        AuditorSettings settings = AuditorSettings.of(endpoints.resolve(root.environment()), creds, http.http())
                .withEngine(http.engine()).withLocal(LocalMachine.sources(root.environment()))
                .withSnapshotStore(db);
        return new Prepared(new Auditor(registry, settings), targets, policy, selected, db);
    }

    Policy loadPolicy() {
        if (policyFile == null) {
            return Policy.none();
        }
        try {
            return PolicyLoader.load(policyFile);
        } catch (PolicyLoader.InvalidPolicyException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    private static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                String p = part.strip();
                if (!p.isEmpty() && !out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
