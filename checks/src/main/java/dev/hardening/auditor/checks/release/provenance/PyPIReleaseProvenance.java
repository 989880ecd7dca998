package dev.hardening.auditor.checks.release.provenance;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIFileProvenance;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIPublisher;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The PyPI half of {@code release.provenance}: the PEP 740 provenance (Integrity API) of the last
 * {@value #RECENT_RELEASES} releases. The latest: all files attested PASS; some attested and some not
 * FAIL (files uploaded outside the trusted publisher); none attested FAIL if the previous release was
 * attested, else WARN (FAIL when the policy requires provenance). An attested latest still FAILs when
 * a release between it and an earlier attested one carried no attestation. Each file is one request, so
 * at most {@value #MAX_FILES} files of the latest release and {@value #MAX_PREVIOUS_FILES} of each
 * earlier one are read.
 */
final class PyPIReleaseProvenance {
    static final int MAX_FILES = 12;
    static final int MAX_PREVIOUS_FILES = 4;
    static final int RECENT_RELEASES = 3;

    private PyPIReleaseProvenance() {
    }

    static Finding judge(CheckContext context, String name, PyPIProject project) {
        String subject = "pypi:" + name;
        Optional<PyPIRelease> latest = project.release(project.version()).filter(r -> !r.files().isEmpty())
                .or(() -> project.releases().stream().filter(r -> !r.files().isEmpty())
                        .max(Comparator.comparing(r -> r.uploadedAt().orElse(Instant.MIN))));
        if (latest.isEmpty()) {
            return context.notApplicable(subject, name + " has no release with files.");
        }
        PyPIRelease release = latest.get();
        List<Evidence> evidence = new ArrayList<>();
        List<String> attested = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> publishers = new LinkedHashSet<>();
        Unavailability firstGap = null;
        List<PyPIFile> files = release.files().subList(0, Math.min(MAX_FILES, release.files().size()));
        // Every file's provenance is read whatever the others say: ask for them all at once.
        context.facts().prefetch(files.stream().map(f -> PyPIFacts.provenance(name, release.version(), f.filename())).toList());
        for (PyPIFile file : files) {
            String source = "GET /integrity/" + name + "/" + release.version() + "/" + file.filename() + "/provenance";
            Fact<PyPIFileProvenance> fact = context.facts().lookup(PyPIFacts.provenance(name, release.version(), file.filename()));
            if (fact instanceof Fact.Unavailable<PyPIFileProvenance> unavailable) {
                firstGap = firstGap == null ? unavailable.unavailability() : firstGap;
                evidence.add(Evidence.of("file " + file.filename(), "could not be read: " + unavailable.unavailability().reason(), source));
            } else {
                PyPIFileProvenance provenance = ((Fact.Available<PyPIFileProvenance>) fact).value();
                if (provenance.present()) {
                    attested.add(file.filename());
                    provenance.publishers().forEach(p -> publishers.add(describe(p)));
                    evidence.add(Evidence.of("file " + file.filename(), "attested by " + describeAll(provenance.publishers()), source));
                } else {
                    missing.add(file.filename());
                    evidence.add(Evidence.of("file " + file.filename(), "no attestation", source));
                }
            }
        }
        if (files.size() < release.files().size()) {
            evidence.add(Evidence.of("files checked", files.size() + " of " + release.files().size(), "GET /pypi/" + name + "/json"));
        }
        String releaseName = name + " " + release.version();
        if (!attested.isEmpty() && !missing.isEmpty()) {
            return context.fail(subject, String.join(", ", missing) + " of " + releaseName + " carry no attestation while "
                    + String.join(", ", attested) + " do: they were uploaded outside the trusted publisher, as the"
                    + " ultralytics 8.3.45 and 8.3.46 files were with a leftover API token.", evidence);
        }
        if (!attested.isEmpty() && firstGap == null) {
            Optional<String> gap = unattestedBetween(context, name, project, release, evidence);
            if (gap.isPresent()) {
                return context.fail(subject, gap.get() + " Every file of " + releaseName + " is attested again, but check"
                        + " that release against the repository: it was uploaded outside the trusted publisher.", evidence);
            }
            return context.pass(subject, "Every file of " + releaseName + " carries a PEP 740 attestation from "
                    + String.join("; ", publishers) + ".", evidence);
        }
        if (firstGap != null && missing.isEmpty()) {
            return context.unknown(subject, firstGap.reason(), firstGap.needed(), evidence.toArray(Evidence[]::new));
        }
        Optional<String> previouslyAttested = previousReleaseAttested(context, name, project, release, evidence);
        if (previouslyAttested.isPresent()) {
            return context.fail(subject, "No file of " + releaseName + " carries an attestation although " + previouslyAttested.get()
                    + " did: a release made outside the trusted publisher, as ultralytics 8.3.45 and 8.3.46 were with a leftover"
                    + " API token. Check it against the repository.", evidence);
        }
        return ProvenanceRequirement.neverHadProvenance(context, subject, "No file of " + releaseName + " carries an attestation,"
                + " so nothing ties the release to the repository and workflow that built it; publish through a trusted publisher.",
                evidence);
    }

    /**
     * The releases before {@code latest} in the recent window, oldest first: a release with no attested file
     * after one with an attested file is a gap in provenance (ultralytics 8.3.45 came between attested releases).
     */
    private static Optional<String> unattestedBetween(CheckContext context, String name, PyPIProject project,
                                                      PyPIRelease latest, List<Evidence> evidence) {
        if (latest.uploadedAt().isEmpty()) {
            return Optional.empty();
        }
        Instant latestUpload = latest.uploadedAt().get();
        List<PyPIRelease> earlier = project.releases().stream()
                .filter(r -> !r.files().isEmpty() && r.uploadedAt().isPresent() && r.uploadedAt().get().isBefore(latestUpload))
                .sorted(Comparator.comparing(r -> r.uploadedAt().get())).toList();
        List<PyPIRelease> window = earlier.subList(Math.max(0, earlier.size() - (RECENT_RELEASES - 1)), earlier.size());
        Optional<String> lastAttested = Optional.empty();
        List<String> gaps = new ArrayList<>();
        for (PyPIRelease r : window) {
            int attested = 0;
            int bare = 0;
            for (PyPIFile file : r.files().subList(0, Math.min(MAX_PREVIOUS_FILES, r.files().size()))) {
                Optional<PyPIFileProvenance> p = context.facts().lookup(PyPIFacts.provenance(name, r.version(), file.filename()))
                        .valueIfAvailable();
                if (p.isPresent()) {
                    attested += p.get().present() ? 1 : 0;
                    bare += p.get().present() ? 0 : 1;
                }
            }
            String source = "GET /integrity/" + name + "/" + r.version() + "/…/provenance";
            if (attested > 0) {
                evidence.add(Evidence.of("release " + r.version(), attested + " of " + (attested + bare) + " checked files attested", source));
                lastAttested = Optional.of(r.version());
            } else if (bare > 0) {
                evidence.add(Evidence.of("release " + r.version(), "no attestation on " + bare + " checked files", source));
                lastAttested.ifPresent(a -> gaps.add(r.version() + " (after " + a + ")"));
            }
        }
        if (gaps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", gaps) + (gaps.size() == 1 ? " was" : " were") + " uploaded without"
                + " attestations between attested releases.");
    }

    /** Whether the release before {@code latest} had an attested file, reading a bounded number of its files. */
    private static Optional<String> previousReleaseAttested(CheckContext context, String name, PyPIProject project,
                                                            PyPIRelease latest, List<Evidence> evidence) {
        if (latest.uploadedAt().isEmpty()) {
            return Optional.empty();
        }
        Instant latestUpload = latest.uploadedAt().get();
        Optional<PyPIRelease> previous = project.releases().stream()
                .filter(r -> !r.files().isEmpty() && r.uploadedAt().isPresent() && r.uploadedAt().get().isBefore(latestUpload))
                .max(Comparator.comparing(r -> r.uploadedAt().get()));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        PyPIRelease release = previous.get();
        for (PyPIFile file : release.files().subList(0, Math.min(MAX_PREVIOUS_FILES, release.files().size()))) {
            Fact<PyPIFileProvenance> fact = context.facts().lookup(PyPIFacts.provenance(name, release.version(), file.filename()));
            if (fact instanceof Fact.Available<PyPIFileProvenance> available && available.value().present()) {
                evidence.add(Evidence.of("previous release " + release.version(), file.filename() + " attested by "
                        + describeAll(available.value().publishers()),
                        "GET /integrity/" + name + "/" + release.version() + "/" + file.filename() + "/provenance"));
                return Optional.of(release.version());
            }
        }
        return Optional.empty();
    }

    private static String describeAll(List<PyPIPublisher> publishers) {
        return publishers.isEmpty() ? "an unnamed publisher"
                : String.join("; ", publishers.stream().map(PyPIReleaseProvenance::describe).toList());
    }

    private static String describe(PyPIPublisher p) {
        return p.kind() + " " + p.repository() + ", workflow " + p.workflow()
                + p.environment().map(e -> ", environment " + e).orElse(", no environment");
    }
}
