package dev.hardening.auditor.sim.world;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An npm package.
 *
 * @param repositoryLink its {@code repository} as published (one of npm's spellings), if any
 * @param maintainers    logins of its maintainers (the owner first)
 * @param versions       oldest first
 */
public record NpmPackage(String name, Optional<String> repositoryLink, List<String> maintainers, List<Version> versions) {

    /**
     * One published version.
     *
     * @param publisher   login of who published it, or empty for trusted publishing (GitHub Actions)
     * @param provenance  whether it carries a provenance attestation
     * @param postinstall whether its package.json runs a postinstall script
     * @param leaksSecret whether its tarball ships a {@code .env} with a credential
     */
    public record Version(String version, Instant published, Optional<String> publisher, boolean provenance,
                          boolean postinstall, boolean leaksSecret) {
        public boolean trusted() {
            return publisher.isEmpty();
        }
    }

    /** The last path segment of the tarball: {@code pkg-1.0.0.tgz} for {@code @scope/pkg}. */
    public String tarballName(String version) {
        String base = name.startsWith("@") ? name.substring(name.indexOf('/') + 1) : name;
        return base + "-" + version + ".tgz";
    }
}
