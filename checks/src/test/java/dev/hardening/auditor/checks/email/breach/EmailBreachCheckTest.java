package dev.hardening.auditor.checks.email.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedHibp;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.email.EmailFacts;
import dev.hardening.auditor.core.facts.email.KnownEmail;
import dev.hardening.auditor.core.facts.email.KnownEmails;
import dev.hardening.auditor.core.facts.hibp.AccountBreaches;
import dev.hardening.auditor.core.facts.hibp.HibpFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailBreachCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new EmailBreachCheck());
    private static final String ADDRESS = "maintainer@example.org";
    private static final String RECORDED = "hibp/breachedaccount_full.json";

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("recorded: Adobe, Gawker and Stratfor leaked passwords", Fixtures.json(RECORDED), Status.FAIL, "3 breaches that leaked passwords"),
                Arguments.of("HIBP 404: in no breach", ((ArrayNode) Fixtures.json(RECORDED)).removeAll(), Status.PASS, "not in any breach"),
                Arguments.of("Adobe without its Passwords class", withoutPasswords(), Status.WARN, "without passwords"),
                Arguments.of("only a spam list", spamListOnly(), Status.PASS, "only in spam lists"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void breachesDecideTheVerdict(String name, JsonNode recorded, Status expected, String mentioned) {
        Finding finding = HARNESS.runSingle(addressWith(RecordedHibp.breaches(ADDRESS, recorded)));

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(mentioned);
        assertThat(finding.subject()).isEqualTo("email:m***@example.org");
    }

    @Test
    void evidenceNamesEachBreachWithDateAndDataClasses() {
        Finding finding = HARNESS.runSingle(addressWith(RecordedHibp.breaches(ADDRESS, Fixtures.json(RECORDED))));

        assertThat(finding.evidence()).extracting(Evidence::label, Evidence::value).contains(
                tuple("breach", "Adobe (2013-10-04): Email addresses, Password hints, Passwords, Usernames — passwords leaked;"
                        + " added to HIBP 2013-12-04"),
                tuple("breach", "Stratfor (2011-12-24): Credit cards, Email addresses, Names, Passwords, Phone numbers,"
                        + " Physical addresses, Usernames — passwords leaked; added to HIBP 2013-12-04"));
        assertThat(finding.evidence().get(1).value()).startsWith("Adobe");
        assertThat(finding.toString()).doesNotContain(ADDRESS);
    }

    @Test
    void withoutAnApiKeyEachAddressIsUnknownAndSaysHowToGetOne() {
        FakeFacts facts = known().unavailable(HibpFacts.breaches(ADDRESS), Unavailability.of(Cause.NO_CREDENTIAL,
                "the breach lookup needs an HIBP API key (https://haveibeenpwned.com/API/Key)", "set HIBP_API_KEY"));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).contains("https://haveibeenpwned.com/API/Key", "HIBP_API_KEY");
    }

    @Test
    void aRateLimitIsUnknownWithItsOwnAdvice() {
        FakeFacts facts = known().unavailable(HibpFacts.breaches(ADDRESS), Unavailability.of(Cause.RATE_LIMITED,
                "Have I Been Pwned rate limit reached", "wait until 12:00:06 UTC (in 6 s) and run the audit again"));

        assertThat(HARNESS.runSingle(facts).needed()).startsWith("wait until");
    }

    @Test
    void noAddressesIsNotApplicableAndGapsAreUnknown() {
        assertThat(HARNESS.runSingle(FakeFacts.none().with(EmailFacts.KNOWN, new KnownEmails(List.of(), List.of()))).status())
                .isEqualTo(Status.NOT_APPLICABLE);
        Unavailability gap = Unavailability.of(Cause.FORBIDDEN, "npm profile not readable", "a token");
        assertThat(HARNESS.run(FakeFacts.none().with(EmailFacts.KNOWN, new KnownEmails(List.of(), List.of(gap)))))
                .extracting(Finding::status).containsExactly(Status.UNKNOWN);
    }

    private static FakeFacts known() {
        return FakeFacts.none().with(EmailFacts.KNOWN, new KnownEmails(List.of(
                new KnownEmail(ADDRESS, "example.org", List.of("--email"))), List.of()));
    }

    private static FakeFacts addressWith(AccountBreaches breaches) {
        return known().with(HibpFacts.breaches(ADDRESS), breaches);
    }

    private static JsonNode withoutPasswords() {
        ArrayNode all = (ArrayNode) Fixtures.json(RECORDED);
        ObjectNode adobe = (ObjectNode) all.get(0);
        ArrayNode classes = (ArrayNode) adobe.get("DataClasses");
        for (int i = classes.size() - 1; i >= 0; i--) {
            if (classes.get(i).asText().equals("Passwords")) {
                classes.remove(i);
            }
        }
        ArrayNode one = all.arrayNode();
        one.add(adobe);
        return one;
    }

    private static JsonNode spamListOnly() {
        ArrayNode all = (ArrayNode) Fixtures.json(RECORDED);
        ObjectNode adobe = (ObjectNode) all.get(0);
        adobe.put("IsSpamList", true);
        ArrayNode one = all.arrayNode();
        one.add(adobe);
        return one;
    }
}
