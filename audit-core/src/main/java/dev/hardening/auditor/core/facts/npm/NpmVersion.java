package dev.hardening.auditor.core.facts.npm;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a package, from the full packument.
 *
 * @param publisher               {@code _npmUser}
 * @param trustedPublisher        {@code _npmUser.trustedPublisher}
 * @param attestationsUrl         {@code dist.attestations.url}
 * @param provenancePredicateType {@code dist.attestations.provenance.predicateType}
 * @param installScripts          the {@code preinstall}, {@code install} and {@code postinstall} scripts present
 * @param publishedAt             from the packument's {@code time} map
 * @param integrity               {@code dist.integrity}
 * @param tarball                 {@code dist.tarball}
 * @param gitHead                 {@code gitHead}
 */
public record NpmVersion(String version, Optional<NpmPerson> publisher, Optional<NpmTrustedPublisher> trustedPublisher,
                         Optional<String> attestationsUrl, Optional<String> provenancePredicateType,
                         Map<String, String> installScripts, Optional<Instant> publishedAt, Optional<String> integrity,
                         Optional<String> tarball, Optional<String> gitHead) {
    public NpmVersion {
        installScripts = Map.copyOf(installScripts);
    }

    /** Whether the registry recorded provenance or an OIDC trusted publish for this version. */
    public boolean hasProvenance() {
        return attestationsUrl.isPresent() || trustedPublisher.isPresent();
    }
}
