package dev.hardening.auditor.checks.email.domainexpiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedRdap;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.email.EmailFacts;
import dev.hardening.auditor.core.facts.email.KnownEmail;
import dev.hardening.auditor.core.facts.email.KnownEmails;
import dev.hardening.auditor.core.facts.rdap.RdapFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailDomainExpiryCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new EmailDomainExpiryCheck());
    private static final String GOOGLE = "rdap/domain_google.com_verisign_vcr_2021-12-17.json";
    private static final String AIRPORT = "rdap/domain_airport.fr_rdap.nic.fr_vcr_2022-12-29.json";
    private static final String EXAMPLE_CZ = "rdap/domain_example.cz_rdap.nic.cz.json";
    private static final String NOT_FOUND = "rdap/error_404_domain_not_found_centralnic.json";

    static Stream<Arguments> positive() {
        return Stream.of(
                Arguments.of("google.com, recorded 2021, expires 2028", "google.com", Fixtures.json(GOOGLE), "2021-12-17T12:00:00Z", "2028-09-14"),
                Arguments.of("airport.fr, seven months before expiry", "airport.fr", Fixtures.json(AIRPORT), "2022-06-01T00:00:00Z", "2023-01-27"));
    }

    static Stream<Arguments> negative() {
        return Stream.of(
                Arguments.of("airport.fr as recorded, 29 days before expiry", "airport.fr", Fixtures.json(AIRPORT),
                        "2022-12-29T00:00:00Z", Status.WARN, "expires in 29 days"),
                Arguments.of("example.cz, expired in 2019", "example.cz", Fixtures.json(EXAMPLE_CZ), "2026-06-01T00:00:00Z",
                        Status.FAIL, "expired on 2019-08-30"),
                Arguments.of("not registered (RDAP 404, the ctx case)", "ctx-maintainer.example", Fixtures.json(NOT_FOUND),
                        "2022-05-14T00:00:00Z", Status.FAIL, "is not registered"),
                Arguments.of("google.com in pending delete", "google.com", withStatus(GOOGLE, "pending delete"), "2021-12-17T12:00:00Z",
                        Status.FAIL, "pending delete"),
                Arguments.of("google.com in redemption period", "google.com", withStatus(GOOGLE, "redemption period"), "2021-12-17T12:00:00Z",
                        Status.FAIL, "redemption period"),
                Arguments.of("registry publishes no expiration", "airport.fr", withoutExpiration(AIRPORT), "2022-06-01T00:00:00Z",
                        Status.UNKNOWN, "no expiration date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void registeredDomainPassesWithItsExpiryDate(String name, String domain, JsonNode rdap, String now, String expiry) {
        Finding finding = HARNESS.at(Instant.parse(now)).runSingle(addressesAt(domain, rdap));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.subject()).isEqualTo("domain:" + domain);
        assertThat(finding.evidence()).contains(new Evidence("expiration", expiry, "RDAP domain/" + domain + " at https://rdap.test/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negative")
    void lapsedOrLapsingDomainIsFlagged(String name, String domain, JsonNode rdap, String now, Status expected, String mentioned) {
        Finding finding = HARNESS.at(Instant.parse(now)).runSingle(addressesAt(domain, rdap));

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(mentioned);
    }

    @Test
    void unregisteredDomainIsCritical() {
        Finding finding = HARNESS.runSingle(addressesAt("lapsed.example", Fixtures.json(NOT_FOUND)));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.message()).contains("ctx");
    }

    @Test
    void oneFindingPerDomainListingEveryAddressMaskedWithWhereItWasSeen() {
        FakeFacts facts = FakeFacts.none()
                .with(EmailFacts.KNOWN, new KnownEmails(List.of(
                        new KnownEmail("jane@google.com", "google.com", List.of("npm maintainers of left-pad")),
                        new KnownEmail("ops@google.com", "google.com", List.of("--email", "PyPI author_email of ctx"))), List.of()))
                .with(RdapFacts.domain("google.com"), RecordedRdap.domain("google.com", Fixtures.json(GOOGLE), "https://rdap.verisign.com/com/v1/"));

        Finding finding = HARNESS.at(Instant.parse("2021-12-17T12:00:00Z")).runSingle(facts);

        assertThat(finding.evidence()).contains(
                new Evidence("address", "j***@google.com", "seen in npm maintainers of left-pad"),
                new Evidence("address", "o***@google.com", "seen in --email; PyPI author_email of ctx"));
        assertThat(finding.toString()).doesNotContain("jane@", "ops@");
    }

    @Test
    void largeMailProvidersAreNotApplicableAndNeverLookedUp() {
        FakeFacts facts = FakeFacts.none().with(EmailFacts.KNOWN, new KnownEmails(List.of(
                new KnownEmail("someone@gmail.com", "gmail.com", List.of("GitHub profile")),
                new KnownEmail("other@yahoo.co.uk", "yahoo.co.uk", List.of("--email")),
                new KnownEmail("1234+me@users.noreply.github.com", "github.com", List.of("commits"))), List.of()));

        List<Finding> findings = HARNESS.run(facts);

        assertThat(findings).extracting(Finding::subject, Finding::status).containsExactly(
                tuple("domain:github.com", Status.NOT_APPLICABLE),
                tuple("domain:gmail.com", Status.NOT_APPLICABLE),
                tuple("domain:yahoo.co.uk", Status.NOT_APPLICABLE));
        assertThat(facts.lookupsOfKind("rdap.domain")).isZero();
    }

    @Test
    void gapsInTheAddressListAreUnknownAndTheKnownAddressesStillChecked() {
        Unavailability gap = Unavailability.of(Cause.FORBIDDEN, "GitHub did not list the account's addresses (403)", "a token with user:email");
        FakeFacts facts = addressesAt("google.com", Fixtures.json(GOOGLE))
                .with(EmailFacts.KNOWN, new KnownEmails(
                        List.of(new KnownEmail("jane@google.com", "google.com", List.of("--email"))), List.of(gap)));

        List<Finding> findings = HARNESS.at(Instant.parse("2021-12-17T12:00:00Z")).run(facts);

        assertThat(findings).extracting(Finding::subject, Finding::status).containsExactly(
                tuple("email", Status.UNKNOWN), tuple("domain:google.com", Status.PASS));
        assertThat(findings.get(0).needed()).isEqualTo("a token with user:email");
    }

    @Test
    void rdapUnavailableIsUnknownForThatDomain() {
        FakeFacts facts = FakeFacts.none()
                .with(EmailFacts.KNOWN, new KnownEmails(List.of(new KnownEmail("a@example.dev", "example.dev", List.of("--email"))), List.of()))
                .unavailable(RdapFacts.domain("example.dev"), Unavailability.of(Cause.NOT_FOUND, "no RDAP server is known for .dev", ""));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).isEqualTo("no RDAP server is known for .dev");
        assertThat(finding.needed()).contains("WHOIS");
    }

    @Test
    void addressListUnavailableIsUnknown() {
        Finding finding = HARNESS.runSingle(FakeFacts.none().unavailable(EmailFacts.KNOWN, Cause.INTERNAL));

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.subject()).isEqualTo("email");
    }

    @Test
    void noAddressesIsNotApplicable() {
        Finding finding = HARNESS.runSingle(FakeFacts.none().with(EmailFacts.KNOWN, new KnownEmails(List.of(), List.of())));

        assertThat(finding.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(finding.message()).contains("--email");
    }

    @Test
    void providerTableKnowsCountryDomainsOfTheSameBrand() {
        assertThat(LargeMailProviders.contains("gmx.at")).isTrue();
        assertThat(LargeMailProviders.contains("hotmail.fr")).isTrue();
        assertThat(LargeMailProviders.contains("example.com")).isFalse();
    }

    private static FakeFacts addressesAt(String domain, JsonNode rdap) {
        return FakeFacts.none()
                .with(EmailFacts.KNOWN, new KnownEmails(List.of(
                        new KnownEmail("maintainer@" + domain, domain, List.of("npm maintainers of some-package"))), List.of()))
                .with(RdapFacts.domain(domain), RecordedRdap.domain(domain, rdap, "https://rdap.test/"));
    }

    private static JsonNode withStatus(String fixture, String status) {
        ObjectNode rdap = Fixtures.object(fixture);
        ((ArrayNode) rdap.get("status")).add(status);
        return rdap;
    }

    private static JsonNode withoutExpiration(String fixture) {
        ObjectNode rdap = Fixtures.object(fixture);
        for (Iterator<JsonNode> it = rdap.get("events").iterator(); it.hasNext(); ) {
            if (it.next().path("eventAction").asText().equals("expiration")) {
                it.remove();
            }
        }
        return rdap;
    }
}
