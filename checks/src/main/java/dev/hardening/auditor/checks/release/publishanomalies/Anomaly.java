package dev.hardening.auditor.checks.release.publishanomalies;

/**
 * One suspicious thing in a package's release history, tied to the version it concerns.
 *
 * @param version the version (or versions, for a burst) it concerns
 * @param kind    what was seen
 * @param detail  the evidence, in one sentence fragment, e.g. "published by dex-holloway, who is not on the roster"
 */
record Anomaly(String version, Kind kind, String detail) {

    enum Kind {
        UNEXPECTED_PUBLISHER("publisher", true),
        PROVENANCE_LOST("provenance lost", true),
        INSTALL_SCRIPT_ADDED("new install script", true),
        PTH_FILE_ADDED("new .pth file", true),
        DORMANT_REPUBLISH("dormant, then republished", false),
        BURST("burst of versions", false);

        private final String label;
        private final boolean strong;

        Kind(String label, boolean strong) {
            this.label = label;
            this.strong = strong;
        }

        String label() {
            return label;
        }

        /** Strong signals FAIL on their own; weak ones (timing) WARN. */
        boolean strong() {
            return strong;
        }
    }
}
