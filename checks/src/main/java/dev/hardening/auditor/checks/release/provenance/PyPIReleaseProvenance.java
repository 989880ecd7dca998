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
 * The PyPI half of {@code release.provenance}: the PEP 740 provenance (Integrity API) of the latest
 * release's files. All attested PASS; some attested and some not FAIL (files uploaded outside the
 * trusted publisher); none attested FAIL if the previous release was attested, else WARN. Each file is
 * one request, so at most {@value #MAX_FILES} files of the latest release and
 * {@value #MAX_PREVIOUS_FILES} of the previous one are read.
 */
final class PyPIReleaseProvenance {
    static final int MAX_FILES = 12;
    static final int MAX_PREVIOUS_FILES = 4;

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
        return context.warn(subject, "No file of " + releaseName + " carries an attestation, so nothing ties the release to the"
                + " repository and workflow that built it; publish through a trusted publisher.", evidence);
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
