package dev.hardening.auditor.sim.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.Auditor;
import dev.hardening.auditor.core.clients.hibp.PwnedPasswordsClient;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpClients;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.passwords.PwnedPasswordChecker;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.ReportFormat;
import dev.hardening.auditor.sim.server.Fault;
import dev.hardening.auditor.sim.server.FaultRule;
import dev.hardening.auditor.sim.server.Host;
import dev.hardening.auditor.sim.server.RequestLog;
import dev.hardening.auditor.sim.server.SimServer;
import dev.hardening.auditor.sim.testing.SimAudit;
import dev.hardening.auditor.sim.world.World;
import dev.hardening.auditor.sim.world.WorldGenerator;
import dev.hardening.auditor.sim.world.WorldSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client of the auditor against every fault of {@link Fault}: each cell serves a small world
 * with the fault on every request of one client, runs the checks that read that client's data, and
 * asserts that nothing it could not read PASSes, each such finding is UNKNOWN with a plain reason,
 * nothing escapes, no credential reaches another host or any output, and the cell ends in bounded
 * time. A fault added to {@link Fault} joins the matrix by itself; so does a client added to
 * {@link FaultedClient}.
 */
class FaultMatrixTest {
    /** Answers that are not faults but meaningful statements (a 404 says a domain is free, a package gone). */
    private static final Set<Fault> MEANINGFUL_ANSWERS = EnumSet.of(Fault.STATUS_404);
    /** One cell's bound: the engine's limit per check (checks run side by side) and some slack. */
    private static final Duration CELL_BOUND = SimAudit.CHECK_TIMEOUT.plusSeconds(5);
    private static final List<String> SECRETS = List.of(World.GITHUB_TOKEN, World.NPM_TOKEN, World.HIBP_KEY);
    /** SHA-1 of "password": only its first 5 characters may leave the machine. */
    private static final String PASSWORD_SHA1 = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8";

    private static final String WHOLE_AUDIT = "audit";
    private static final Logger HTTP_LOG = Logger.getLogger("dev.hardening.auditor");
    private static final StringBuffer LOGGED = new StringBuffer();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            LOGGED.append(r.getMessage()).append('\n');
            if (r.getThrown() != null) {
                LOGGED.append(r.getThrown()).append('\n');
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static final Map<FaultedClient, AuditReport> BASELINES = new ConcurrentHashMap<>();
    private static World world;

    @BeforeAll
    static void world() {
        world = WorldGenerator.generate(WorldSpec.small());
        HTTP_LOG.setLevel(Level.ALL);
        HTTP_LOG.addHandler(CAPTURE);
    }

    @AfterAll
    static void quiet() {
        HTTP_LOG.removeHandler(CAPTURE);
        HTTP_LOG.setLevel(null);
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (FaultedClient client : FaultedClient.values()) {
            for (Fault fault : Fault.values()) {
                if (!MEANINGFUL_ANSWERS.contains(fault)) {
                    cells.add(Arguments.of(client, fault));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cells")
    void a_fault_never_passes_leaks_or_hangs(FaultedClient client, Fault fault) throws Exception {
        LOGGED.setLength(0);
        try (SimServer server = SimServer.start(world)) {
            server.fault(FaultRule.always(client.host(), client.requests(), fault));
            long start = System.nanoTime();
            if (client == FaultedClient.PWNED_PASSWORDS) {
                passwordCheck(server);
            } else {
                audit(server, client, fault);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("time of the cell").isLessThan(CELL_BOUND);
            awaitLogged(server.log(), fault);
            // After awaitLogged: the struck request is in the log, so this cannot pass on an empty one.
            assertThat(server.log().entries()).as("what reached the server").isNotEmpty()
                    .allSatisfy(e -> assertThat(e.target()).doesNotContain(PASSWORD_SHA1.substring(5)));
            assertCredentialsStayHome(server.log());
            for (String secret : SECRETS) {
                assertThat(LOGGED.toString()).as("log").doesNotContain(secret);
            }
            assertThat(LOGGED.toString()).as("log").doesNotContain(PASSWORD_SHA1.substring(5));
        }
    }

    private void audit(SimServer server, FaultedClient client, Fault fault) throws Exception {
        AuditReport baseline = baseline(client);
        Auditor auditor = new Auditor(SimAudit.checks(), SimAudit.settings(server, SimAudit.fastHttp()));
        AuditReport report = auditor.start(SimAudit.targets(world), Policy.none(), client.checks(), ProgressListener.NONE)
                .report().get(CELL_BOUND.toSeconds(), TimeUnit.SECONDS);

        // A check stopped at its time limit reports on the whole audit.
        List<Finding> dependent = report.findings().stream()
                .filter(f -> client.dependsOnIt(f) || client.checks().contains(f.check()) && f.subject().equals(WHOLE_AUDIT))
                .toList();
        assertThat(dependent).as("findings resting on %s", client).isNotEmpty();
        for (Finding f : dependent) {
            String what = f.check() + " " + f.subject() + ": " + f.message();
            assertThat(f.status()).as(what).isNotEqualTo(Status.PASS);
            if (f.status() != Status.UNKNOWN) {
                // Only a verdict that needs no data from the host may stand (gmail.com is never looked up).
                assertThat(baseline.findings()).as(what).anyMatch(b -> b.check().equals(f.check())
                        && b.subject().equals(f.subject()) && b.status() == f.status() && b.status() == Status.NOT_APPLICABLE);
                continue;
            }
            assertPlainReason(what, f.message());
            assertThat(f.needed()).as("needed of " + what).isNotBlank();
        }
        for (ReportFormat format : ReportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.writer().write(report, out);
            String text = out.toString(StandardCharsets.UTF_8);
            for (String secret : SECRETS) {
                assertThat(text).as(format + " report").doesNotContain(secret);
            }
        }
    }

    private static AuditReport baseline(FaultedClient client) {
        return BASELINES.computeIfAbsent(client, c -> {
            try (SimServer server = SimServer.start(world)) {
                Auditor auditor = new Auditor(SimAudit.checks(), SimAudit.patient(server));
                return auditor.start(SimAudit.targets(world), Policy.none(), c.checks(), ProgressListener.NONE)
                        .report().get(CELL_BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** {@code auditor password-check}'s path: the client under the same settings, then the check's verdict. */
    private static void passwordCheck(SimServer server) {
        HttpSettings http = SimAudit.fastHttp();
        HttpGateway gateway = new HttpGateway(HttpClients.forAudit(http, List.of()), new ObjectMapper(),
                ProgressListener.NONE, 1);
        PwnedPasswordsClient client = new PwnedPasswordsClient(gateway,
                okhttp3.HttpUrl.get(server.baseUrl(Host.PWNED_PASSWORDS)));
        try {
            PwnedPassword result = new PwnedPasswordChecker(client).check("password".toCharArray());
            throw new AssertionError("a faulted range was taken as an answer: " + result);
        } catch (FetchException e) {
            assertPlainReason("password-check", e.unavailability().reason());
            assertThat(e.unavailability().needed()).isNotBlank();
        }
    }

    private static void assertPlainReason(String what, String reason) {
        assertThat(reason).as("reason of " + what).isNotBlank()
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
                .doesNotContainIgnoringCase("null");
        for (String secret : SECRETS) {
            assertThat(reason).doesNotContain(secret);
        }
    }

    /** The server logs an exchange once it has answered, a moment after the client may have moved on. */
    private static void awaitLogged(RequestLog log, Fault fault) throws InterruptedException {
        for (int i = 0; i < 100 && log.entries().stream().noneMatch(e -> e.fault() == fault); i++) {
            Thread.sleep(10);
        }
        assertThat(log.entries()).as("requests the fault struck").anyMatch(e -> e.fault() == fault);
    }

    /** Each credential only ever went to its own host; the other host never saw one. */
    private static void assertCredentialsStayHome(RequestLog log) {
        Map<Host, Map<String, String>> allowed = Map.of(
                Host.GITHUB, Map.of("authorization", "Bearer " + World.GITHUB_TOKEN),
                Host.NPM, Map.of("authorization", "Bearer " + World.NPM_TOKEN),
                Host.HIBP, Map.of("hibp-api-key", World.HIBP_KEY));
        for (RequestLog.Entry e : log.entries()) {
            Map<String, String> mayCarry = allowed.getOrDefault(e.host(), Map.of());
            e.credentials().forEach((header, value) -> assertThat(mayCarry.get(header))
                    .as("%s sent to %s %s", header, e.host(), e.target()).isEqualTo(value));
        }
    }
}
