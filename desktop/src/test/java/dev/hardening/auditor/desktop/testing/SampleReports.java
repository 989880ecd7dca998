package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Incident;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.ReportMetadata;
import dev.hardening.auditor.core.report.Score;
import dev.hardening.auditor.core.report.ToolInfo;
import dev.hardening.auditor.desktop.detail.CheckCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Canned reports for tests: one finding of every status, in the shapes the engine produces. */
public final class SampleReports {
    public static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

    public static final Finding GITHUB_2FA_FAIL = new Finding("github.2fa", Status.FAIL, Severity.CRITICAL,
            Stage.EVALUATE, "github:octo-demo", "Two-factor authentication is off",
            "The account octo-demo signs in with a password alone.", "",
            List.of(new Evidence("two_factor_authentication", "false", "GET /user")),
            List.of(new RemediationStep("Turn on two-factor authentication with a security key",
                    "https://github.com/settings/security", "")),
            List.of(new Reference("GitHub Docs: Configuring two-factor authentication",
                    "https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa")));

    public static final Finding NPM_2FA_WARN = new Finding("npm.2fa", Status.WARN, Severity.HIGH, Stage.EVALUATE,
            "npm:octo-demo", "npm two-factor authentication covers writes",
            "2FA protects sign-in only; publishing needs no second factor.", "",
            List.of(new Evidence("tfa.mode", "auth-only", "GET /-/npm/v1/user")),
            List.of(new RemediationStep("Require 2FA for publishing too", "https://www.npmjs.com/settings/~/tfa",
                    "npm profile enable-2fa auth-and-writes")),
            List.of(new Reference("npm Docs: Configuring two-factor authentication",
                    "https://docs.npmjs.com/configuring-two-factor-authentication")));

    public static final Finding SIGNING_KEYS_PASS = new Finding("github.signing-keys", Status.PASS,
            Severity.MEDIUM, Stage.FORTIFY, "github:octo-demo", "Commits can be signed with a strong key",
            "One Ed25519 SSH signing key.", "",
            List.of(new Evidence("ssh signing key", "ssh-ed25519 SHA256:3b1d…f00d", "GET /user/ssh_signing_keys")),
            List.of(), List.of());

    public static final Finding BREACH_UNKNOWN = new Finding("email.breach", Status.UNKNOWN, Severity.HIGH,
            Stage.RECON, "email:octo@example.org", "Addresses are not in known breaches",
            "Have I Been Pwned needs an API key to search by address.", "an HIBP API key in HIBP_API_KEY",
            List.of(), List.of(), List.of());

    public static final Finding MFA_ATTESTED = new Finding("account.mfa-method", Status.ATTESTED, Severity.HIGH,
            Stage.EVALUATE, "pypi:octo-demo", "Second factor resists phishing",
            "You declared a hardware security key for PyPI.", "",
            List.of(new Evidence("declared method", "security key", "attestation")), List.of(), List.of());

    public static final Finding PROVENANCE_NA = new Finding("release.provenance", Status.NOT_APPLICABLE,
            Severity.LOW, Stage.FORTIFY, "pypi:demo-utils", "Releases carry provenance",
            "The project has no releases yet.", "", List.of(), List.of(), List.of());

    public static final List<Finding> EVERY_STATUS = List.of(GITHUB_2FA_FAIL, NPM_2FA_WARN, BREACH_UNKNOWN,
            MFA_ATTESTED, SIGNING_KEYS_PASS, PROVENANCE_NA);

    /** Metadata of the checks above that explain themselves (github.2fa and npm.2fa). */
    public static final CheckMetadata GITHUB_2FA_METADATA = new CheckMetadata("github.2fa",
            "Two-factor authentication is on", Stage.EVALUATE, Set.of(Platform.GITHUB), Severity.CRITICAL,
            "two_factor_authentication of GET /user",
            "A password alone falls to reuse and phishing; whoever holds it can push and publish.",
            List.of(new Incident("chalk/debug 2025", "a phished maintainer published malware to 18 packages",
                    "https://example.org/incidents/chalk-debug-2025")),
            List.of(RemediationStep.of("Turn on 2FA")), List.of());

    public static final CheckMetadata NPM_2FA_METADATA = new CheckMetadata("npm.2fa",
            "npm two-factor authentication covers writes", Stage.EVALUATE, Set.of(Platform.NPM), Severity.HIGH,
            "tfa of GET /-/npm/v1/user", "Without 2FA on writes, a stolen session publishes.",
            List.of(), List.of(), List.of());

    private SampleReports() {
    }

    public static AuditReport everyStatus(boolean demo) {
        return report(EVERY_STATUS, demo, false);
    }

    /** What a cancelled audit reports: what finished, the rest UNKNOWN. */
    public static AuditReport cancelled() {
        Finding unfinished = SIGNING_KEYS_PASS.withVerdict(Status.UNKNOWN,
                "the audit was cancelled before this check finished", "run the audit again");
        return report(List.of(GITHUB_2FA_FAIL, unfinished), true, true);
    }

    public static AuditReport report(List<Finding> findings, boolean demo, boolean cancelled) {
        List<String> checks = findings.stream().map(Finding::check).distinct().toList();
        ReportMetadata metadata = new ReportMetadata(STARTED, STARTED.plusMillis(1200), 1200, cancelled, checks,
                Map.of());
        return new AuditReport(AuditReport.SCHEMA_VERSION, ToolInfo.current(), STARTED.plusMillis(1200), demo,
                List.of("github:octo-demo"), Score.of(findings), AuditReport.summarize(findings), findings, metadata);
    }

    /** {@code count} findings: the six samples over and over, each on its own package. */
    public static AuditReport many(int count) {
        List<Finding> findings = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Finding f = EVERY_STATUS.get(i % EVERY_STATUS.size());
            findings.add(new Finding(f.check(), f.status(), f.severity(), f.stage(), String.format("npm:package-%05d", i),
                    f.title(), f.message(), f.needed(), f.evidence(), f.remediation(), f.references(), f.attributes(),
                    f.waiver()));
        }
        return report(findings, false, false);
    }

    public static CheckCatalog catalog() {
        return id -> switch (id) {
            case "github.2fa" -> Optional.of(GITHUB_2FA_METADATA);
            case "npm.2fa" -> Optional.of(NPM_2FA_METADATA);
            default -> Optional.empty();
        };
    }
}
