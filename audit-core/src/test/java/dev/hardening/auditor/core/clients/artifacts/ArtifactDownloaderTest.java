package dev.hardening.auditor.core.clients.artifacts;

import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.scan.ArtifactScanner;
import dev.hardening.auditor.core.scan.ScanResult;
import dev.hardening.auditor.core.scan.SyntheticSecrets;
import dev.hardening.auditor.core.scan.archive.TestArchives;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArtifactDownloaderTest {
    private static final byte[] TARBALL = TestArchives.of()
            .file("package/index.js", "module.exports = '" + new SyntheticSecrets(new Random(2)).githubToken("ghp") + "';\n").tgz();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sri(String alg, String javaAlg, byte[] data) throws Exception {
        return alg + "-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance(javaAlg).digest(data));
    }

    private ScanResult download(ExpectedDigest digest) throws FetchException {
        return new ArtifactDownloader(gateway()).download(Platform.NPM, server.url("/x/-/x-1.0.0.tgz").toString(), "x-1.0.0.tgz",
                digest, in -> ArtifactScanner.standard().scanArchive("x-1.0.0.tgz", in));
    }

    private void serve(byte[] body) {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(body)).build());
    }

    @Test
    void streamsVerifiesAndScansAnNpmTarball() throws Exception {
        serve(TARBALL);

        ScanResult r = download(ExpectedDigest.fromSri("sha1-AAAA " + sri("sha512", "SHA-512", TARBALL)).orElseThrow());

        assertThat(r.secrets()).singleElement().satisfies(m -> assertThat(m.path()).isEqualTo("x-1.0.0.tgz!/package/index.js"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/x/-/x-1.0.0.tgz");
        assertThat(request.getHeaders().get("Cache-Control")).isEqualTo("no-store");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void pypiSha256IsVerified() throws Exception {
        serve(TARBALL);
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TARBALL));

        assertThat(download(ExpectedDigest.sha256Hex(hex).orElseThrow()).files()).isEqualTo(1);
    }

    @Test
    void aDownloadThatDoesNotMatchItsDigestIsRefused() throws Exception {
        serve(TARBALL);
        byte[] other = TARBALL.clone();
        other[other.length - 1] ^= 1;

        FetchException e = catchThrowableOfType(FetchException.class,
                () -> download(ExpectedDigest.fromSri(sri("sha512", "SHA-512", other)).orElseThrow()));

        assertThat(e.cause()).isEqualTo(Cause.MALFORMED);
        assertThat(e.getMessage()).contains("does not match its dist.integrity (sha512)").contains("nothing read from it");
    }

    @Test
    void statusFailuresMapAsForEveryRequest() {
        server.enqueue(new MockResponse.Builder().code(404).body("{}").build());

        FetchException e = catchThrowableOfType(FetchException.class,
                () -> download(ExpectedDigest.sha256Hex("00".repeat(32)).orElseThrow()));

        assertThat(e.cause()).isEqualTo(Cause.NOT_FOUND);
    }

    @Test
    void anArtifactOverTheCapIsRefused() {
        serve(new byte[4096]);

        FetchException e = catchThrowableOfType(FetchException.class, () -> new ArtifactDownloader(gateway(), 1000)
                .download(Platform.PYPI, server.url("/big.whl").toString(), "big.whl",
                        ExpectedDigest.sha256Hex("00".repeat(32)).orElseThrow(), in -> in.readAllBytes()));

        assertThat(e.cause()).isEqualTo(Cause.TOO_LARGE);
    }

    @Test
    void unusableUrlIsAClearFailure() {
        FetchException e = catchThrowableOfType(FetchException.class, () -> new ArtifactDownloader(gateway())
                .download(Platform.NPM, "file:///etc/passwd", "x.tgz", ExpectedDigest.sha256Hex("00".repeat(32)).orElseThrow(),
                        in -> in.readAllBytes()));

        assertThat(e.getMessage()).contains("no usable download URL");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sriParsingPicksTheStrongestKnownHash() {
        assertThat(ExpectedDigest.fromSri("sha1-AAAA sha512-AAAA sha256-AAAA").orElseThrow().algorithm()).isEqualTo("SHA-512");
        assertThat(ExpectedDigest.fromSri("md5-AAAA")).isEmpty();
        assertThat(ExpectedDigest.fromSri("sha512-!!!")).isEmpty();
        assertThat(ExpectedDigest.sha256Hex("xyz")).isEmpty();
    }
}
