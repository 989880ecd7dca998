package dev.hardening.auditor.core.facts.attest;

import dev.hardening.auditor.core.model.Platform;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The user's declarations, at most one (the latest) per platform. */
public record Attestations(Map<Platform, MfaAttestation> mfa) {
    /** The platforms a second factor can be declared for. */
    public static final Set<Platform> MFA_PLATFORMS = Set.of(Platform.GITHUB, Platform.NPM, Platform.PYPI);

    public Attestations {
        EnumMap<Platform, MfaAttestation> copy = new EnumMap<>(Platform.class);
        copy.putAll(mfa);
        mfa = Collections.unmodifiableMap(copy);
    }

    public static Attestations none() {
        return new Attestations(Map.of());
    }

    public Optional<MfaAttestation> mfaFor(Platform platform) {
        return Optional.ofNullable(mfa.get(platform));
    }

    /** A copy with this declaration replacing any earlier one for its platform. */
    public Attestations with(MfaAttestation attestation) {
        if (!MFA_PLATFORMS.contains(attestation.platform())) {
            throw new IllegalArgumentException("a second factor is declared for GitHub, npm or PyPI, not "
                    + attestation.platform().displayName());
        }
        EnumMap<Platform, MfaAttestation> copy = new EnumMap<>(Platform.class);
        copy.putAll(mfa);
        copy.put(attestation.platform(), attestation);
        return new Attestations(copy);
    }

    public List<MfaAttestation> mfaList() {
        return List.copyOf(mfa.values());
    }
}
