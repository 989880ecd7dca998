package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.report.JsonSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code auditor audit} against local servers answering with real recorded response bodies
 * (audit-core test resources, see fixtures/SOURCES.md there): correct verdicts, then faults that
 * must give UNKNOWN with a reason, never PASS and never a stack trace; and a known token that
 * appears in no output and reaches only the GitHub server.
 */
class RecordedServerAuditTest {
    /** Shaped like a fine-grained token; not a real credential. */
    static final String TOKEN = "github_pat_11AAAAAAA0KnownTestValue_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX";

    private final MockWebServer github = new MockWebServer();
    private final MockWebServer npm = new MockWebServer();
    private final MockWebServer pypi = new MockWebServer();
    private final MockWebServer rdap = new MockWebServer();
    private final Map<String, Function<RecordedRequest, MockResponse>> githubOverrides = new HashMap<>();
    private final Map<String, Function<RecordedRequest, MockResponse>> npmOverrides = new HashMap<>();
    /** When set, every GitHub request gets this answer (the account and the repository checks alike). */
    private volatile Function<RecordedRequest, MockResponse> githubFault;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        github.setDispatcher(dispatcher(this::githubResponse));
        npm.setDispatcher(dispatcher(this::npmResponse));
        pypi.setDispatcher(dispatcher(this::pypiResponse));
        rdap.setDispatcher(dispatcher(this::rdapResponse));
        github.start();
        npm.start();
        pypi.start();
        rdap.start();
    }

    @AfterEach
    void stop() {
        github.close();
        npm.close();
        pypi.close();
        rdap.close();
    }

    @Test
    void recorded_responses_give_the_expected_verdicts() throws Exception {
        Path out = dir.resolve("r.json");

        CliRun run = audit(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String json = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).isEmpty();
        Map<String, String> verdicts = verdicts(json);
        assertThat(verdicts).containsEntry("github.2fa github:bitwiseman", "PASS")
                .containsEntry("github.token github:bitwiseman", "PASS")
                .containsEntry("npm.2fa npm:~foo", "PASS")
                .containsEntry("publishers.roster npm:tiny-tarball", "WARN")
                .containsEntry("release.provenance npm:tiny-tarball", "WARN")
                .containsEntry("release.provenance pypi:poetry-core", "PASS")
                .containsEntry("email.domain-expiry domain:eustace.io", "FAIL")
                .containsEntry("email.domain-expiry domain:npmjs.com", "PASS")
                // poetry-core links python-poetry/poetry-core; its answers are recorded ones (see githubResponse)
                .containsEntry("github.branch-protection repo:python-poetry/poetry-core", "WARN")
                .containsEntry("github.repo-access repo:python-poetry/poetry-core", "FAIL")
                .containsEntry("github.workflow-injection repo:python-poetry/poetry-core", "NOT_APPLICABLE")
                .containsEntry("release.trusted-publishing pypi:poetry-core", "PASS");
        assertThat(new ObjectMapper().readTree(json).path("demo").asBoolean()).isFalse();
    }

    @Test
    void a_known_token_reaches_only_the_github_server_and_appears_in_no_output() throws Exception {
        List<String> outputs = new ArrayList<>();
        for (String format : new String[] {"json", "md", "html", "sarif"}) {
            Path file = dir.resolve("r." + format);
            CliRun run = audit(file, format, "--debug");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).as("--debug logs every request").contains("debug: GET ").contains("/user");
            outputs.add(run.out());
            outputs.add(run.err());
            outputs.add(Files.readString(file, StandardCharsets.UTF_8));
        }

        assertThat(outputs).allSatisfy(text -> assertThat(text).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(11, 40)));
        assertThat(headersSeenBy(github)).anySatisfy(h -> assertThat(h).contains("Bearer " + TOKEN));
        for (MockWebServer other : new MockWebServer[] {npm, pypi, rdap}) {
            assertThat(headersSeenBy(other)).isNotEmpty().allSatisfy(h -> assertThat(h).doesNotContain(TOKEN));
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("HTTP 500", (Function<RecordedRequest, MockResponse>) r ->
                        new MockResponse.Builder().code(500).body("{\"message\":\"Server Error\"}").build(), "500"),
                Arguments.of("truncated JSON", (Function<RecordedRequest, MockResponse>) r ->
                        json(200, fixture("github/get_user_authenticated.json").substring(0, 300)), "malformed"),
                Arguments.of("HTML error page with 200", (Function<RecordedRequest, MockResponse>) r ->
                        new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                                .body("<!DOCTYPE html><html><body><h1>Unicorn!</h1></body></html>").build(), "HTML"),
                Arguments.of("403 primary rate limit", (Function<RecordedRequest, MockResponse>) r ->
                        new MockResponse.Builder().code(403).setHeader("Content-Type", "application/json")
                                .setHeader("X-RateLimit-Limit", "5000").setHeader("X-RateLimit-Remaining", "0")
                                .setHeader("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + 3600))
                                .body("{\"message\":\"API rate limit exceeded for user ID 1.\"}").build(), "rate limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void a_failing_github_api_gives_unknown_with_a_reason(String name, Function<RecordedRequest, MockResponse> fault,
                                                          String reason) throws Exception {
        githubFault = fault; // every GitHub endpoint, so that every github.* check meets it
        npmOverrides.put("/tiny-tarball", fault);
        Path out = dir.resolve("r.json");

        CliRun run = audit(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode report = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        List<JsonNode> affected = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            String check = f.path("check").asText();
            String subject = f.path("subject").asText();
            // github.org-2fa has no organisation among these targets: NOT_APPLICABLE, untouched by the fault.
            boolean githubTarget = check.startsWith("github.") && !f.path("status").asText().equals("NOT_APPLICABLE");
            if (githubTarget || subject.equals("npm:tiny-tarball")) {
                affected.add(f);
            }
        }
        assertThat(affected).isNotEmpty().allSatisfy(f -> {
            assertThat(f.path("status").asText()).as(f.toString()).isEqualTo("UNKNOWN");
            assertThat(f.path("message").asText()).containsIgnoringCase(reason);
            assertThat(f.path("needed").asText()).isNotBlank();
        });
    }

    private CliRun audit(Path out) {
        return audit(out, "json");
    }

    private CliRun audit(Path out, String format, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit",
                "--github-user", "bitwiseman", "--npm-package", "tiny-tarball", "--pypi-project", "poetry-core",
                "--github-api-url", github.url("/").toString(),
                "--npm-registry-url", npm.url("/").toString(),
                "--pypi-url", pypi.url("/").toString(),
                "--rdap-url", rdap.url("/").toString(),
                "--no-cache", "--format", format, "--out", out.toString()));
        args.addAll(List.of(extra));
        Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "NPM_TOKEN", "npm_KnownNpmTestTokenValue0123456789abcd");
        return CliRun.of(env, args.toArray(String[]::new));
    }

    private MockResponse githubResponse(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (githubFault != null) {
            return githubFault.apply(r);
        }
        if (githubOverrides.containsKey(path)) {
            return githubOverrides.get(path).apply(r);
        }
        // python-poetry/poetry-core, linked from poetry-core's project_urls: recorded answers of other repositories.
        Map<String, String> repository = Map.of(
                "", "github/get_repos_hub4j_ghdeploykeytest.json",
                "/branches/main/protection", "github/get_branch_protection_pygithub.json",
                "/contents/.github/workflows", "github/get_contents_dir_hub4j.json",
                "/collaborators", "github/get_repos_collaborators.json",
                "/keys", "github/get_repos_keys_hub4j.json");
        String repo = "/repos/python-poetry/poetry-core";
        if (path.startsWith(repo) && repository.containsKey(path.substring(repo.length()))) {
            return json(200, fixture(repository.get(path.substring(repo.length())))
                    .replace("hub4j-test-org/GHDeployKeyTest", "python-poetry/poetry-core"));
        }
        if (path.equals(repo + "/rules/branches/main")) {
            return json(200, "[]");
        }
        if (path.equals("/user")) {
            String expiry = OffsetDateTime.now(ZoneOffset.ofHours(-7)).plusDays(20)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx"));
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                    .setHeader("github-authentication-token-expiration", expiry)
                    .body(fixture("github/get_user_authenticated.json")).build();
        }
        return json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}");
    }

    private MockResponse npmResponse(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (npmOverrides.containsKey(path)) {
            return npmOverrides.get(path).apply(r);
        }
        return switch (path) {
            case "/-/npm/v1/user" -> json(200, fixture("npm/user_profile_v1_npmcli_test.json"));
            case "/tiny-tarball" -> json(200, fixture("npm/packument_full_tiny-tarball.json"));
            default -> json(404, "{\"error\":\"Not found\"}");
        };
    }

    private MockResponse pypiResponse(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.equals("/pypi/poetry-core/json")) {
            return json(200, fixture("pypi/pypi_json_poetry-core_2.1.3.json"));
        }
        if (path.startsWith("/integrity/poetry-core/2.1.3/") && path.endsWith("/provenance")) {
            return json(200, fixture("pypi/integrity_provenance_pypi_attestations-0.0.19.tar.gz.json"));
        }
        return json(404, "{\"message\":\"Not Found\"}");
    }

    private MockResponse rdapResponse(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.equals("/domain/npmjs.com") || path.equals("/domain/github.com")) {
            // The recorded google.com answer (registered, expires 2028) stands in for both.
            return json(200, fixture("rdap/domain_google.com_verisign_vcr_2021-12-17.json"));
        }
        return json(404, fixture("rdap/error_404_domain_not_found_centralnic.json"));
    }

    private static Dispatcher dispatcher(Function<RecordedRequest, MockResponse> answer) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
            }
        };
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    static String fixture(String name) {
        try (InputStream in = RecordedServerAuditTest.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> headersSeenBy(MockWebServer server) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        int n = server.getRequestCount();
        for (int i = 0; i < n; i++) {
            RecordedRequest r = server.takeRequest();
            // Headers.toString() masks Authorization, so spell every header out.
            StringBuilder sb = new StringBuilder(r.getRequestLine());
            r.getHeaders().forEach(h -> sb.append('\n').append(h.getFirst()).append(": ").append(h.getSecond()));
            seen.add(sb.toString());
        }
        return seen;
    }

    private static Map<String, String> verdicts(String json) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : new ObjectMapper().readTree(json).path("findings")) {
            out.put(f.path("check").asText() + " " + f.path("subject").asText(), f.path("status").asText());
        }
        return out;
    }
}
