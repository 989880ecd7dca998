package dev.hardening.auditor.checks.release.provenance;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The npm half of {@code release.provenance}, over the packument already fetched: the latest
 * {@value #RECENT_VERSIONS} versions by publish time. A version without provenance published after
 * any version that had it FAIL (a release made outside the trusted pipeline); the latest with provenance
 * PASS; no version ever with provenance WARN, or FAIL when the policy requires provenance.
 */
final class NpmReleaseProvenance {
    static final int RECENT_VERSIONS = 3;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private NpmReleaseProvenance() {
    }

    static Finding judge(CheckContext context, String name, NpmPackument packument) {
        String subject = "npm:" + name;
        List<NpmVersion> versions = packument.versions(); // oldest first by publish time
        if (versions.isEmpty()) {
            return context.notApplicable(subject, name + " has no published versions.");
        }
        int firstAttested = -1;
        for (int i = 0; i < versions.size() && firstAttested < 0; i++) {
            if (versions.get(i).hasProvenance()) {
                firstAttested = i;
            }
        }
        int windowStart = Math.max(0, versions.size() - RECENT_VERSIONS);
        List<Evidence> evidence = new ArrayList<>();
        List<String> regressions = new ArrayList<>();
        for (int i = versions.size() - 1; i >= windowStart; i--) {
            NpmVersion v = versions.get(i);
            evidence.add(Evidence.of("version " + v.version() + v.publishedAt().map(t -> " (" + DATE.format(t) + ")").orElse(""),
                    describe(v), "GET /" + name + " (versions[\"" + v.version() + "\"].dist.attestations, _npmUser)"));
            if (!v.hasProvenance() && firstAttested >= 0 && i > firstAttested) {
                regressions.add(0, v.version());
            }
        }
        if (!regressions.isEmpty()) {
            NpmVersion attested = versions.get(firstAttested);
            evidence.add(Evidence.of("first version with provenance", attested.version(), "GET /" + name));
            return context.fail(subject, String.join(", ", regressions) + (regressions.size() == 1 ? " was" : " were")
                    + " published without provenance although " + name + " has had provenance since " + attested.version()
                    + ": a release made outside the trusted pipeline, as the malicious Nx versions were with a stolen token."
                    + " Check it against the repository before anyone installs it.", evidence);
        }
        NpmVersion latest = versions.get(versions.size() - 1);
        if (latest.hasProvenance()) {
            return context.pass(subject, "The latest version of " + name + " (" + latest.version()
                    + ") was published with provenance, as every version since " + versions.get(firstAttested).version()
                    + ".", evidence);
        }
        return ProvenanceRequirement.neverHadProvenance(context, subject, "No version of " + name + " was published with"
                + " provenance, so nothing ties a release to the repository and workflow that built it; publish through trusted"
                + " publishing.", evidence);
    }

    private static String describe(NpmVersion v) {
        List<String> parts = new ArrayList<>();
        v.attestationsUrl().ifPresent(url -> parts.add("provenance attestation"
                + v.provenancePredicateType().map(t -> " (" + t + ")").orElse("")));
        v.trustedPublisher().ifPresent(tp -> parts.add("trusted publisher " + tp.id()));
        if (parts.isEmpty()) {
            return "no provenance; published by " + v.publisher().map(NpmPerson::name).filter(n -> !n.isBlank()).orElse("an unnamed account");
        }
        return String.join(", ", parts);
    }
}
