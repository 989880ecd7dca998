package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.clients.artifacts.ArtifactDownloader;
import dev.hardening.auditor.core.clients.artifacts.ExpectedDigest;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.artifacts.ArtifactFacts;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScan;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScans;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.scan.ArtifactScanner;
import dev.hardening.auditor.core.scan.ScanResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Collectors of facts about published artifacts: the latest {@value ArtifactFacts#DEFAULT_VERSIONS}
 * versions' files are downloaded, verified against the registry's digest while they stream, and
 * scanned in memory. One fact per package, read by both {@code release.leaked-secrets} and
 * {@code release.sensitive-files}, so each file is downloaded once per audit.
 */
final class ArtifactCollectors {
    /** Per PyPI release: the sdist and at most this many wheels (platform wheels are near-duplicates). */
    static final int MAX_WHEELS_PER_RELEASE = 2;

    private ArtifactCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
        ArtifactScanner scanner = ArtifactScanner.standard();
        r.register(ArtifactFacts.npm(""), (key, facts) -> npm(key.subject(), facts, clients.artifacts(), scanner));
        r.register(ArtifactFacts.pypi(""), (key, facts) -> pypi(key.subject(), facts, clients.artifacts(), scanner));
    }

    static ArtifactScans npm(String name, Facts facts, ArtifactDownloader downloader, ArtifactScanner scanner) {
        NpmPackument packument = facts.require(NpmFacts.packument(name));
        List<NpmVersion> versions = packument.versions();
        List<ArtifactScan> scans = new ArrayList<>();
        for (int i = versions.size() - 1; i >= Math.max(0, versions.size() - ArtifactFacts.DEFAULT_VERSIONS); i--) {
            NpmVersion v = versions.get(i);
            String file = v.tarball().map(ArtifactCollectors::lastSegment).orElse(name + "-" + v.version() + ".tgz");
            Optional<ExpectedDigest> digest = v.integrity().flatMap(ExpectedDigest::fromSri);
            if (v.tarball().isEmpty()) {
                scans.add(ArtifactScan.failed(v.version(), file, Unavailability.of(Cause.MALFORMED,
                        "the registry lists no dist.tarball for " + name + " " + v.version(), "report it to the registry")));
            } else if (digest.isEmpty()) {
                scans.add(ArtifactScan.failed(v.version(), file, Unavailability.of(Cause.MALFORMED,
                        "the registry publishes no usable dist.integrity for " + name + " " + v.version()
                                + ", so its tarball cannot be verified", "publish a new version (npm computes the integrity)")));
            } else {
                scans.add(fetch(Platform.NPM, v.version(), file, v.tarball().get(), digest.get(), downloader, scanner));
            }
        }
        return new ArtifactScans("npm:" + name, scans);
    }

    static ArtifactScans pypi(String name, Facts facts, ArtifactDownloader downloader, ArtifactScanner scanner) {
        PyPIProject project = facts.require(PyPIFacts.project(name));
        List<PyPIRelease> releases = project.releases().stream().filter(r -> !r.files().isEmpty())
                .sorted(Comparator.comparing((PyPIRelease r) -> r.uploadedAt().orElse(Instant.MIN)).reversed())
                .limit(ArtifactFacts.DEFAULT_VERSIONS).toList();
        List<ArtifactScan> scans = new ArrayList<>();
        for (PyPIRelease release : releases) {
            for (PyPIFile file : chooseFiles(release)) {
                Optional<ExpectedDigest> digest = ExpectedDigest.sha256Hex(file.sha256());
                if (digest.isEmpty()) {
                    scans.add(ArtifactScan.failed(release.version(), file.filename(), Unavailability.of(Cause.MALFORMED,
                            "PyPI publishes no sha256 digest for " + file.filename() + ", so it cannot be verified",
                            "report it to PyPI")));
                } else {
                    scans.add(fetch(Platform.PYPI, release.version(), file.filename(), file.url(), digest.get(), downloader,
                            scanner));
                }
            }
        }
        return new ArtifactScans("pypi:" + name, scans);
    }

    /** The sdist(s) and the first wheels, in the order PyPI lists them. */
    static List<PyPIFile> chooseFiles(PyPIRelease release) {
        List<PyPIFile> out = new ArrayList<>();
        release.files().stream().filter(f -> f.packageType().equals("sdist")).forEach(out::add);
        release.files().stream().filter(f -> f.packageType().equals("bdist_wheel")).limit(MAX_WHEELS_PER_RELEASE).forEach(out::add);
        return out;
    }

    private static ArtifactScan fetch(Platform platform, String version, String file, String url, ExpectedDigest digest,
                                      ArtifactDownloader downloader, ArtifactScanner scanner) {
        try {
            ScanResult result = downloader.download(platform, url, file, digest, in -> scanner.scanArchive(file, in));
            return ArtifactScan.scanned(version, file, digest.label(), result);
        } catch (FetchException e) {
            return ArtifactScan.failed(version, file, e.unavailability());
        }
    }

    private static String lastSegment(String url) {
        String u = url;
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        return u.substring(u.lastIndexOf('/') + 1);
    }
}
