package dev.hardening.auditor.core.facts.artifacts;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.model.Platform;

/** Facts about published artifacts: downloaded, verified and scanned in memory. */
public final class ArtifactFacts {
    private ArtifactFacts() {
    }

    /** How many of the latest versions are downloaded and scanned per package. */
    public static final int DEFAULT_VERSIONS = 3;

    private static final FactKey<ArtifactScans> NPM = FactKey.of("artifacts.npm-scans", Platform.NPM, ArtifactScans.class);
    /**
     * Downloaded from PyPI's file host, so read ahead on its lane ({@link PyPIFacts#FILES_LANE}). npm's
     * tarballs come from the registry's own host and stay on its lane, behind the packuments they need.
     */
    private static final FactKey<ArtifactScans> PYPI = FactKey.of("artifacts.pypi-scans", Platform.PYPI, ArtifactScans.class)
            .onLane(PyPIFacts.FILES_LANE);

    /**
     * A local directory, archive or file scanned by {@code auditor scan}; no collector is registered
     * for it in an audit, so checks see it only when that command supplies it.
     */
    public static final FactKey<ArtifactScans> LOCAL = FactKey.of("artifacts.local-scan", Platform.WORKSTATION,
            ArtifactScans.class);

    /** The tarballs of an npm package's latest versions. */
    public static FactKey<ArtifactScans> npm(String name) {
        return NPM.about(name);
    }

    /** The sdists and wheels of a PyPI project's latest releases. */
    public static FactKey<ArtifactScans> pypi(String name) {
        return PYPI.about(name);
    }
}
