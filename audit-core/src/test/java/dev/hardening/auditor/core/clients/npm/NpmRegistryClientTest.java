package dev.hardening.auditor.core.clients.npm;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.html;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static dev.hardening.auditor.core.clients.ClientTestSupport.status;
import static dev.hardening.auditor.core.clients.ClientTestSupport.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.npm.NpmProfile;
import dev.hardening.auditor.core.facts.npm.NpmToken;
import dev.hardening.auditor.core.facts.npm.NpmTokens;
import dev.hardening.auditor.core.facts.npm.NpmTrustedPublisher;
import dev.hardening.auditor.core.facts.npm.NpmTwoFactor;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HostCredential;
import dev.hardening.auditor.core.secrets.Secret;
import okhttp3.HttpUrl;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NpmRegistryClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private NpmRegistryClient client(boolean hasToken) {
        return new NpmRegistryClient(gateway(), server.url("/"), hasToken);
    }

    @Test
    void profileReadsTwoFactorModeAndAccountFields() throws Exception {
        server.enqueue(json(fixture("npm/user_profile_v1_npmcli_test.json")));

        NpmProfile profile = client(true).profile();

        assertThat(profile.name()).isEqualTo("foo");
        assertThat(profile.email()).isEqualTo("foo@github.com");
        assertThat(profile.emailVerified()).contains(true);
        assertThat(profile.twoFactor()).isEqualTo(new NpmTwoFactor(NpmTwoFactor.Mode.AUTH_AND_WRITES, false));
        assertThat(profile.cidrWhitelist()).as("cidr_whitelist: null").isEmpty();
        assertThat(profile.created()).contains(Instant.parse("2015-02-26T01:26:37.384Z"));
        assertThat(profile.updated()).contains(Instant.parse("2020-08-12T16:19:35.326Z"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /-/npm/v1/user HTTP/1.1");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void everyShapeOfTfa() throws Exception {
        ObjectNode profile = (ObjectNode) JSON.readTree(fixture("npm/user_profile_v1_npmcli_test.json"));

        assertThat(NpmRegistryClient.twoFactor(profile.deepCopy().putNull("tfa")).mode()).isEqualTo(NpmTwoFactor.Mode.DISABLED);
        assertThat(NpmRegistryClient.twoFactor(profile.deepCopy().put("tfa", false)).mode()).isEqualTo(NpmTwoFactor.Mode.DISABLED);
        ObjectNode authOnly = profile.deepCopy();
        ((ObjectNode) authOnly.get("tfa")).put("mode", "auth-only").put("pending", true);
        assertThat(NpmRegistryClient.twoFactor(authOnly)).isEqualTo(new NpmTwoFactor(NpmTwoFactor.Mode.AUTH_ONLY, true));
        ObjectNode missing = profile.deepCopy();
        missing.remove("tfa");
        assertThat(NpmRegistryClient.twoFactor(missing).mode()).as("absent is not 'off'").isEqualTo(NpmTwoFactor.Mode.UNRECOGNISED);
        ObjectNode odd = profile.deepCopy();
        ((ObjectNode) odd.get("tfa")).put("mode", "webauthn-someday");
        assertThat(NpmRegistryClient.twoFactor(odd).mode()).isEqualTo(NpmTwoFactor.Mode.UNRECOGNISED);
    }

    @Test
    void profileWithoutTokenFailsWithoutARequest() {
        FetchException e = fetchFailure(() -> client(false).profile(), Cause.NO_CREDENTIAL);

        assertThat(e.unavailability().needed()).isEqualTo("set NPM_TOKEN to a read-only granular access token");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void scopedPackumentIsRequestedWithEncodedSlashAndReadsInstallScripts() throws Exception {
        server.enqueue(json(fixture("npm/packument_full_testing-fail-postinstall.json")));

        NpmPackument p = client(false).packument("@isaacs/testing-fail-postinstall");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /@isaacs%2Ftesting-fail-postinstall HTTP/1.1");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(p.name()).isEqualTo("@isaacs/testing-fail-postinstall");
        assertThat(p.maintainers()).containsExactly(new NpmPerson("isaacs", "i@izs.me"));
        assertThat(p.distTags()).containsExactly(Map.entry("latest", "1.0.0"));
        assertThat(p.created()).contains(Instant.parse("2020-01-09T00:34:56.777Z"));
        NpmVersion v = p.latest().orElseThrow();
        assertThat(v.installScripts()).containsExactly(Map.entry("postinstall", "exit 1"));
        assertThat(v.publisher()).contains(new NpmPerson("isaacs", "i@izs.me"));
        assertThat(v.publishedAt()).contains(Instant.parse("2020-01-09T00:34:56.941Z"));
        assertThat(v.hasProvenance()).isFalse();
        assertThat(v.tarball()).contains("https://registry.npmjs.org/@isaacs/testing-fail-postinstall/-/testing-fail-postinstall-1.0.0.tgz");
        assertThat(p.repositoryUrl()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void versionsAreOrderedByPublishTimeAndOnlyInstallScriptsAreKept() throws Exception {
        server.enqueue(json(fixture("npm/packument_full_has-package-exports.json")));

        NpmPackument p = client(false).packument("has-package-exports");

        assertThat(p.versions()).extracting(NpmVersion::version).containsExactly("1.0.0", "1.1.0", "1.2.0",
                "1.2.1-alpha.0", "1.2.1-alpha.1", "1.2.1-alpha.2", "1.2.1-alpha.3", "1.2.1", "1.2.2", "1.2.3", "1.3.0");
        assertThat(p.versions()).allSatisfy(v -> assertThat(v.installScripts()).as("prepublish, test... never run on install").isEmpty());
        assertThat(p.latest()).map(NpmVersion::version).contains("1.3.0");
        NpmVersion latest = p.latest().orElseThrow();
        assertThat(latest.gitHead()).contains("10ed49bdd97180c96cd0a24c72e5acf67c6995af");
        assertThat(latest.integrity()).hasValueSatisfying(i -> assertThat(i).startsWith("sha512-"));
        assertThat(latest.publishedAt()).contains(Instant.parse("2022-04-07T13:21:32.639Z"));
        assertThat(p.repositoryUrl()).contains("git+https://github.com/inspect-js/has-package-exports.git");
        assertThat(p.modified()).contains(Instant.parse("2022-05-04T18:04:33.814Z"));
        assertThat(p.maintainers()).containsExactly(new NpmPerson("ljharb", "ljharb@gmail.com"));
    }

    @Test
    void packumentWithObjectRepositoryAndGitHead() throws Exception {
        server.enqueue(json(fixture("npm/packument_full_not-licensed.json")));

        NpmPackument p = client(false).packument("not-licensed");

        assertThat(p.repositoryUrl()).contains("git+https://github.com/jslicense/not-licensed.js.git");
        assertThat(p.latest().orElseThrow().gitHead()).contains("bd842fd7a3ac910f4c9cf084253bf99d2aab0a46");
        assertThat(p.latest().orElseThrow().installScripts()).as("scripts: {}").isEmpty();
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /not-licensed HTTP/1.1");
    }

    @Test
    void trustedPublishAndProvenanceOfAVersionDocument() throws Exception {
        // The recorded version document, placed in a packument as the registry nests it.
        String packument = "{\"name\":\"@x402/stellar\",\"dist-tags\":{\"latest\":\"2.12.0\"},\"versions\":{\"2.12.0\":"
                + fixture("npm/version_latest_x402-stellar_2.12.0_trusted_publisher.json")
                + "},\"time\":{\"2.12.0\":\"2026-05-13T15:47:24.712Z\"}}";

        NpmPackument p = PackumentParser.parse("@x402/stellar", packument.getBytes(StandardCharsets.UTF_8));
        NpmVersion v = p.latest().orElseThrow();

        assertThat(v.version()).isEqualTo("2.12.0");
        assertThat(v.trustedPublisher()).contains(new NpmTrustedPublisher("github", "oidc:264b9599-4fc0-43e3-8aeb-e95c03bcdf63"));
        assertThat(v.publisher()).contains(new NpmPerson("GitHub Actions", "npm-oidc-no-reply@github.com"));
        assertThat(v.attestationsUrl()).contains("https://registry.npmjs.org/-/npm/v1/attestations/@x402%2fstellar@2.12.0");
        assertThat(v.provenancePredicateType()).contains("https://slsa.dev/provenance/v1");
        assertThat(v.hasProvenance()).isTrue();
        assertThat(v.publishedAt()).contains(Instant.parse("2026-05-13T15:47:24.712Z"));
        assertThat(v.installScripts()).as("start, build, test... are not install scripts").isEmpty();
        assertThat(p.repositoryUrl()).as("a plain-string repository of the latest version")
                .contains("https://github.com/x402-foundation/x402");
    }

    @Test
    void legacyStringPeopleAreParsed() throws Exception {
        assertThat(PackumentParser.personFromString("Ben Coe <ben@npmjs.com> (https://github.com/bcoe)"))
                .contains(new NpmPerson("Ben Coe", "ben@npmjs.com"));
        assertThat(PackumentParser.personFromString("bcoe")).contains(new NpmPerson("bcoe", ""));
        assertThat(PackumentParser.personFromString(" ")).isEmpty();
        NpmPackument p = PackumentParser.parse("x", ("{\"maintainers\":[\"Ben Coe <ben@npmjs.com>\",42,{\"name\":\"a\"}],"
                + "\"versions\":{\"1.0.0\":{\"_npmUser\":\"bcoe <b@c.de>\",\"scripts\":{\"install\":\"node-gyp rebuild\","
                + "\"preinstall\":{\"odd\":1}}}},\"time\":{\"1.0.0\":\"2015-01-01T00:00:00Z\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(p.maintainers()).containsExactly(new NpmPerson("Ben Coe", "ben@npmjs.com"), new NpmPerson("a", ""));
        assertThat(p.versions().get(0).publisher()).contains(new NpmPerson("bcoe", "b@c.de"));
        assertThat(p.versions().get(0).installScripts()).containsExactly(Map.entry("install", "node-gyp rebuild"));
    }

    @Test
    void aDocumentWithNeitherNameNorVersionsIsNotAPackument() {
        assertThatThrownBy(() -> PackumentParser.parse("x", "{\"data\":[],\"message\":\"ok\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("not a packument");
    }

    @Test
    void fieldsOfUnexpectedTypesAreSkippedNotFatal() throws Exception {
        String odd = "{\"name\":42,\"dist-tags\":[\"latest\"],\"maintainers\":{\"name\":\"x\"},\"time\":\"yesterday\","
                + "\"repository\":[1,2],\"readme\":{\"deep\":[[[{\"a\":1}]]]},\"versions\":{\"1.0.0\":\"oops\","
                + "\"2.0.0\":{\"dist\":\"x\",\"_npmUser\":7,\"scripts\":[]}}}";

        NpmPackument p = PackumentParser.parse("odd", odd.getBytes(StandardCharsets.UTF_8));

        assertThat(p.name()).isEqualTo("odd");
        assertThat(p.maintainers()).isEmpty();
        assertThat(p.distTags()).isEmpty();
        assertThat(p.versions()).extracting(NpmVersion::version).containsExactly("2.0.0");
        assertThat(p.versions().get(0).publisher()).isEmpty();
    }

    @Test
    void aJsonDocumentThatIsNotAnObjectIsMalformed() {
        server.enqueue(json("[\"not\", \"a packument\"]"));
        server.enqueue(json("   "));

        FetchException e = fetchFailure(() -> client(false).packument("tiny-tarball"), Cause.MALFORMED);
        fetchFailure(() -> client(false).packument("tiny-tarball"), Cause.MALFORMED);

        assertThat(e.getMessage()).contains("GET /tiny-tarball");
    }

    @Test
    void tokensAreListedWithoutTheirValues() throws Exception {
        server.enqueue(json(fixture("npm/tokens_v1_npmcli_test.json")));

        NpmTokens tokens = client(true).tokens();

        assertThat(tokens.complete()).isTrue();
        assertThat(tokens.tokens()).hasSize(2);
        NpmToken publish = tokens.tokens().get(0);
        assertThat(publish.keyPrefix()).isEqualTo("abcd12");
        assertThat(publish.readonly()).contains(false);
        assertThat(publish.canWrite()).isTrue();
        assertThat(publish.cidr()).isEmpty();
        assertThat(publish.created()).contains(Instant.parse("2020-08-12T16:19:35.326Z"));
        assertThat(publish.expiry()).isEmpty();
        NpmToken readOnly = tokens.tokens().get(1);
        assertThat(readOnly.canWrite()).isFalse();
        assertThat(readOnly.cidr()).containsExactly("192.168.1.1/32");
        assertThat(tokens.toString()).doesNotContain("efgh5678", "hgfe8765");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /-/npm/v1/tokens HTTP/1.1");
    }

    @Test
    void granularTokenFieldsAndPagesAreRead() throws Exception {
        server.enqueue(json("{\"objects\":[{\"key\":\"9f8e7d6c5b4a\",\"token\":\"npm_ab…\",\"readonly\":false,"
                + "\"bypass_2fa\":true,\"expiry\":\"2026-09-01T00:00:00.000Z\",\"accessed\":\"2026-01-02T03:04:05.000Z\","
                + "\"cidr\":[\"10.0.0.0/8\"],\"permissions\":[{\"name\":\"package\",\"action\":\"read\"}],\"revoked\":null}],"
                + "\"urls\":{\"next\":\"/-/npm/v1/tokens?page=1\"},\"total\":2}"));
        server.enqueue(json("{\"objects\":[{\"key\":\"00aa\",\"permissions\":[\"package:write\"],\"revoked\":\"2026-01-01\"}],"
                + "\"urls\":{},\"total\":2}"));

        NpmTokens tokens = client(true).tokens();

        NpmToken first = tokens.tokens().get(0);
        assertThat(first.bypass2fa()).contains(true);
        assertThat(first.expiry()).contains(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(first.accessed()).contains(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(first.cidr()).containsExactly("10.0.0.0/8");
        assertThat(first.permissions()).containsExactly("package:read");
        assertThat(first.canWrite()).as("a granular token with only read permissions").isFalse();
        assertThat(first.revoked()).isFalse();
        NpmToken second = tokens.tokens().get(1);
        assertThat(second.keyPrefix()).isEqualTo("00aa");
        assertThat(second.canWrite()).isTrue();
        assertThat(second.revoked()).isTrue();
        server.takeRequest();
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /-/npm/v1/tokens?page=1 HTTP/1.1");
    }

    @Test
    void tokenPagesOnAnotherHostAreNotFollowedAndWithoutATokenNothingIsAsked() throws Exception {
        server.enqueue(json("{\"objects\":[],\"urls\":{\"next\":\"https://elsewhere.example/-/npm/v1/tokens?page=1\"}}"));

        assertThat(client(true).tokens().tokens()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
        fetchFailure(() -> client(false).tokens(), Cause.NO_CREDENTIAL);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTokenListWithoutObjectsIsMalformed() {
        server.enqueue(json("{\"error\":\"not supported\"}"));

        fetchFailure(() -> client(true).tokens(), Cause.MALFORMED);
    }

    @Test
    void missingPackageIsNotFoundByName() {
        server.enqueue(json(404, "{\"error\":\"Not found\"}"));

        FetchException e = fetchFailure(() -> client(false).packument("no-such-package-xyz"), Cause.NOT_FOUND);

        assertThat(e.getMessage()).contains("no-such-package-xyz");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void invalidNamesAreRefusedBeforeAnyRequest() {
        fetchFailure(() -> client(false).packument("a/b"), Cause.NOT_CONFIGURED);
        fetchFailure(() -> client(false).packument(".."), Cause.NOT_CONFIGURED);
        fetchFailure(() -> client(false).packument("@scope/"), Cause.NOT_CONFIGURED);
        fetchFailure(() -> client(false).packagesOf("two words"), Cause.NOT_CONFIGURED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void serverErrorTruncatedJsonAndHtmlFail() {
        server.enqueue(status(500));
        server.enqueue(json(truncated(fixture("npm/packument_full_tiny-tarball.json"))));
        server.enqueue(html(200));

        fetchFailure(() -> client(false).packument("tiny-tarball"), Cause.SERVER_ERROR);
        fetchFailure(() -> client(false).packument("tiny-tarball"), Cause.MALFORMED);
        fetchFailure(() -> client(false).packument("tiny-tarball"), Cause.MALFORMED);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void packagesOfSearchesByMaintainer() throws Exception {
        server.enqueue(json(fixture("npm/search_v1_yargs_npm_registry_docs.json")));

        List<String> packages = client(false).packagesOf("bcoe");

        assertThat(packages).containsExactly("yargs");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine())
                .isEqualTo("GET /-/v1/search?text=maintainer%3Abcoe&size=250&from=0 HTTP/1.1");
        assertThat(server.getRequestCount()).as("total 1 reached after one page").isEqualTo(1);
    }

    @Test
    void packagesOfPagesUntilTheTotalIsReached() throws Exception {
        // Page 1: 3 of a reported 3,800; page 2 reports a total the collected count has passed.
        server.enqueue(json(fixture("npm/search_v1_text_x402_stellar_2026_trimmed.json")));
        server.enqueue(json(fixture("npm/search_v1_yargs_npm_registry_docs.json")));

        List<String> packages = client(false).packagesOf("someone");

        assertThat(packages).containsExactly("n-payment", "@x402/stellar", "x402", "yargs");
        assertThat(server.takeRequest().getUrl().queryParameter("from")).isEqualTo("0");
        assertThat(server.takeRequest().getUrl().queryParameter("from")).isEqualTo("3");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void packagesOfStopsWhenARegistryIgnoresPaging() throws Exception {
        // The same page twice: a registry that ignores "from" must not make the client loop.
        server.enqueue(json(fixture("npm/search_v1_text_x402_stellar_2026_trimmed.json")));
        server.enqueue(json(fixture("npm/search_v1_text_x402_stellar_2026_trimmed.json")));
        server.enqueue(json(fixture("npm/search_v1_text_x402_stellar_2026_trimmed.json")));

        List<String> packages = client(false).packagesOf("someone");

        assertThat(packages).containsExactly("n-payment", "@x402/stellar", "x402");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void privateRegistryWithATokenGetsItOnScopedPackagesAndTokenListsUnderItsPath() throws Exception {
        String token = "verdaccio-test-token-0123456789";
        HttpUrl base = server.url("/verdaccio/");
        NpmRegistryClient client = new NpmRegistryClient(gateway(List.of(HostCredential.bearer("NPM_TOKEN", base, Secret.of(token)))),
                base, true);
        server.enqueue(json(fixture("npm/packument_full_testing-fail-postinstall.json")));
        server.enqueue(json(fixture("npm/tokens_v1_npmcli_test.json")));

        client.packument("@isaacs/testing-fail-postinstall");
        client.tokens();

        RecordedRequest packument = server.takeRequest();
        assertThat(packument.getRequestLine()).isEqualTo("GET /verdaccio/@isaacs%2Ftesting-fail-postinstall HTTP/1.1");
        assertThat(packument.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
        RecordedRequest tokens = server.takeRequest();
        assertThat(tokens.getRequestLine()).isEqualTo("GET /verdaccio/-/npm/v1/tokens HTTP/1.1");
        assertThat(tokens.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void aPackumentMayBeLargerThanTheUsualResponseCapOtherResourcesMayNot() throws Exception {
        var settings = dev.hardening.auditor.core.http.HttpSettings.defaults().withMaxRetries(0).withMaxResponseBytes(2_000);
        var gateway = new dev.hardening.auditor.core.http.HttpGateway(dev.hardening.auditor.core.http.HttpClients.forAudit(
                settings, List.of(), d -> { }, java.time.Clock.systemUTC(), List.of()), JSON,
                dev.hardening.auditor.core.engine.ProgressListener.NONE, 8);
        NpmRegistryClient client = new NpmRegistryClient(gateway, server.url("/"), false);
        String packument = fixture("npm/packument_full_has-package-exports.json");
        assertThat(packument.length()).isGreaterThan(20_000);
        server.enqueue(json(packument));
        server.enqueue(json(fixture("npm/search_v1_text_x402_stellar_2026_trimmed.json")));

        assertThat(client.packument("has-package-exports").versions()).hasSize(11);
        fetchFailure(() -> client.packagesOf("someone"), Cause.TOO_LARGE);
    }

    @Test
    void privateRegistryWithPathPrefix() throws Exception {
        server.enqueue(json(fixture("npm/packument_full_tiny-tarball.json")));

        new NpmRegistryClient(gateway(), server.url("/artifactory/api/npm/npm-remote/"), false).packument("tiny-tarball");

        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo("GET /artifactory/api/npm/npm-remote/tiny-tarball HTTP/1.1");
    }
}
