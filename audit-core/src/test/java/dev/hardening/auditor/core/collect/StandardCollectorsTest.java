package dev.hardening.auditor.core.collect;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.clients.pypi.UserPackagesResponseTest;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.MemoizedFacts;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.email.EmailFacts;
import dev.hardening.auditor.core.facts.email.KnownEmail;
import dev.hardening.auditor.core.facts.email.KnownEmails;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.hibp.AccountBreaches;
import dev.hardening.auditor.core.facts.hibp.HibpFacts;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFileProvenance;
import dev.hardening.auditor.core.facts.rdap.DomainRegistration;
import dev.hardening.auditor.core.facts.rdap.RdapFacts;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.secrets.Secret;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collectors over real clients and a mock server that answers every service by path. */
class StandardCollectorsTest {
    private static final Secret GITHUB_TOKEN = Secret.of("ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8");
    private static final Secret HIBP_KEY = Secret.of("0123456789abcdef0123456789abcdef");

    private final Map<String, MockResponse> routes = new HashMap<>();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return routes.getOrDefault(request.getUrl().encodedPath(), json(404, "{\"error\":\"Not found\"}"));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MemoizedFacts facts(AuditTargets targets, Credentials credentials) {
        Endpoints endpoints = Endpoints.defaults()
                .withGithubApi(server.url("/github/"))
                .withNpmRegistry(server.url("/npm/"))
                .withPypi(server.url("/pypi-host/"))
                .withHibp(server.url("/hibp/"))
                .withPwnedPasswords(server.url("/pwned/"))
                .withRdap(server.url("/rdap/"));
        Clients clients = Clients.create(gateway(), endpoints, credentials);
        return new MemoizedFacts(StandardCollectors.create(clients, targets));
    }

    private static AuditTargets targets(List<String> npmUsers, List<String> npmPackages, List<String> pypiUsers,
                                        List<String> pypiProjects, List<String> emails) {
        return new AuditTargets(List.of(), List.of(), npmUsers, npmPackages, pypiUsers, pypiProjects, emails, false);
    }

    private static <T> Unavailability unavailability(Fact<T> fact) {
        assertThat(fact).isInstanceOf(Fact.Unavailable.class);
        return ((Fact.Unavailable<T>) fact).unavailability();
    }

    @Test
    void eachResourceIsFetchedOncePerAudit() {
        routes.put("/npm/tiny-tarball", json(fixture("npm/packument_full_tiny-tarball.json")));
        MemoizedFacts facts = facts(AuditTargets.none(), Credentials.none());

        NpmPackument first = facts.require(NpmFacts.packument("tiny-tarball"));
        NpmPackument second = facts.require(NpmFacts.packument("tiny-tarball"));

        assertThat(second).isSameAs(first);
        assertThat(first.maintainers()).extracting(p -> p.email()).containsExactly("ben@npmjs.com");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(facts.collectionCount()).isEqualTo(1);
    }

    @Test
    void thePyPITokenIsDecodedLocallyAndNeverSent() throws Exception {
        // pymacaroons v2: version 2, location "pypi.org", identifier, EOS, caveat [1,["attrs"]], EOS, EOS, signature.
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        raw.write(new byte[] {2, 1, 8});
        raw.writeBytes("pypi.org".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        raw.write(new byte[] {2, 4, 'i', 'd', '-', '1', 0, 2, 13});
        raw.writeBytes("[1,[\"attrs\"]]".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        raw.write(new byte[] {0, 0, 6, 32});
        raw.writeBytes(new byte[32]);
        String token = "pypi-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toByteArray());
        routes.put("/pypi-host/pypi/attrs/json", json(fixture("pypi/pypi_json_project_attrs_legacy.json")));
        MemoizedFacts facts = facts(targets(List.of(), List.of(), List.of(), List.of("attrs"), List.of()),
                Credentials.none().withPypi(Optional.of(Secret.of(token))));

        var info = facts.require(PyPIFacts.TOKEN_SCOPE);
        facts.require(PyPIFacts.project("attrs"));

        assertThat(info.projectNames()).containsExactly("attrs");
        assertThat(server.getRequestCount()).as("only the project document was fetched").isEqualTo(1);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().toString()).doesNotContain(token.substring(5, 30));
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getUrl().toString()).doesNotContain(token.substring(5, 30));
    }

    @Test
    void aMissingOrBrokenPyPITokenIsUnavailableWithAReasonThatHidesIt() {
        assertThat(unavailability(facts(AuditTargets.none(), Credentials.none()).lookup(PyPIFacts.TOKEN_SCOPE)).cause())
                .isEqualTo(Cause.NO_CREDENTIAL);
        String broken = "pypi-AgEIcHlwaS5vcmcCBGlkLTEAAgtbMSxbImF0dHJz";
        Unavailability why = unavailability(facts(AuditTargets.none(), Credentials.none().withPypi(Optional.of(Secret.of(broken))))
                .lookup(PyPIFacts.TOKEN_SCOPE));

        assertThat(why.cause()).isEqualTo(Cause.MALFORMED);
        assertThat(why.reason()).contains("cannot be decoded").doesNotContain(broken.substring(5, 20));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void failuresAreMemoisedToo() {
        MemoizedFacts facts = facts(AuditTargets.none(), Credentials.none());

        Unavailability first = unavailability(facts.lookup(NpmFacts.packument("missing-pkg")));
        Unavailability second = unavailability(facts.lookup(NpmFacts.packument("missing-pkg")));

        assertThat(first.cause()).isEqualTo(Cause.NOT_FOUND);
        assertThat(second).isEqualTo(first);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void knownEmailsGathersEverySourceOnceAndKeepsGaps() throws Exception {
        routes.put("/github/user", json(fixture("github/get_user_authenticated.json")));
        routes.put("/npm/tiny-tarball", json(fixture("npm/packument_full_tiny-tarball.json")));
        routes.put("/npm/@isaacs%2Ftesting-fail-postinstall", json(fixture("npm/packument_full_testing-fail-postinstall.json")));
        routes.put("/pypi-host/pypi/attrs/json", json(fixture("pypi/pypi_json_project_attrs_legacy.json")));
        routes.put("/pypi-host/pypi/poetry-core/json", json(fixture("pypi/pypi_json_poetry-core_2.1.3.json")));
        AuditTargets targets = targets(List.of(), List.of("tiny-tarball", "@isaacs/testing-fail-postinstall", "missing-pkg"),
                List.of("someone"), List.of("attrs", "poetry-core"),
                List.of("Maintainer@Example.org", "12345+octo@users.noreply.github.com", "ben@npmjs.com"));
        MemoizedFacts facts = facts(targets,
                new Credentials(Optional.of(GITHUB_TOKEN), Optional.empty(), Optional.empty()));

        KnownEmails known = facts.require(EmailFacts.KNOWN);

        assertThat(known.emails()).containsExactly(
                new KnownEmail("maintainer@example.org", "example.org", List.of("--email")),
                new KnownEmail("ben@npmjs.com", "npmjs.com", List.of("--email", "npm maintainers of tiny-tarball")),
                new KnownEmail("bitwiseman@gmail.com", "gmail.com", List.of("GitHub profile of bitwiseman")),
                new KnownEmail("i@izs.me", "izs.me", List.of("npm maintainers of @isaacs/testing-fail-postinstall")),
                new KnownEmail("hs@ox.cx", "ox.cx", List.of("PyPI author_email of attrs")),
                new KnownEmail("sebastien@eustace.io", "eustace.io", List.of("PyPI author_email of poetry-core")),
                new KnownEmail("arun.neelicattu@gmail.com", "gmail.com", List.of("PyPI maintainer_email of poetry-core")));
        assertThat(known.gaps()).extracting(Unavailability::cause)
                .containsExactlyInAnyOrder(Cause.NOT_FOUND, Cause.NOT_FOUND);
        assertThat(known.gaps()).anySatisfy(g -> assertThat(g.reason()).contains("missing-pkg"));
        assertThat(known.gaps()).anySatisfy(g -> assertThat(g.reason()).contains("PyPI user someone"));
        assertThat(known.gaps()).anySatisfy(g -> assertThat(g.needed()).contains("--pypi-project"));
        // GET /user, three packuments, the user's project list (404 here), two projects; no npm profile without NPM_TOKEN.
        assertThat(server.getRequestCount()).isEqualTo(7);

        // The packuments and the viewer read for the addresses are the ones the checks get: no refetch.
        facts.require(NpmFacts.packument("tiny-tarball"));
        facts.require(GitHubFacts.VIEWER);
        facts.require(PyPIFacts.project("attrs"));
        assertThat(server.getRequestCount()).isEqualTo(7);
    }

    @Test
    void anUnreadableProfileIsAGapAndTheOtherAddressesRemain() {
        routes.put("/github/user", new MockResponse.Builder().code(500).body("").build());
        MemoizedFacts facts = facts(targets(List.of(), List.of(), List.of(), List.of(), List.of("me@example.org")),
                new Credentials(Optional.of(GITHUB_TOKEN), Optional.empty(), Optional.empty()));

        KnownEmails known = facts.require(EmailFacts.KNOWN);

        assertThat(known.emails()).extracting(KnownEmail::address).containsExactly("me@example.org");
        assertThat(known.gaps()).extracting(Unavailability::cause).containsExactly(Cause.SERVER_ERROR);
    }

    @Test
    void auditedPackagesJoinNamedPackagesAndUsersPackagesWithoutDuplicates() {
        routes.put("/npm/-/v1/search", json(fixture("npm/search_v1_yargs_npm_registry_docs.json")));
        MemoizedFacts facts = facts(targets(List.of("bcoe"), List.of("yargs", "tiny-tarball"), List.of(), List.of(), List.of()),
                Credentials.none());

        NameList packages = facts.require(NpmFacts.AUDITED_PACKAGES);

        assertThat(packages.names()).containsExactly("yargs", "tiny-tarball");
        assertThat(packages.gaps()).isEmpty();
        assertThat(facts.require(NpmFacts.userPackages("bcoe")).packages()).containsExactly("yargs");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aUserWhosePackagesCannotBeListedIsAGap() {
        routes.put("/npm/-/v1/search", new MockResponse.Builder().code(503).body("").build());
        MemoizedFacts facts = facts(targets(List.of("ghost"), List.of("tiny-tarball"), List.of(), List.of(), List.of()),
                Credentials.none());

        NameList packages = facts.require(NpmFacts.AUDITED_PACKAGES);

        assertThat(packages.names()).containsExactly("tiny-tarball");
        assertThat(packages.gaps()).extracting(Unavailability::cause).containsExactly(Cause.SERVER_ERROR);
        assertThat(packages.gaps().get(0).reason()).contains("maintainer:ghost");
    }

    @Test
    void auditedProjectsAreDeduplicatedAsPyPINormalisesNames() throws Exception {
        routes.put("/pypi-host/pypi", new MockResponse.Builder().code(200).setHeader("Content-Type", "text/xml")
                .body(new String(UserPackagesResponseTest.resource("user_packages_alice.xml"), StandardCharsets.UTF_8)).build());
        MemoizedFacts facts = facts(targets(List.of(), List.of(), List.of("alice", "bob"), List.of("Poetry_Core", "poetry-core", "attrs"),
                List.of()), Credentials.none());

        NameList projects = facts.require(PyPIFacts.AUDITED_PROJECTS);

        assertThat(projects.names()).as("alice's Poetry-Core is the Poetry_Core already named")
                .containsExactly("Poetry_Core", "attrs", "alice-tools", "zest.releaser");
        assertThat(projects.gaps()).as("the server answers bob with alice's list too; nothing is missing")
                .isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aPyPIUserWhoseProjectsCannotBeListedIsAGapNotAFailure() {
        routes.put("/pypi-host/pypi", json(200, "{\"not\": \"xml\"}"));
        MemoizedFacts facts = facts(targets(List.of(), List.of(), List.of("alice"), List.of("attrs"), List.of()), Credentials.none());

        NameList projects = facts.require(PyPIFacts.AUDITED_PROJECTS);

        assertThat(projects.names()).containsExactly("attrs");
        assertThat(projects.gaps()).singleElement().satisfies(g -> {
            assertThat(g.cause()).isEqualTo(Cause.MALFORMED);
            assertThat(g.reason()).contains("PyPI user alice").contains("not well-formed");
            assertThat(g.needed()).contains("--pypi-project");
        });
    }

    @Test
    void factsThatNeedACredentialAreUnavailableWithoutARequest() {
        MemoizedFacts facts = facts(AuditTargets.none(), Credentials.none());

        assertThat(unavailability(facts.lookup(GitHubFacts.VIEWER)).cause()).isEqualTo(Cause.NO_CREDENTIAL);
        assertThat(unavailability(facts.lookup(NpmFacts.PROFILE)).cause()).isEqualTo(Cause.NO_CREDENTIAL);
        assertThat(unavailability(facts.lookup(HibpFacts.breaches("a@example.org"))).cause()).isEqualTo(Cause.NO_CREDENTIAL);
        assertThat(facts.require(EmailFacts.KNOWN).gaps()).as("no token, no profile to miss").isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void provenanceRdapAndBreachFactsReachTheirClients() throws Exception {
        routes.put("/pypi-host/integrity/pypi-attestations/0.0.19/pypi_attestations-0.0.19.tar.gz/provenance",
                json(fixture("pypi/integrity_provenance_pypi_attestations-0.0.19.tar.gz.json")));
        routes.put("/rdap/domain/google.com", json(fixture("rdap/domain_google.com_verisign_vcr_2021-12-17.json")));
        routes.put("/hibp/breachedaccount/a%40example.org", json(fixture("hibp/breachedaccount_full.json")));
        MemoizedFacts facts = facts(AuditTargets.none(),
                new Credentials(Optional.empty(), Optional.empty(), Optional.of(HIBP_KEY)));

        PyPIFileProvenance provenance = facts.require(
                PyPIFacts.provenance("pypi-attestations", "0.0.19", "pypi_attestations-0.0.19.tar.gz"));
        DomainRegistration google = facts.require(RdapFacts.domain("google.com"));
        AccountBreaches breaches = facts.require(HibpFacts.breaches("A@Example.org"));
        facts.require(HibpFacts.breaches("a@example.org"));

        assertThat(provenance.present()).isTrue();
        assertThat(google.registered()).isTrue();
        assertThat(breaches.address()).isEqualTo("a@example.org");
        assertThat(breaches.breaches()).hasSize(3);
        assertThat(server.getRequestCount()).as("the address is one fact whatever its case").isEqualTo(3);
    }

    @Test
    void aMalformedProvenanceSubjectIsAnInternalError() {
        MemoizedFacts facts = facts(AuditTargets.none(), Credentials.none());
        FactKey<PyPIFileProvenance> bad = PyPIFacts.provenance("a", "b", "c").about("only/two");

        assertThat(unavailability(facts.lookup(bad)).cause()).isEqualTo(Cause.INTERNAL);
        assertThat(server.getRequestCount()).isZero();
    }
}
