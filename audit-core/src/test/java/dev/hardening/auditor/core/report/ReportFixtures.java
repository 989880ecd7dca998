package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.http.HostStats;
import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports built in code for the writer tests: every status, every stage, and data as hostile as the
 * APIs may return (HTML, Markdown specials, unicode, line breaks, a {@code javascript:} URL).
 */
final class ReportFixtures {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final Instant GENERATED_AT = Instant.parse("2025-03-01T10:15:30.123Z");

    private ReportFixtures() {
    }

    /** Six findings, one per status, spread over all six stages, plus a few more. */
    static List<Finding> findings() {
        return List.of(
                new Finding("github.2fa", Status.FAIL, Severity.HIGH, Stage.EVALUATE,
                        "github:octo" + SCRIPT, "Turn on two-factor authentication for GitHub",
                        "Two-factor authentication is off for **octo** [click](javascript:alert(1)) & <b>bold</b> "
                                + SCRIPT,
                        "",
                        List.of(new Evidence("two_factor_authentication", "false " + SCRIPT, "GET /user"),
                                new Evidence("login", "octo_cat*", "GET /user")),
                        List.of(new RemediationStep("Open the security settings and enable 2FA",
                                        "https://github.com/settings/security", ""),
                                new RemediationStep("Check the token scopes afterwards", "",
                                        "gh auth status `--show-token` | grep -v x"),
                                new RemediationStep("Do not follow this link", "javascript:alert(1)", "")),
                        List.of(new Reference("GitHub Docs: configuring 2FA",
                                        "https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa"),
                                new Reference("Evil <a href=x>", "javascript:alert(1)"))),
                new Finding("email.domain-expiry", Status.WARN, Severity.MEDIUM, Stage.RECON,
                        "email:j***@exämple.org", "Keep the domains of your email addresses registered",
                        "Domain expires in 12 days \u2014 期限切れ間近 🔐",
                        "",
                        List.of(new Evidence("expiration", "2025-03-13T00:00:00Z", "RDAP exämple.org")),
                        List.of(RemediationStep.of("Renew the domain or move the account to another address")),
                        List.of()),
                new Finding("npm.tokens", Status.UNKNOWN, Severity.HIGH, Stage.LIMIT,
                        "npm:octo", "Limit npm tokens",
                        "# Not a heading\n1. not a list | pipe\r\n- nor a bullet",
                        "needs an npm token (NPM_TOKEN) with read access",
                        List.of(), List.of(), List.of()),
                new Finding("github.signing-keys", Status.PASS, Severity.CRITICAL, Stage.FORTIFY,
                        "github:octo", "Sign commits with a strong key",
                        "One ed25519 SSH signing key.",
                        "",
                        List.of(new Evidence("key", "ssh-ed25519 SHA256:abc…", "GET /users/octo/ssh_signing_keys")),
                        List.of(), List.of()),
                new Finding("account.mfa-method", Status.ATTESTED, Severity.HIGH, Stage.EVALUATE,
                        "npm:octo", "Use a phishing-resistant second factor",
                        "A hardware security key, declared by the user.",
                        "",
                        List.of(new Evidence("method", "security key", "attestation")),
                        List.of(), List.of()),
                new Finding("release.leaked-secrets", Status.NOT_APPLICABLE, Severity.LOW, Stage.EXPOSE,
                        "pypi:demo_pkg", "Ship no secrets in published artifacts",
                        "The project has no published release.",
                        "", List.of(), List.of(), List.of()),
                new Finding("compliance.snapshot-age", Status.FAIL, Severity.CRITICAL, Stage.EXERCISE,
                        "policy:team", "Take snapshots on the policy's cadence",
                        "The last snapshot is 200 days old; the policy asks for 30.",
                        "",
                        List.of(new Evidence("last snapshot", "2024-08-13", "snapshots")),
                        List.of(new RemediationStep("Take a snapshot now", "", "./auditor snapshot")),
                        List.of()),
                new Finding("release.publish-anomalies", Status.WARN, Severity.INFO, Stage.EXPOSE,
                        "npm:left_pad", "Watch for unusual publishes",
                        "Three versions within an hour.",
                        "",
                        List.of(new Evidence("versions", "1.0.1, 1.0.2, 1.0.3", "GET /left_pad")),
                        List.of(), List.of()));
    }

    static AuditReport report(boolean demo) {
        return report(demo, findings());
    }

    static AuditReport report(boolean demo, List<Finding> findings) {
        Map<String, HostStats> hosts = new LinkedHashMap<>();
        hosts.put("registry.npmjs.org", new HostStats(4, 3, 1, 0, 1, 0, 2048));
        hosts.put("api.github.com", new HostStats(12, 10, 2, 5, 0, 1, 81_920));
        ReportMetadata metadata = new ReportMetadata(Instant.parse("2025-03-01T10:15:00Z"),
                Instant.parse("2025-03-01T10:15:29.500Z"), 29_500, false,
                findings.stream().map(Finding::check).distinct().toList(), hosts);
        return new AuditReport(AuditReport.SCHEMA_VERSION, new ToolInfo("maintainer-hardening-auditor", "0.1.0-test"),
                GENERATED_AT, demo,
                demo ? List.of("github-user:octo", "npm-user:octo", "pypi-project:demo_pkg")
                        : List.of("github-user:real-maintainer", "workstation"),
                Score.of(findings), AuditReport.summarize(findings), findings, metadata);
    }

    static AuditReport cancelledEmpty() {
        ReportMetadata metadata = new ReportMetadata(Instant.parse("2025-03-01T10:15:00Z"),
                Instant.parse("2025-03-01T10:15:00Z"), 0, true, List.of(), Map.of());
        return new AuditReport(AuditReport.SCHEMA_VERSION, ToolInfo.current(), GENERATED_AT, false, List.of(), 0,
                AuditReport.summarize(List.of()), List.of(), metadata);
    }

    /** Catalog entries for two of the fixture's checks, as the check registry would supply them. */
    static List<CheckMetadata> catalog() {
        return List.of(new CheckMetadata("github.2fa", "Turn on two-factor authentication for GitHub",
                Stage.EVALUATE, Set.of(Platform.GITHUB), Severity.HIGH,
                "Reads two_factor_authentication of GET /user.",
                "Without a second factor a reused or phished password is enough to take the account over.",
                List.of(),
                List.of(new RemediationStep("Enable 2FA", "https://github.com/settings/security", "")),
                List.of(new Reference("GitHub Docs: configuring 2FA",
                        "https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa"))),
                new CheckMetadata("account.mfa-method", "Use a phishing-resistant second factor",
                        Stage.EVALUATE, Set.of(Platform.NPM, Platform.GITHUB, Platform.PYPI), Severity.HIGH,
                        "The second factor in use per platform.", "TOTP codes can be phished; SMS can be swapped.",
                        List.of(), List.of(), List.of()));
    }

    static Finding finding(Status status, Severity severity) {
        return new Finding("test.check", status, severity, Stage.EVALUATE, "test:subject", "Title", "Message",
                "", List.of(), List.of(), List.of());
    }
}
