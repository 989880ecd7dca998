package dev.hardening.auditor.core.clients.pypi;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.html;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static dev.hardening.auditor.core.clients.ClientTestSupport.status;
import static dev.hardening.auditor.core.clients.ClientTestSupport.truncated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIFileProvenance;
import dev.hardening.auditor.core.facts.pypi.PyPIOwnership;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIPublisher;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.http.FetchException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PyPIClientTest {
    private static final String PROVENANCE_FILE = "pypi_attestations-0.0.19.tar.gz";

    private MockWebServer server;
    private PyPIClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new PyPIClient(gateway(), server.url("/"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void projectDocumentWithReleasesAndNoOwnership() throws Exception {
        server.enqueue(json(fixture("pypi/pypi_json_project_attrs_legacy.json")));

        PyPIProject p = client.project("attrs");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /pypi/attrs/json HTTP/1.1");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(p.name()).isEqualTo("attrs");
        assertThat(p.version()).isEqualTo("17.4.0");
        assertThat(p.authorEmail()).contains("hs@ox.cx");
        assertThat(p.maintainerEmail()).as("maintainer_email: \"\"").isEmpty();
        assertThat(p.projectUrls()).as("no project_urls field").isEmpty();
        assertThat(p.ownership()).as("older data has no ownership").isEmpty();
        PyPIRelease release = p.release("17.4.0").orElseThrow();
        assertThat(release.files()).containsExactly(
                new PyPIFile("attrs-17.4.0-py2.py3-none-any.whl", "bdist_wheel",
                        "a17a9573a6f475c99b551c0e0a812707ddda1ec9653bed04c13841404ed6f450", 31658,
                        Optional.of(Instant.parse("2017-12-30T08:20:05Z")), false,
                        "https://files.pythonhosted.org/packages/b5/60/4e178c1e790fd60f1229a9b3cb2f8bc2f4cc6ff2c8838054c142c70b5adc/attrs-17.4.0-py2.py3-none-any.whl"),
                new PyPIFile("attrs-17.4.0.tar.gz", "sdist",
                        "1c7960ccfd6a005cd9f7ba884e6316b5e430a3f1a6c37c5f87d8b43f83b54ec9", 97071,
                        Optional.of(Instant.parse("2017-12-30T08:20:08Z")), false,
                        "https://files.pythonhosted.org/packages/8b/0b/a06cfcb69d0cb004fde8bc6f0fd192d96d565d1b8aa2829f0f20adb796e5/attrs-17.4.0.tar.gz"));
        assertThat(release.uploadedAt()).contains(Instant.parse("2017-12-30T08:20:05Z"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void ownershipProjectUrlsAndIsoUploadTimes() throws Exception {
        // A version-level document: no "releases" map, its "urls" are the files of info.version.
        server.enqueue(json(fixture("pypi/pypi_json_poetry-core_2.1.3.json")));

        PyPIProject p = client.project("poetry-core");

        assertThat(p.ownership()).contains(new PyPIOwnership(List.of(), Optional.of("poetry")));
        assertThat(p.authorEmail()).contains("sebastien@eustace.io");
        assertThat(p.maintainerEmail()).contains("arun.neelicattu@gmail.com");
        assertThat(p.projectUrls()).containsEntry("Repository", "https://github.com/python-poetry/poetry-core")
                .hasSize(3);
        assertThat(p.releases()).extracting(PyPIRelease::version).containsExactly("2.1.3");
        assertThat(p.releases().get(0).files()).extracting(PyPIFile::uploadTime).containsExactly(
                Optional.of(Instant.parse("2025-05-04T12:43:09.814666Z")),
                Optional.of(Instant.parse("2025-05-04T12:43:11.596621Z")));
    }

    @Test
    void provenanceNamesTheTrustedPublisher() throws Exception {
        server.enqueue(json(fixture("pypi/integrity_provenance_pypi_attestations-0.0.19.tar.gz.json")));

        PyPIFileProvenance prov = client.provenance("pypi-attestations", "0.0.19", PROVENANCE_FILE);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine())
                .isEqualTo("GET /integrity/pypi-attestations/0.0.19/pypi_attestations-0.0.19.tar.gz/provenance HTTP/1.1");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.pypi.integrity.v1+json");
        assertThat(prov.present()).isTrue();
        assertThat(prov.publishers()).containsExactly(
                new PyPIPublisher("GitHub", "trailofbits/pypi-attestations", "release.yml", Optional.empty()));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void noProvenanceIsAnAnswerNotAFailure() throws Exception {
        server.enqueue(json(404, "{\"message\": \"No provenance available for pypi_attestations-0.0.19.tar.gz\"}"));

        PyPIFileProvenance prov = client.provenance("pypi-attestations", "0.0.19", PROVENANCE_FILE);

        assertThat(prov.present()).isFalse();
        assertThat(prov.publishers()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void missingProjectIsNotFoundByName() {
        server.enqueue(json(404, "{\"message\": \"Not Found\"}"));

        FetchException e = fetchFailure(() -> client.project("no-such-project-xyz"), Cause.NOT_FOUND);

        assertThat(e.getMessage()).contains("no-such-project-xyz");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorTruncatedJsonAndHtmlFail() {
        server.enqueue(status(503));
        server.enqueue(json(truncated(fixture("pypi/pypi_json_project_attrs_legacy.json"))));
        server.enqueue(html(200));
        server.enqueue(html(200));

        fetchFailure(() -> client.project("attrs"), Cause.SERVER_ERROR);
        fetchFailure(() -> client.project("attrs"), Cause.MALFORMED);
        fetchFailure(() -> client.project("attrs"), Cause.MALFORMED);
        fetchFailure(() -> client.provenance("attrs", "17.4.0", "attrs-17.4.0.tar.gz"), Cause.MALFORMED);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void pathSegmentsAreCheckedAndEncoded() throws Exception {
        fetchFailure(() -> client.project(".."), Cause.NOT_CONFIGURED);
        fetchFailure(() -> client.provenance("attrs", "1.0", "../../evil"), Cause.NOT_CONFIGURED);
        assertThat(server.getRequestCount()).isZero();

        server.enqueue(json(404, "{}"));
        client.provenance("attrs", "1.0+local", "attrs 1.0.tar.gz");
        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo("GET /integrity/attrs/1.0+local/attrs%201.0.tar.gz/provenance HTTP/1.1");
    }

    @Test
    void userProjectsArePostedAsAnXmlRpcCallToTheLegacyEndpoint() throws Exception {
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).setHeader("Content-Type", "text/xml")
                .body(new String(UserPackagesResponseTest.resource("user_packages_alice.xml"), java.nio.charset.StandardCharsets.UTF_8))
                .build());

        List<PyPIUserProject> projects = client.userProjects("alice");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("POST /pypi HTTP/1.1");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("text/xml");
        assertThat(request.getBody().utf8()).contains("<methodName>user_packages</methodName>")
                .contains("<value><string>alice</string></value>");
        assertThat(projects).extracting(PyPIUserProject::project).containsExactly("Poetry-Core", "alice-tools", "zest.releaser");
    }

    @Test
    void userProjectsFailuresAreClear() {
        server.enqueue(html(200));
        assertThat(fetchFailure(() -> client.userProjects("alice"), Cause.MALFORMED).unavailability().reason())
                .contains("POST /pypi (XML-RPC user_packages alice)");
        server.enqueue(status(503));
        assertThat(fetchFailure(() -> client.userProjects("alice"), Cause.SERVER_ERROR).unavailability().needed()).isNotBlank();
        assertThat(fetchFailure(() -> client.userProjects("../admin"), Cause.NOT_CONFIGURED)).isNotNull();
    }
}
