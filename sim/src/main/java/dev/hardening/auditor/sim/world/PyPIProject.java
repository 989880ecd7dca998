package dev.hardening.auditor.sim.world;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A PyPI project.
 *
 * @param sourceUrl   its {@code project_urls.Source}, if any
 * @param roles       ownership roles, Owner first
 * @param authorEmail {@code author_email}
 * @param releases    oldest first
 */
public record PyPIProject(String name, Optional<String> sourceUrl, List<Role> roles, String authorEmail, List<Release> releases) {

    public record Role(String role, String user) {
    }

    /** A release: an sdist and two wheels, uploaded together. */
    public record Release(String version, Instant uploaded, List<File> files) {
    }

    /**
     * One file of a release.
     *
     * @param packageType {@code sdist} or {@code bdist_wheel}
     * @param attested    uploaded by a trusted publisher, with a PEP 740 attestation
     * @param addsPth     a wheel that ships a {@code .pth} file
     */
    public record File(String filename, String packageType, String pythonVersion, boolean attested, boolean addsPth) {
    }

    /** The distribution name as wheels spell it ({@code sim_py_001}). */
    public String distribution() {
        return name.replace('-', '_');
    }

    public Release latest() {
        return releases.get(releases.size() - 1);
    }
}
