package dev.hardening.auditor.checks.release.publishanomalies;

import dev.hardening.auditor.checks.release.publishanomalies.Anomaly.Kind;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIFileProvenance;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.facts.pypi.PyPIWheelEntries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The anomalies of one PyPI project's release history (releases oldest first by upload time): among
 * the last {@value #RECENT_RELEASES} releases, one uploaded without PEP 740 provenance after an attested
 * one, or with some files attested and others not (ultralytics 8.3.45); a wheel of one of the last
 * {@value #WHEEL_RELEASES} releases that adds a {@code .pth} file (elementary-data 0.23.3); and the
 * timing anomalies of {@link Timeline} over every release. Each file's provenance is one Integrity API request, so at most
 * {@value #FILES_PER_RELEASE} files of each recent release are read.
 */
final class PyPIHistory {
    static final int RECENT_RELEASES = 8;
    static final int FILES_PER_RELEASE = 2;
    static final int WHEEL_RELEASES = 3;

    /** What the checked files of one release showed. */
    enum Attested {
        ALL, NONE, SOME, UNREADABLE
    }

    /** The provenance seen for one release, with the files behind it. */
    record ReleaseProvenance(PyPIRelease release, Attested attested, List<String> attestedFiles, List<String> bareFiles) {
    }

    private PyPIHistory() {
    }

    static List<Anomaly> anomalies(Facts facts, PyPIProject project) {
        List<PyPIRelease> withFiles = project.releases().stream()
                .filter(r -> !r.files().isEmpty() && r.uploadedAt().isPresent()).toList();
        List<PyPIRelease> recent = withFiles.subList(Math.max(0, withFiles.size() - RECENT_RELEASES), withFiles.size());
        // Every file's provenance and every compared wheel's entries below are read whatever they say:
        // ask for them all at once rather than one after another.
        List<FactKey<?>> reads = new ArrayList<>();
        recent.forEach(r -> checkedFiles(r).forEach(f -> reads.add(PyPIFacts.provenance(project.name(), r.version(), f.filename()))));
        wheelWindow(withFiles).forEach(r -> reads.add(PyPIFacts.wheelEntries(project.name(), r.version(), wheel(r).get().filename())));
        facts.prefetch(reads);
        List<Anomaly> out = new ArrayList<>();
        Optional<ReleaseProvenance> lastAttested = Optional.empty();
        for (PyPIRelease release : recent) {
            ReleaseProvenance seen = provenance(facts, project.name(), release);
            switch (seen.attested()) {
                case ALL -> lastAttested = Optional.of(seen);
                case SOME -> {
                    out.add(new Anomaly(release.version(), Kind.PROVENANCE_LOST, String.join(", ", seen.bareFiles())
                            + " carry no attestation while " + String.join(", ", seen.attestedFiles()) + " do"));
                    lastAttested = Optional.of(seen);
                }
                case NONE -> lastAttested.ifPresent(a -> out.add(new Anomaly(release.version(), Kind.PROVENANCE_LOST,
                        "uploaded without provenance (" + String.join(", ", seen.bareFiles()) + ") although "
                                + a.release().version() + ", uploaded before it, was attested")));
                case UNREADABLE -> {
                    // Unknown is not evidence either way.
                }
            }
        }
        out.addAll(pthFiles(facts, project.name(), withFiles));
        out.addAll(Timeline.anomalies(withFiles.stream()
                .map(r -> new Timeline.Release(r.version(), r.uploadedAt().get())).toList()));
        return out;
    }

    /**
     * {@code .pth} files a wheel of one of the last {@value #WHEEL_RELEASES} releases adds over the
     * wheel of the release before it (one wheel each, its file list read from the ZIP's end).
     */
    private static List<Anomaly> pthFiles(Facts facts, String project, List<PyPIRelease> releases) {
        List<Anomaly> out = new ArrayList<>();
        Optional<PyPIWheelEntries> previous = Optional.empty();
        for (PyPIRelease release : wheelWindow(releases)) {
            PyPIFile wheel = wheel(release).get();
            Optional<PyPIWheelEntries> entries = facts.lookup(PyPIFacts.wheelEntries(project, release.version(), wheel.filename()))
                    .valueIfAvailable();
            if (entries.isPresent() && previous.isPresent()) {
                List<String> before = previous.get().pthFiles();
                List<String> added = entries.get().pthFiles().stream().filter(f -> !before.contains(f)).toList();
                if (!added.isEmpty()) {
                    out.add(new Anomaly(release.version(), Kind.PTH_FILE_ADDED, wheel.filename() + " adds "
                            + String.join(", ", added) + ", which Python runs at every start, absent from "
                            + previous.get().filename()));
                }
            }
            previous = entries;
        }
        return out;
    }

    /** The last {@value #WHEEL_RELEASES} releases with a wheel. */
    private static List<PyPIRelease> wheelWindow(List<PyPIRelease> releases) {
        List<PyPIRelease> withWheel = releases.stream().filter(r -> wheel(r).isPresent()).toList();
        return withWheel.subList(Math.max(0, withWheel.size() - WHEEL_RELEASES), withWheel.size());
    }

    /** The files of a release whose provenance is read. */
    private static List<PyPIFile> checkedFiles(PyPIRelease release) {
        return release.files().subList(0, Math.min(FILES_PER_RELEASE, release.files().size()));
    }

    /** The wheel to compare: a pure-Python one if there is one, else the first. */
    private static Optional<PyPIFile> wheel(PyPIRelease release) {
        List<PyPIFile> wheels = release.files().stream().filter(f -> f.filename().endsWith(".whl")).toList();
        return wheels.stream().filter(f -> f.filename().endsWith("-none-any.whl")).findFirst().or(() -> wheels.stream().findFirst());
    }

    static ReleaseProvenance provenance(Facts facts, String project, PyPIRelease release) {
        List<String> attested = new ArrayList<>();
        List<String> bare = new ArrayList<>();
        for (PyPIFile file : checkedFiles(release)) {
            Optional<PyPIFileProvenance> p = facts.lookup(PyPIFacts.provenance(project, release.version(), file.filename()))
                    .valueIfAvailable();
            if (p.isPresent()) {
                (p.get().present() ? attested : bare).add(file.filename());
            }
        }
        Attested state = attested.isEmpty() && bare.isEmpty() ? Attested.UNREADABLE
                : bare.isEmpty() ? Attested.ALL : attested.isEmpty() ? Attested.NONE : Attested.SOME;
        return new ReleaseProvenance(release, state, attested, bare);
    }
}
