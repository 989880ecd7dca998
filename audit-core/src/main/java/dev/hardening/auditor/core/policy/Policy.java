package dev.hardening.auditor.core.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the team agreed, loaded from the {@code --policy} YAML file (see {@link PolicyLoader},
 * {@code schema/policy.schema.json} and {@code docs/policy.example.yaml}); an audit without a policy
 * uses {@link #none()}.
 *
 * @param source                   where the policy was read from (for evidence), or empty
 * @param rosters                  allowed publishers per package or npm scope; keys are {@code npm:name},
 *                                 {@code npm:@scope/*} or {@code pypi:name}
 * @param sha256                   SHA-256 (hex) of the policy file's bytes, recorded with each snapshot; empty
 *                                 without a file
 * @param secondFactor             the least second factor required per platform ({@code github}, {@code npm},
 *                                 {@code pypi})
 * @param maxTokenAge              the longest a publish or API token may live
 * @param minRsaBits               the least RSA key size accepted for signing and SSH keys
 * @param requireProvenance        whether every release must carry provenance
 * @param requireTrustedPublishing whether releases must be published through trusted publishing (OIDC)
 * @param snapshotCadence          how often a snapshot must be taken ({@code compliance.snapshot-age})
 * @param attestationPeriod        how long a declared second factor ({@code auditor attest}) is trusted before
 *                                 {@code account.mfa-method} asks again
 * @param waivers                  accepted risks with owner, justification and expiry
 */
public record Policy(String source, Map<String, Set<String>> rosters, String sha256,
                     Map<String, SecondFactorLevel> secondFactor, Optional<Duration> maxTokenAge,
                     OptionalInt minRsaBits, boolean requireProvenance, boolean requireTrustedPublishing,
                     Optional<Duration> snapshotCadence, Optional<Duration> attestationPeriod, List<PolicyWaiver> waivers) {
    public Policy {
        source = source == null ? "" : source;
        var copy = new TreeMap<String, Set<String>>();
        rosters.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        rosters = Map.copyOf(copy);
        sha256 = sha256 == null ? "" : sha256;
        secondFactor = Map.copyOf(secondFactor);
        Objects.requireNonNull(maxTokenAge, "maxTokenAge");
        Objects.requireNonNull(minRsaBits, "minRsaBits");
        Objects.requireNonNull(snapshotCadence, "snapshotCadence");
        Objects.requireNonNull(attestationPeriod, "attestationPeriod");
        waivers = List.copyOf(waivers);
    }

    /** A policy with only a roster (as tests and the demo world build them). */
    public Policy(String source, Map<String, Set<String>> rosters) {
        this(source, rosters, "", Map.of(), Optional.empty(), OptionalInt.empty(), false, false, Optional.empty(),
                Optional.empty(), List.of());
    }

    public static Policy none() {
        return new Policy("", Map.of());
    }

    public boolean isEmpty() {
        return rosters.isEmpty() && secondFactor.isEmpty() && maxTokenAge.isEmpty() && minRsaBits.isEmpty()
                && !requireProvenance && !requireTrustedPublishing && snapshotCadence.isEmpty() && attestationPeriod.isEmpty()
                && waivers.isEmpty();
    }

    /**
     * The agreed publishers of a package, if the policy names it: the package's own roster, else for a
     * scoped npm package ({@code npm:@scope/name}) the roster of its scope ({@code npm:@scope/*}).
     */
    public Optional<Set<String>> rosterFor(String packageKey) {
        Set<String> own = rosters.get(packageKey);
        if (own != null) {
            return Optional.of(own);
        }
        if (packageKey.startsWith("npm:@")) {
            int slash = packageKey.indexOf('/');
            if (slash > 0) {
                return Optional.ofNullable(rosters.get(packageKey.substring(0, slash) + "/*"));
            }
        }
        return Optional.empty();
    }

    /** The least second factor required on a platform ({@code github}, {@code npm}, {@code pypi}). */
    public Optional<SecondFactorLevel> secondFactorFor(String platform) {
        return Optional.ofNullable(secondFactor.get(platform));
    }

    /**
     * How findings name a rule of this policy: {@code policy team.yaml (tokens.max-age)}, or
     * {@code policy (tokens.max-age)} for a policy built in code.
     *
     * @param key the rule's key in the file, e.g. {@code tokens.max-age}
     */
    public String describe(String key) {
        return (source.isEmpty() ? "policy" : "policy " + source) + " (" + key + ")";
    }

    /** A copy with another second-factor requirement on one platform. */
    public Policy withSecondFactor(String platform, SecondFactorLevel level) {
        Map<String, SecondFactorLevel> copy = new TreeMap<>(secondFactor);
        copy.put(platform, level);
        return new Policy(source, rosters, sha256, copy, maxTokenAge, minRsaBits, requireProvenance,
                requireTrustedPublishing, snapshotCadence, attestationPeriod, waivers);
    }

    /** A copy with another maximum token age. */
    public Policy withMaxTokenAge(Duration age) {
        return new Policy(source, rosters, sha256, secondFactor, Optional.of(age), minRsaBits, requireProvenance,
                requireTrustedPublishing, snapshotCadence, attestationPeriod, waivers);
    }

    /** A copy with another minimum RSA size. */
    public Policy withMinRsaBits(int bits) {
        return new Policy(source, rosters, sha256, secondFactor, maxTokenAge, OptionalInt.of(bits), requireProvenance,
                requireTrustedPublishing, snapshotCadence, attestationPeriod, waivers);
    }

    /** A copy that requires provenance on every release, or not. */
    public Policy withRequireProvenance(boolean required) {
        return new Policy(source, rosters, sha256, secondFactor, maxTokenAge, minRsaBits, required,
                requireTrustedPublishing, snapshotCadence, attestationPeriod, waivers);
    }

    /** A copy that requires trusted publishing, or not. */
    public Policy withRequireTrustedPublishing(boolean required) {
        return new Policy(source, rosters, sha256, secondFactor, maxTokenAge, minRsaBits, requireProvenance,
                required, snapshotCadence, attestationPeriod, waivers);
    }

    /** A copy with another period for which a declared second factor is trusted. */
    public Policy withAttestationPeriod(Duration period) {
        return new Policy(source, rosters, sha256, secondFactor, maxTokenAge, minRsaBits, requireProvenance,
                requireTrustedPublishing, snapshotCadence, Optional.of(period), waivers);
    }
}
