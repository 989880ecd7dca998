package dev.hardening.auditor.cli;

import static dev.hardening.auditor.cli.RecordedServerAuditTest.fixture;
import static dev.hardening.auditor.cli.RecordedServerAuditTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry credentials end to end: the PyPI token is decoded offline and reaches no server and no
 * output; the npm token list is judged by key prefix without its values; PyPI projects named in the
 * policy's roster are audited without --pypi-project.
 */
class RegistryCredentialsAuditTest {
    /** A pymacaroons v2 token for pypi.org, account-wide (legacy "user" caveat); a test value, never valid. */
    static final String PYPI_TOKEN = PyMacaroonV2Encoder.token().caveat("{\"version\": 1, \"permissions\": \"user\"}").build();
    static final String NPM_TOKEN = "npm_KnownNpmTestTokenValue0123456789abcd";

    private final MockWebServer npm = new MockWebServer();
    private final MockWebServer pypi = new MockWebServer();
    private final List<String> seen = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        npm.setDispatcher(dispatcher(r -> switch (r.getUrl().encodedPath()) {
            case "/-/npm/v1/tokens" -> json(200, fixture("npm/tokens_v1_npmcli_test.json"));
            case "/-/npm/v1/user" -> json(200, fixture("npm/user_profile_v1_npmcli_test.json"));
            default -> json(404, "{\"error\":\"Not found\"}");
        }));
        pypi.setDispatcher(dispatcher(r -> r.getUrl().encodedPath().equals("/pypi/poetry-core/json")
                ? json(200, fixture("pypi/pypi_json_poetry-core_2.1.3.json"))
                : json(404, "{\"message\":\"Not Found\"}")));
        npm.start();
        pypi.start();
    }

    @AfterEach
    void stop() {
        npm.close();
        pypi.close();
    }

    private MockResponse record(RecordedRequest r, java.util.function.Function<RecordedRequest, MockResponse> answer) {
        StringBuilder sb = new StringBuilder(r.getRequestLine());
        r.getHeaders().forEach(h -> sb.append('\n').append(h.getFirst()).append(": ").append(h.getSecond()));
        synchronized (seen) {
            seen.add(sb.toString());
        }
        return answer.apply(r);
    }

    private Dispatcher dispatcher(java.util.function.Function<RecordedRequest, MockResponse> answer) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return record(request, answer);
            }
        };
    }

    private CliRun audit(Map<String, String> env, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit",
                "--npm-registry-url", npm.url("/").toString(), "--pypi-url", pypi.url("/").toString(),
                "--rdap-url", pypi.url("/rdap/").toString(), "--github-api-url", pypi.url("/github/").toString(),
                "--check", "pypi.token-scope", "--check", "npm.tokens", "--check", "publishers.roster",
                "--no-cache", "--format", "json", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(env, args.toArray(String[]::new));
    }

    private static Map<String, JsonNode> findings(Path out) throws Exception {
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode f : new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8)).path("findings")) {
            byKey.put(f.path("check").asText() + " " + f.path("subject").asText(), f);
        }
        return byKey;
    }

    @Test
    void thePyPITokenFromAFileIsDecodedOfflineAndAppearsNowhere() throws Exception {
        Path tokenFile = dir.resolve("pypi-token");
        Files.writeString(tokenFile, PYPI_TOKEN + "\n");
        Path out = dir.resolve("r.json");

        CliRun run = audit(Map.of("NPM_TOKEN", NPM_TOKEN), out, "--pypi-token-file", tokenFile.toString(),
                "--pypi-project", "poetry-core", "--debug");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> f = findings(out);
        JsonNode scope = f.values().stream().filter(x -> x.path("check").asText().equals("pypi.token-scope")).findFirst().orElseThrow();
        assertThat(scope.path("status").asText()).isEqualTo("FAIL");
        assertThat(scope.path("subject").asText()).startsWith("PyPI token pypi-… sha256:");
        String everything = run.all() + Files.readString(out, StandardCharsets.UTF_8) + String.join("\n", seen);
        assertThat(everything).doesNotContain(PYPI_TOKEN.substring(5, 40)).doesNotContain(PYPI_TOKEN.substring(PYPI_TOKEN.length() - 30));
        assertThat(seen).as("PyPI was asked for the project only").anySatisfy(h -> assertThat(h).startsWith("GET /pypi/poetry-core/json"));
    }

    @Test
    void thePyPITokenFromTheEnvironmentAloneIsEnoughToAudit() throws Exception {
        Path out = dir.resolve("r.json");

        CliRun run = CliRun.of(Map.of("PYPI_TOKEN", PYPI_TOKEN), "audit", "--check", "pypi.token-scope",
                "--format", "json", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(findings(out).values()).extracting(x -> x.path("status").asText()).containsExactly("FAIL");
        assertThat(seen).as("nothing was fetched").isEmpty();
    }

    @Test
    void npmTokensAreJudgedByKeyPrefixAndTheirValuesNeverShown() throws Exception {
        Path out = dir.resolve("r.json");

        CliRun run = audit(Map.of("NPM_TOKEN", NPM_TOKEN), out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String report = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(findings(out).get("npm.tokens npm token abcd12…").path("status").asText()).isIn("FAIL", "PASS");
        assertThat(report).doesNotContain("efgh5678efgh5678").doesNotContain("hgfe8765").doesNotContain("abcd1234abcd1234");
        assertThat(seen).anySatisfy(h -> assertThat(h).startsWith("GET /-/npm/v1/tokens").contains("Bearer " + NPM_TOKEN));
    }

    @Test
    void pypiProjectsOfThePolicyRosterAreAudited() throws Exception {
        Path policy = dir.resolve("team.yaml");
        Files.writeString(policy, "roster:\n  pypi:\n    poetry-core: [abn, radoering]\n");
        Path out = dir.resolve("r.json");

        CliRun run = audit(Map.of(), out, "--policy", policy.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(findings(out)).containsKey("publishers.roster pypi:poetry-core");
        assertThat(new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8)).path("targets").toString())
                .contains("pypi-project:poetry-core");
    }
}
