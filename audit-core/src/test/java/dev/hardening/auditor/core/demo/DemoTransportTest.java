package dev.hardening.auditor.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.AuditorSettings;
import dev.hardening.auditor.core.http.HostCredential;
import dev.hardening.auditor.core.http.HttpClients;
import dev.hardening.auditor.core.http.HttpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoTransportTest {
    static final Instant NOW = Instant.parse("2030-01-15T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String REFERENCES = "demo/reference/";

    private final OfflineClient client = new OfflineClient(CLOCK);

    static Stream<Arguments> routes() {
        return RouteTable.bundled().routes().stream().map(r -> Arguments.of(r.identity(), r));
    }

    /** Every route plus every host's "not found" answer, except archives (served as stored bytes). */
    static Stream<Arguments> answers() {
        Stream<Arguments> notFound = RouteTable.bundled().hosts().stream()
                .map(h -> Arguments.of(h.name() + " (not found)", h.notFound()));
        return Stream.concat(routes(), notFound).filter(a -> !((RouteTable.Route) a.get()[1]).binary());
    }

    @Test
    void publishedArtifactsAreServedAsStoredBytes() {
        List<RouteTable.Route> binary = RouteTable.bundled().routes().stream().filter(RouteTable.Route::binary).toList();

        assertThat(binary).hasSizeGreaterThanOrEqualTo(9);
        for (RouteTable.Route r : binary) {
            OfflineClient.Answer a = client.get(sampleUrl(r));
            assertThat(a.status()).as(r.identity()).isEqualTo(200);
            assertThat(a.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(a.bytes()).isEqualTo(r.raw());
            assertThat(a.header("Content-Length")).isEqualTo(Integer.toString(r.raw().length));
            assertThat(r.shapeSource()).isNotBlank();
        }
        OfflineClient.Answer missing = client.get("https://files.pythonhosted.org/packages/00/00/none/x-1.0.tar.gz");
        assertThat(missing.status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void everyAnswerIsValidJsonWithItsStatusAndContentType(String name, RouteTable.Route route) {
        OfflineClient.Answer a = client.get(sampleUrl(route));

        assertThat(a.status()).isEqualTo(route.status());
        String contentType = route.headers().containsKey("Content-Type") ? a.header("Content-Type")
                : RouteTable.bundled().host(route.host()).orElseThrow().contentType();
        if (route.bodyFile().endsWith(".b64")) {
            assertThat(a.body()).as("a wheel is a ZIP file").startsWith("PK\u0003\u0004");
        } else if (contentType.contains("json")) {
            assertThat(a.json()).isNotNull();
        } else {
            assertThat(contentType).startsWith("text/plain");
        }
        assertThat(a.header("Content-Type")).isEqualTo(contentType);
        assertThat(a.header("Date")).isEqualTo("Tue, 15 Jan 2030 10:00:00 GMT");
        assertThat(a.body()).as("every placeholder is rendered").doesNotContain("{{");
        a.headerNames().forEach(h -> assertThat(a.header(h)).doesNotContain("{{"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void everyBodyHasTheShapeOfTheRealResponsesItWasDerivedFrom(String name, RouteTable.Route route) {
        if (route.derivedFrom().isEmpty()) {
            assertThat(route.shapeSource()).as("a body without a recorded reference says where its shape is documented")
                    .isNotBlank();
            return;
        }
        JsonNode body = client.get(sampleUrl(route)).json();

        JsonShape reference = null;
        Set<String> requiredKeys = null;
        for (RouteTable.Reference ref : route.derivedFrom()) {
            JsonNode fixture = reference(ref.fixture());
            JsonShape shape = JsonShape.at(fixture, ref.at());
            reference = reference == null ? shape : reference.union(shape);
            if (ref.at().isEmpty()) {
                Set<String> keys = keys(fixture);
                if (requiredKeys == null) {
                    requiredKeys = keys;
                } else {
                    requiredKeys.retainAll(keys);
                }
            }
        }
        assertThat(JsonShape.of(body).mismatchesAgainst(reference))
                .as("fields, nesting and types copy " + route.derivedFrom())
                .isEmpty();
        if (requiredKeys != null) {
            assertThat(keys(body)).as("top-level keys every reference has").containsAll(requiredKeys);
        }
    }

    @Test
    void theShapeCheckCatchesRenamedRetypedAndInventedFields() {
        JsonNode recorded = reference("npm/version_latest_x402-stellar_2.12.0_trusted_publisher.json");
        JsonShape shape = JsonShape.of(recorded);
        ObjectNode changed = recorded.deepCopy();
        changed.put("version", "9.9.9");
        ((ObjectNode) changed.get("dist")).put("fileCount", 1);
        ((ObjectNode) changed.get("_npmUser")).putNull("email");
        assertThat(JsonShape.of(changed).mismatchesAgainst(shape)).as("values may change").isEmpty();

        ((ObjectNode) changed.get("_npmUser")).remove("trustedPublisher");
        ((ObjectNode) changed.get("_npmUser")).put("trusted_publisher", "github");
        ((ObjectNode) changed.get("dist")).put("unpackedSize", "347543");
        assertThat(JsonShape.of(changed).mismatchesAgainst(shape)).containsExactlyInAnyOrder(
                "_npmUser.trusted_publisher (not in the reference)",
                "dist.unpackedSize is string, reference has [number]");
    }

    @Test
    void theNpmProfileTfaObjectHasExactlyTheRecordedFields() {
        JsonNode profile = client.get("https://registry.npmjs.org/-/npm/v1/user").json();
        JsonNode recorded = reference("npm/user_profile_v1_npmcli_test.json");

        assertThat(keys(profile)).isEqualTo(keys(recorded));
        assertThat(keys(profile.get("tfa"))).isEqualTo(keys(recorded.get("tfa")));
    }

    @Test
    void datesAreRenderedRelativeToTheAuditClock() {
        OfflineClient.Answer user = client.get("https://api.github.com/user");
        JsonNode rdap = client.get("https://rdap.demo.invalid/domain/inkwellparse.org").json();
        JsonNode parser = client.get("https://registry.npmjs.org/inkwell-parser").json();
        JsonNode lint = client.get("https://pypi.org/pypi/inkwell-lint/json").json();

        // {{days:-20@08:14:52}}: twenty days before 2030-01-15, at that time of day.
        assertThat(user.json().get("updated_at").asText()).isEqualTo("2029-12-26T08:14:52Z");
        assertThat(user.header("Last-Modified")).isEqualTo("Wed, 26 Dec 2029 08:14:52 GMT");
        assertThat(user.header("X-RateLimit-Reset")).isEqualTo(Long.toString(NOW.getEpochSecond() + 3600));
        assertThat(rdap.at("/events/1/eventAction").asText()).isEqualTo("expiration");
        assertThat(rdap.at("/events/1/eventDate").asText()).isEqualTo("2030-01-27T08:51:39Z");
        // npm keeps milliseconds, PyPI microseconds and a zone-less upload_time.
        assertThat(parser.at("/time/4.3.0").asText()).isEqualTo("2030-01-06T12:19:40.663Z");
        assertThat(parser.at("/versions/4.3.0/_npmOperationalInternal/tmp").asText())
                .isEqualTo("tmp/inkwell-parser_4.3.0_" + Instant.parse("2030-01-06T12:19:40.663Z").toEpochMilli()
                        + "_0." + parser.at("/versions/4.3.0/_npmOperationalInternal/tmp").asText().split("_0\\.")[1]);
        JsonNode wheel = lint.at("/releases/0.4.0/0");
        assertThat(wheel.get("upload_time").asText()).isEqualTo("2028-11-11T18:27:45");
        assertThat(wheel.get("upload_time_iso_8601").asText()).isEqualTo("2028-11-11T18:27:45.306518Z");
        assertThat(lint.at("/urls/0/upload_time_iso_8601").asText()).as("0.4.1, three days ago")
                .isEqualTo("2030-01-12T06:41:19.552013Z");
    }

    @Test
    void theSameClockGivesTheSameBytes() {
        OfflineClient other = new OfflineClient(CLOCK);
        for (RouteTable.Route r : RouteTable.bundled().routes()) {
            OfflineClient.Answer a = client.get(sampleUrl(r));
            OfflineClient.Answer b = other.get(sampleUrl(r));
            assertThat(a.body()).isEqualTo(b.body());
            assertThat(a.headers()).isEqualTo(b.headers());
        }
    }

    @Test
    void anotherDayMovesEveryDateButNotTheVerdicts() {
        OfflineClient later = new OfflineClient(Clock.fixed(NOW.plusSeconds(400L * 86400), ZoneOffset.UTC));

        JsonNode rdap = later.get("https://rdap.demo.invalid/domain/inkwellparse.org").json();
        assertThat(rdap.at("/events/1/eventDate").asText()).isEqualTo("2031-03-03T08:51:39Z");
    }

    @Test
    void successfulAnswersCarryAnEtagOfTheirBody() {
        OfflineClient.Answer a = client.get("https://api.github.com/users/quill-dev");
        OfflineClient.Answer b = client.get("https://pypi.org/pypi/inkwell/json");
        OfflineClient.Answer missing = client.get("https://api.github.com/users/nobody-here");

        assertThat(a.header("ETag")).matches("W/\"[0-9a-f]{32}\"");
        assertThat(b.header("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(missing.header("ETag")).isNull();
        assertThat(a.header("Content-Length")).isEqualTo(Integer.toString(a.body().getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void unknownPathsAre404InEachPlatformsErrorShape() {
        OfflineClient.Answer github = client.get("https://api.github.com/users/nobody-here");
        OfflineClient.Answer npm = client.get("https://registry.npmjs.org/no-such-package");
        OfflineClient.Answer pypi = client.get("https://pypi.org/pypi/no-such-project/json");
        OfflineClient.Answer rdap = client.get("https://rdap.demo.invalid/domain/not-in-the-world.com");
        OfflineClient.Answer post = post("https://api.github.com/user");

        assertThat(List.of(github.status(), npm.status(), pypi.status(), rdap.status(), post.status()))
                .containsOnly(404);
        assertThat(github.json().get("message").asText()).isEqualTo("Not Found");
        assertThat(github.json().has("documentation_url")).isTrue();
        assertThat(npm.json().get("error").asText()).isEqualTo("Not found");
        assertThat(pypi.json().get("message").asText()).isEqualTo("Not Found");
        assertThat(rdap.json().get("errorCode").asInt()).isEqualTo(404);
        assertThat(rdap.json().at("/links/0/href").asText())
                .isEqualTo("https://rdap.demo.invalid/domain/not-in-the-world.com");
    }

    @Test
    void githubAndPypiNamesAreCaseInsensitiveLikeTheRealApis() {
        assertThat(client.get("https://api.github.com/users/Quill-Dev").status()).isEqualTo(200);
        assertThat(client.get("https://pypi.org/pypi/Inkwell/json").status()).isEqualTo(200);
        assertThat(client.get("https://rdap.demo.invalid/domain/QUILLMERE.DEV").status()).isEqualTo(200);
        assertThat(client.get("https://registry.npmjs.org/Inkwell-Parser").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/@inkwell%2Fcli", "/@inkwell%2fcli", "/@inkwell/cli", "/%40inkwell%2Fcli"})
    void aScopedPackageMatchesHoweverItsNameIsEncoded(String path) {
        OfflineClient.Answer a = client.get("https://registry.npmjs.org" + path);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("_id").asText()).isEqualTo("@inkwell/cli");
    }

    @Test
    void theSearchMatchesOnItsTextAndIgnoresPaging() {
        JsonNode plain = client.get("https://registry.npmjs.org/-/v1/search?text=maintainer:quill-dev").json();
        JsonNode paged = client.get("https://registry.npmjs.org/-/v1/search?text=maintainer%3Aquill-dev&size=250&from=0").json();
        JsonNode other = client.get("https://registry.npmjs.org/-/v1/search?text=maintainer:someone-else&size=250").json();

        assertThat(plain).isEqualTo(paged);
        assertThat(plain.get("total").asInt()).isEqualTo(3);
        List<String> names = new ArrayList<>();
        plain.get("objects").forEach(o -> names.add(o.at("/package/name").asText()));
        assertThat(names).containsExactly("inkwell-parser", "@inkwell/cli", "inkwell-colors");
        assertThat(other.get("total").asInt()).isZero();
        assertThat(other.get("objects")).isEmpty();
    }

    @Test
    void aFileWithoutProvenanceIs404NamingTheFile() {
        OfflineClient.Answer a = client.get(
                "https://pypi.org/integrity/inkwell-lint/0.4.0/inkwell_lint-0.4.0.tar.gz/provenance");
        OfflineClient.Answer attested = client.get(
                "https://pypi.org/integrity/inkwell/1.2.1/inkwell-1.2.1.tar.gz/provenance");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("message").asText()).isEqualTo("No provenance available for inkwell_lint-0.4.0.tar.gz");
        assertThat(attested.status()).isEqualTo(200);
        assertThat(attested.json().at("/attestation_bundles/0/publisher/repository").asText())
                .isEqualTo("inkwell-tools/inkwell-py");
    }

    @Test
    void requestTextEchoedIntoABodyCannotBreakItsJson() {
        OfflineClient.Answer a = client.get(
                "https://pypi.org/integrity/inkwell-lint/0.4.0/evil%22%7D%5C%0A%3Cx%3E/provenance");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("message").asText()).isEqualTo("No provenance available for evil\"}\\\n<x>");
    }

    @Test
    void aHostOutsideTheWorldIsRefusedWithoutTouchingTheNetwork() {
        assertThatThrownBy(() -> client.get("https://haveibeenpwned.com/api/v3/breachedaccount/robin%40quillmere.dev"))
                .hasCauseInstanceOf(DemoTransport.NotInDemoWorldException.class)
                .hasMessageContaining("haveibeenpwned.com")
                .hasMessageContaining("nothing was sent");
        assertThat(client.dnsLookups).hasValue(0);
        assertThat(client.connectAttempts).hasValue(0);
    }

    @Test
    void noRequestEverReachesTheNetwork() {
        for (Arguments args : answers().toList()) {
            RouteTable.Route r = (RouteTable.Route) args.get()[1];
            assertThat(client.get(sampleUrl(r)).status()).isEqualTo(r.status());
        }
        assertThat(client.dnsLookups).hasValue(0);
        assertThat(client.connectAttempts).hasValue(0);
        assertThat(client.networkInterceptorCalls).hasValue(0);
    }

    @Test
    void theFullAuditClientAnswersFromTheWorldAndNeverSendsTheSyntheticTokens() {
        AuditorSettings settings = DemoWorld.settings(HttpSettings.defaults(), CLOCK);
        List<HostCredential> credentials = List.of(
                HostCredential.bearer("GITHUB_TOKEN", settings.endpoints().githubApi(),
                        settings.credentials().github().orElseThrow()),
                HostCredential.bearer("NPM_TOKEN", settings.endpoints().npmRegistry(),
                        settings.credentials().npm().orElseThrow()));
        OkHttpClient audit = HttpClients.forAudit(settings.http(), credentials, settings.sleeper(), settings.clock(),
                settings.transports());
        OfflineClient offline = new OfflineClient(audit);
        Set<String> tokens = Set.of(settings.credentials().github().orElseThrow().reveal(),
                settings.credentials().npm().orElseThrow().reveal());

        for (Arguments args : answers().toList()) {
            RouteTable.Route r = (RouteTable.Route) args.get()[1];
            OfflineClient.Answer a = offline.get(sampleUrl(r));
            assertThat(a.status()).isEqualTo(r.status());
            for (String token : tokens) {
                assertThat(a.body()).doesNotContain(token).doesNotContain(token.substring(4));
                a.headerNames().forEach(h -> assertThat(a.header(h)).doesNotContain(token.substring(4)));
            }
        }
        assertThat(offline.networkInterceptorCalls).hasValue(0);
        assertThat(offline.connectAttempts).hasValue(0);
    }

    @Test
    void servingIsFast() {
        List<HttpUrl> urls = RouteTable.bundled().routes().stream().map(DemoTransportTest::sampleUrl).toList();
        for (HttpUrl u : urls) {
            client.get(u);
        }
        long start = System.nanoTime();
        int rounds = 20;
        for (int i = 0; i < rounds; i++) {
            for (HttpUrl u : urls) {
                client.get(u);
            }
        }
        double perRequestMillis = (System.nanoTime() - start) / 1e6 / (rounds * urls.size());
        // A guard against pathological slowness (re-reading files per request), not a benchmark: the
        // build machine's cores are shared, so the bound is generous.
        assertThat(perRequestMillis).isLessThan(100.0);
    }

    // ---------------------------------------------------------------- helpers

    /** A URL the route answers: its path with each {@code *} filled in, and its query parameters. */
    static HttpUrl sampleUrl(RouteTable.Route route) {
        HttpUrl.Builder b = new HttpUrl.Builder().scheme("https").host(route.host());
        List<String> segments = RouteTable.segments(route.path());
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            b.addPathSegment(s.equals("*") ? "sample" + i : s);
        }
        route.query().forEach(b::addQueryParameter);
        return b.build();
    }

    static JsonNode reference(String fixture) {
        try (InputStream in = DemoTransportTest.class.getClassLoader().getResourceAsStream(REFERENCES + fixture)) {
            assertThat(in).as("reference " + fixture + " is in the test resources").isNotNull();
            return OfflineClient.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private OfflineClient.Answer post(String url) {
        OkHttpClient c = new OkHttpClient.Builder().addInterceptor(DemoTransport.bundled(CLOCK)).build();
        try (var r = c.newCall(new Request.Builder().url(url).post(RequestBody.create(new byte[0], null)).build())
                .execute()) {
            byte[] b = r.body().bytes();
            return new OfflineClient.Answer(r.code(), r.headers(), new String(b, StandardCharsets.UTF_8), b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
