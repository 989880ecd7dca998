package dev.hardening.auditor.core.playbook;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.tokens.CredentialKind;
import dev.hardening.auditor.core.tokens.Revocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The document a team needs the day a version turns out to be malicious: for each audited package
 * who can publish it, every token and credential the audit found (on the workstation, on npm, on
 * GitHub, on PyPI) with where it lives and what it can publish, and the ordered steps to rotate them
 * — publish-capable credentials first. Built from a report's findings alone, so that a report read
 * back from JSON yields the same playbook.
 *
 * @param steps       what to do first, in order, when a release is compromised
 * @param packages    who can publish each audited package
 * @param credentials every credential found, publish-capable ones first; one entry per fingerprint
 */
public record IncidentPlaybook(List<RemediationStep> steps, List<PlaybookPackage> packages, List<PlaybookCredential> credentials) {
    /** Checks whose findings list publishers, and the evidence label they use. */
    private static final String ROSTER_CHECK = "publishers.roster";
    private static final String GITHUB_TOKEN_CHECK = "github.token";

    private static final List<RemediationStep> FIRST_STEPS = List.of(
            new RemediationStep("Revoke every credential below that can publish, in the order listed; a stolen copy stops"
                    + " working only when it is revoked.", "", ""),
            new RemediationStep("Find the versions you did not publish: compare each package's recent versions and their"
                    + " publishers with your tags and CI runs.", "", "npm view <package> time --json"),
            new RemediationStep("Deprecate the malicious npm versions (and ask npm support to remove them); yank them on PyPI.",
                    "https://docs.npmjs.com/deprecating-and-undeprecating-packages-or-package-versions",
                    "npm deprecate <package>@<version> \"compromised, do not use\""),
            new RemediationStep("Publish a fixed version from a clean machine or CI, and tell users through a security advisory.",
                    "https://docs.github.com/en/code-security/security-advisories/working-with-repository-security-advisories/creating-a-repository-security-advisory", ""),
            new RemediationStep("Rotate the remaining credentials below, then review the accounts' security logs and the"
                    + " publishers of every package.", "https://github.com/settings/security-log", ""));

    public IncidentPlaybook {
        steps = List.copyOf(steps);
        packages = List.copyOf(packages);
        credentials = List.copyOf(credentials);
    }

    /** What to do first, in order, when a release is compromised (shared with the team playbook). */
    public static List<RemediationStep> firstSteps() {
        return FIRST_STEPS;
    }

    public boolean isEmpty() {
        return packages.isEmpty() && credentials.isEmpty();
    }

    public static IncidentPlaybook from(List<Finding> findings) {
        List<PlaybookPackage> packages = new ArrayList<>();
        Map<String, PlaybookCredential> byFingerprint = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.check().equals(ROSTER_CHECK)) {
                CredentialEvidence.value(f, "publishers").ifPresent(p -> packages.add(new PlaybookPackage(f.subject(),
                        List.of(p.split(",\\s*")), f.evidence().stream().filter(e -> e.label().equals("publishers"))
                        .map(Evidence::source).findFirst().orElse(""))));
                continue;
            }
            Optional<PlaybookCredential> c = f.check().equals(GITHUB_TOKEN_CHECK) ? auditToken(f) : CredentialEvidence.read(f);
            c.ifPresent(credential -> byFingerprint.merge(credential.fingerprint(), credential,
                    (first, again) -> first.alsoAt(again.locations())));
        }
        List<PlaybookCredential> credentials = new ArrayList<>(byFingerprint.values());
        credentials.sort(Comparator.comparing((PlaybookCredential c) -> !c.canPublish()));
        packages.sort(Comparator.comparing(PlaybookPackage::subject));
        boolean anything = !packages.isEmpty() || !credentials.isEmpty();
        return new IncidentPlaybook(anything ? FIRST_STEPS : List.of(), packages, credentials);
    }

    /** The GitHub token given to the audit, as {@code github.token} describes it (kind and fingerprint). */
    private static Optional<PlaybookCredential> auditToken(Finding f) {
        Optional<String> fingerprint = CredentialEvidence.value(f, "fingerprint");
        if (fingerprint.isEmpty()) {
            return Optional.empty();
        }
        String description = CredentialEvidence.value(f, "kind").orElse("GitHub token");
        CredentialKind kind = githubKind(fingerprint.get());
        boolean canPublish = f.status() == Status.FAIL || f.status() == Status.WARN;
        String capability = canPublish ? "its scopes include writing to repositories (see " + GITHUB_TOKEN_CHECK + ")"
                : "read-only, as far as its scopes and permissions show";
        return Optional.of(new PlaybookCredential(kind.id(), description,
                List.of("the token given to the audit (GITHUB_TOKEN or --github-token-file)"), "github.com", canPublish, capability,
                fingerprint.get(), f.check(), Revocation.stepsFor(kind)));
    }

    private static CredentialKind githubKind(String fingerprint) {
        if (fingerprint.startsWith("github_")) {
            return CredentialKind.GITHUB_FINE_GRAINED_PAT;
        }
        if (fingerprint.startsWith("gho_")) {
            return CredentialKind.GITHUB_OAUTH;
        }
        if (fingerprint.startsWith("ghu_") || fingerprint.startsWith("ghr_")) {
            return CredentialKind.GITHUB_USER_TO_SERVER;
        }
        if (fingerprint.startsWith("ghs_")) {
            return CredentialKind.GITHUB_INSTALLATION;
        }
        return CredentialKind.GITHUB_CLASSIC_PAT;
    }
}
