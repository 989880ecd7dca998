package dev.hardening.auditor.core.facts.pypi;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo;

/** The PyPI facts that checks can ask for. */
public final class PyPIFacts {
    private PyPIFacts() {
    }

    /** The projects this audit covers: {@code --pypi-project} plus those of each {@code --pypi-user}. */
    /**
     * The read-ahead lane of facts read from PyPI's file host rather than pypi.org (downloads, wheel
     * directories), so that a queue of them does not hold back pypi.org, nor the other way round.
     */
    public static final String FILES_LANE = "pypi-files";

    public static final FactKey<NameList> AUDITED_PROJECTS = FactKey.of("pypi.audited-projects", Platform.PYPI, NameList.class);

    /**
     * The PyPI API token given to the audit ({@code PYPI_TOKEN} or {@code --pypi-token-file}), decoded
     * on this machine. Unavailable without one; the token itself is never sent anywhere.
     */
    public static final FactKey<PyPITokenInfo> TOKEN_SCOPE = FactKey.of("pypi.token-scope", Platform.PYPI, PyPITokenInfo.class);

    private static final FactKey<PyPIProject> PROJECT = FactKey.of("pypi.project", Platform.PYPI, PyPIProject.class);
    private static final FactKey<PyPIFileProvenance> PROVENANCE =
            FactKey.of("pypi.file-provenance", Platform.PYPI, PyPIFileProvenance.class);

    private static final FactKey<PyPIWheelEntries> WHEEL_ENTRIES =
            FactKey.of("pypi.wheel-entries", Platform.PYPI, PyPIWheelEntries.class).onLane(FILES_LANE);

    /** The entry names of one wheel (its ZIP central directory); subject {@code project/version/filename}. */
    public static FactKey<PyPIWheelEntries> wheelEntries(String project, String version, String filename) {
        return WHEEL_ENTRIES.about(project + "/" + version + "/" + filename);
    }

    /** {@code GET /pypi/{project}/json}. */
    public static FactKey<PyPIProject> project(String name) {
        return PROJECT.about(name);
    }

    /** Integrity API provenance of one file; subject {@code project/version/filename}. */
    public static FactKey<PyPIFileProvenance> provenance(String project, String version, String filename) {
        return PROVENANCE.about(project + "/" + version + "/" + filename);
    }
}
