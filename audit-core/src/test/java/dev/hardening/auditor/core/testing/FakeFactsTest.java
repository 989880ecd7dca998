package dev.hardening.auditor.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.model.Platform;
import org.junit.jupiter.api.Test;

class FakeFactsTest {
    private static final FactKey<String> GREETING = FactKey.of("test.greeting", Platform.GITHUB, String.class);

    @Test
    void givenFactIsAvailable() {
        FakeFacts facts = FakeFacts.none().with(GREETING.about("a"), "hello");

        assertThat(facts.require(GREETING.about("a"))).isEqualTo("hello");
    }

    @Test
    void factNotGivenIsUnavailableAsNotConfigured() {
        Fact<String> fact = FakeFacts.none().with(GREETING.about("a"), "hello").lookup(GREETING.about("b"));

        assertThat(fact).isInstanceOfSatisfying(Fact.Unavailable.class,
                u -> assertThat(u.unavailability().cause()).isEqualTo(Cause.NOT_CONFIGURED));
    }

    @Test
    void unavailableFactCarriesItsReason() {
        Unavailability why = Unavailability.of(Cause.FORBIDDEN, "403 from the API", "a token with read:org");
        Fact<String> fact = FakeFacts.none().unavailable(GREETING, why).lookup(GREETING);

        assertThat(fact).isEqualTo(Fact.unavailable(why));
    }

    @Test
    void recordsWhatWasLookedUp() {
        FakeFacts facts = FakeFacts.none();
        facts.lookup(GREETING.about("a"));
        facts.lookup(GREETING.about("b"));
        facts.lookup(GREETING.about("a"));

        assertThat(facts.lookedUp()).containsExactlyInAnyOrder(GREETING.about("a"), GREETING.about("b"));
        assertThat(facts.lookupsOfKind("test.greeting")).isEqualTo(2);
    }
}
