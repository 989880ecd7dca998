package dev.hardening.auditor.core.collect;

import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.clients.artifacts.ArtifactDownloader;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScan;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScans;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.scan.ArtifactScanner;
import dev.hardening.auditor.core.scan.archive.TestArchives;
import dev.hardening.auditor.core.testing.FakeFacts;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArtifactCollectorsTest {
    private static final byte[] CLEAN = TestArchives.of().file("package/index.js", "module.exports = 1;\n").tgz();
    private static final byte[] WHEEL = TestArchives.of().file("pkg/__init__.py", "x = 1\n").zip();
    private MockWebServer server;
    private final List<String> requested = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getTarget();
                requested.add(target);
                byte[] body = target.endsWith(".whl") ? WHEEL : CLEAN;
                return new MockResponse.Builder().code(200).body(new Buffer().write(body)).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sri(byte[] data) throws Exception {
        return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(data));
    }

    private NpmVersion version(String v, int day, Optional<String> integrity, boolean tarball) {
        return new NpmVersion(v, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                Optional.of(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(day * 86400L)), integrity,
                tarball ? Optional.of(server.url("/pkg/-/pkg-" + v + ".tgz").toString()) : Optional.empty(), Optional.empty());
    }

    @Test
    void npmTheLatestThreeVersionsAreDownloadedVerifiedAndScanned() throws Exception {
        String good = sri(CLEAN);
        NpmPackument p = new NpmPackument("pkg", List.of(), Map.of("latest", "1.3.0"), List.of(
                version("1.0.0", 1, Optional.of(good), true),
                version("1.1.0", 2, Optional.of(sri(new byte[] {1})), true),
                version("1.2.0", 3, Optional.of(good), false),
                version("1.3.0", 4, Optional.of(good), true)), Optional.empty(), Optional.empty(), Optional.empty());
        FakeFacts facts = FakeFacts.none().with(NpmFacts.packument("pkg"), p);

        ArtifactScans scans = ArtifactCollectors.npm("pkg", facts, new ArtifactDownloader(gateway()), ArtifactScanner.standard());

        assertThat(scans.subject()).isEqualTo("npm:pkg");
        assertThat(scans.artifacts()).extracting(ArtifactScan::version).containsExactly("1.3.0", "1.2.0", "1.1.0");
        assertThat(scans.artifacts().get(0).result()).isPresent();
        assertThat(scans.artifacts().get(0).verified()).isEqualTo("dist.integrity (sha512)");
        assertThat(scans.artifacts().get(1).failure().orElseThrow().reason()).contains("no dist.tarball");
        assertThat(scans.artifacts().get(2).failure().orElseThrow().cause()).isEqualTo(Cause.MALFORMED);
        assertThat(scans.artifacts().get(2).failure().orElseThrow().reason()).contains("does not match");
        assertThat(requested).containsExactly("/pkg/-/pkg-1.3.0.tgz", "/pkg/-/pkg-1.1.0.tgz");
    }

    @Test
    void pypiTheSdistAndAtMostTwoWheelsOfTheLatestReleases() throws Exception {
        String sdist = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CLEAN));
        String wheel = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(WHEEL));
        List<PyPIFile> files = new ArrayList<>();
        files.add(file("p-2.0.tar.gz", "sdist", sdist, 10));
        for (String tag : List.of("cp311", "cp312", "cp313")) {
            files.add(file("p-2.0-" + tag + ".whl", "bdist_wheel", wheel, 10));
        }
        PyPIProject project = new PyPIProject("p", "2.0", Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                List.of(new PyPIRelease("1.0", List.of(file("p-1.0.tar.gz", "sdist", "zz", 5))), new PyPIRelease("2.0", files)));

        ArtifactScans scans = ArtifactCollectors.pypi("p", FakeFacts.none().with(PyPIFacts.project("p"), project),
                new ArtifactDownloader(gateway()), ArtifactScanner.standard());

        assertThat(scans.artifacts()).extracting(ArtifactScan::file)
                .containsExactly("p-2.0.tar.gz", "p-2.0-cp311.whl", "p-2.0-cp312.whl", "p-1.0.tar.gz");
        assertThat(scans.artifacts().subList(0, 3)).allSatisfy(a -> assertThat(a.result()).isPresent());
        assertThat(scans.artifacts().get(3).failure().orElseThrow().reason()).contains("no sha256");
        assertThat(requested).hasSize(3);
    }

    private PyPIFile file(String name, String type, String sha256, int day) {
        return new PyPIFile(name, type, sha256, 100, Optional.of(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(day * 86400L)),
                false, server.url("/packages/" + name).toString());
    }
}
