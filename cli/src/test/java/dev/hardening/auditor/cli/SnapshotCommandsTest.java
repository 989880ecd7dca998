package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.report.JsonSchemas;
import dev.hardening.auditor.core.secrets.Masking;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot}, {@code history} and {@code diff} against a recorded world that changes between
 * runs (local servers answering with real recorded bodies): the diff reports exactly the changes,
 * and waivers hold the gate until their expiry.
 */
class SnapshotCommandsTest {
    static final String TOKEN_A = "github_pat_11AAAAAAA0FirstTestValue_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY";
    static final String TOKEN_B = "github_pat_11AAAAAAA0SecondTestVal_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer github = new MockWebServer();
    private final MockWebServer npm = new MockWebServer();
    private final MockWebServer pypi = new MockWebServer();
    private final MockWebServer rdap = new MockWebServer();
    /** The world's state: flipped between snapshots. */
    private volatile boolean changed;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        github.setDispatcher(dispatcher(this::githubResponse));
        npm.setDispatcher(dispatcher(this::npmResponse));
        pypi.setDispatcher(dispatcher(r -> json(404, "{\"message\":\"Not Found\"}")));
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
    void diff_reports_exactly_what_changed_in_the_world_between_two_snapshots() throws Exception {
        Path db = dir.resolve("snapshots.db");
        Path policy = write("policy.yaml", "snapshots:\n  cadence: 7d\n");

        CliRun first = snapshot(db, TOKEN_A, "--policy", policy.toString());
        changed = true;
        CliRun second = snapshot(db, TOKEN_B, "--policy", policy.toString());
        CliRun history = CliRun.of("history", "--db", db.toString());
        CliRun diff = CliRun.of("diff", "1", "2", "--db", db.toString(), "--format", "json");
        CliRun md = CliRun.of("diff", "previous", "latest", "--db", db.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("snapshot 1 stored in");
        assertThat(second.out()).contains("snapshot 2 stored in");
        assertThat(history.out()).containsPattern("(?m)^\\s+1\\s+20\\d\\d-").containsPattern("(?m)^\\s+2\\s+20\\d\\d-")
                .contains("github-user:bitwiseman");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        JsonNode d = JSON.readTree(diff.out());
        assertThat(keys(d.path("newFindings"))).containsExactly("npm.2fa npm:~foo PASS->FAIL");
        // tiny-tarball gains a second publisher, but bcoe has published nothing since 2015: the roster stays WARN (idle).
        assertThat(keys(d.path("resolvedFindings"))).containsExactly("compliance.snapshot-age snapshots FAIL->PASS");
        // zed's address is new to the audit; without an HIBP key its breach lookup is UNKNOWN.
        assertThat(keys(d.path("changedFindings"))).containsExactly("email.breach email:z***@npmjs.com absent->UNKNOWN");
        assertThat(d.path("rosterChanges").toString())
                .isEqualTo("[{\"subject\":\"npm:tiny-tarball\",\"added\":[\"zed\"],\"removed\":[]}]");
        assertThat(d.path("tokensAdded").findValuesAsText("fingerprint")).containsExactly(Masking.fingerprint(TOKEN_B));
        assertThat(d.path("tokensRemoved").findValuesAsText("fingerprint")).containsExactly(Masking.fingerprint(TOKEN_A));
        assertThat(md.out()).contains("## New findings", "npm:~foo", "added zed", "## Tokens added");
        for (CliRun run : List.of(first, second, history, diff, md)) {
            assertThat(run.all()).doesNotContain(TOKEN_A).doesNotContain(TOKEN_B);
        }
        // Nor does the database (or its write-ahead log): tokens are kept by fingerprint only.
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("snapshots.db")).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain(TOKEN_A.substring(11, 40)).doesNotContain(TOKEN_B.substring(11, 40));
            }
        }
        // The same world twice: no changes.
        CliRun third = snapshot(db, TOKEN_B, "--policy", policy.toString());
        assertThat(third.exitCode()).isZero();
        assertThat(CliRun.of("diff", "2", "3", "--db", db.toString()).out()).contains("No changes.");
    }

    @Test
    void a_waiver_passes_the_gate_before_its_expiry_and_fails_after_it() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path valid = write("valid.yaml", waiver(today));
        Path expired = write("expired.yaml", waiver(today.minusDays(1)));
        Path report = dir.resolve("r.json");
        changed = true; // npm 2FA is off: a critical FAIL

        CliRun without = snapshot(dir.resolve("a.db"), TOKEN_A, "--fail-on", "critical");
        CliRun waived = snapshot(dir.resolve("b.db"), TOKEN_A, "--fail-on", "critical", "--policy", valid.toString(),
                "--out", report.toString(), "--format", "json");
        CliRun after = snapshot(dir.resolve("c.db"), TOKEN_A, "--fail-on", "critical", "--policy", expired.toString());

        assertThat(without.exitCode()).as("the FAIL fails the gate without a waiver").isEqualTo(ExitCodes.FINDINGS);
        assertThat(waived.exitCode()).as(waived.err()).isEqualTo(ExitCodes.OK);
        assertThat(after.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        String json = Files.readString(report);
        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).isEmpty();
        JsonNode finding = findFinding(JSON.readTree(json), "npm.2fa", "npm:~foo");
        assertThat(finding.path("status").asText()).as("the status is kept").isEqualTo("FAIL");
        assertThat(finding.path("waiver").path("active").asBoolean()).isTrue();
        assertThat(finding.path("waiver").path("owner").asText()).isEqualTo("security@example.org");
    }

    private static String waiver(LocalDate expires) {
        return "waivers:\n  - check: npm.2fa\n    subject: \"npm:~foo\"\n"
                + "    owner: security@example.org\n    justification: A security key is on its way to foo.\n"
                + "    expires: " + expires + "\n";
    }

    private CliRun snapshot(Path db, String token, String... extra) {
        List<String> args = new ArrayList<>(List.of("snapshot", "--db", db.toString(),
                "--github-user", "bitwiseman", "--npm-package", "tiny-tarball",
                "--github-api-url", github.url("/").toString(), "--npm-registry-url", npm.url("/").toString(),
                "--pypi-url", pypi.url("/").toString(), "--rdap-url", rdap.url("/").toString(), "--no-cache"));
        args.addAll(List.of(extra));
        return CliRun.of(Map.of("GITHUB_TOKEN", token, "NPM_TOKEN", "npm_KnownNpmTestTokenValue0123456789abcd"),
                args.toArray(String[]::new));
    }

    private MockResponse githubResponse(RecordedRequest r) {
        if (r.getUrl().encodedPath().equals("/user")) {
            String expiry = OffsetDateTime.now(ZoneOffset.UTC).plusDays(20).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx"));
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                    .setHeader("github-authentication-token-expiration", expiry)
                    .body(RecordedServerAuditTest.fixture("github/get_user_authenticated.json")).build();
        }
        return json(404, "{\"message\":\"Not Found\"}");
    }

    private MockResponse npmResponse(RecordedRequest r) {
        try {
            return switch (r.getUrl().encodedPath()) {
                case "/-/npm/v1/user" -> {
                    ObjectNode profile = (ObjectNode) JSON.readTree(RecordedServerAuditTest.fixture("npm/user_profile_v1_npmcli_test.json"));
                    if (changed) {
                        profile.put("tfa", false);
                    }
                    yield json(200, profile.toString());
                }
                case "/tiny-tarball" -> {
                    ObjectNode packument = (ObjectNode) JSON.readTree(RecordedServerAuditTest.fixture("npm/packument_full_tiny-tarball.json"));
                    if (changed) {
                        packument.withArray("maintainers").addObject().put("name", "zed").put("email", "zed@npmjs.com");
                    }
                    yield json(200, packument.toString());
                }
                default -> json(404, "{\"error\":\"Not found\"}");
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockResponse rdapResponse(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.equals("/domain/npmjs.com") || path.equals("/domain/github.com")) {
            return json(200, RecordedServerAuditTest.fixture("rdap/domain_google.com_verisign_vcr_2021-12-17.json"));
        }
        return json(404, RecordedServerAuditTest.fixture("rdap/error_404_domain_not_found_centralnic.json"));
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<String> keys(JsonNode changes) {
        List<String> out = new ArrayList<>();
        changes.forEach(c -> out.add(c.path("check").asText() + " " + c.path("subject").asText() + " "
                + status(c.path("before")) + "->" + status(c.path("after"))));
        return new ArrayList<>(new TreeSet<>(out));
    }

    private static String status(JsonNode side) {
        return side.isNull() ? "absent" : side.path("status").asText();
    }

    private static JsonNode findFinding(JsonNode report, String check, String subject) {
        for (JsonNode f : report.path("findings")) {
            if (f.path("check").asText().equals(check) && f.path("subject").asText().equals(subject)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + check + " " + subject);
    }

    private static Dispatcher dispatcher(java.util.function.Function<RecordedRequest, MockResponse> answer) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
            }
        };
    }

    private static MockResponse json(int code, String body) {
        return RecordedServerAuditTest.json(code, body);
    }
}
