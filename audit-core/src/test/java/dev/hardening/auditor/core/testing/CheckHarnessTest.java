package dev.hardening.auditor.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.samplecheck.SampleCheck;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckHarnessTest {
    private static final FactKey<String> NAME = FactKey.of("test.name", Platform.GITHUB, String.class);

    @Test
    void passWithEvidenceIsKept() {
        var harness = CheckHarness.of(new SampleCheck(ctx -> List.of(
                ctx.pass("github:octocat", "fine", Evidence.of("seen", "yes", "GET /user")))));

        assertThat(harness.runSingle(FakeFacts.none()).status()).isEqualTo(Status.PASS);
    }

    @Test
    void passWithoutEvidenceBecomesUnknownAsInTheEngine() {
        var harness = CheckHarness.of(new SampleCheck(ctx -> List.of(ctx.pass("github:octocat", "trust me"))));

        assertThat(harness.runSingle(FakeFacts.none()).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void noFindingsBecomeNotApplicable() {
        var harness = CheckHarness.of(new SampleCheck(ctx -> List.of()));

        assertThat(harness.runSingle(FakeFacts.none()).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void requiredFactMissingBecomesUnknownWithReasonAndNeed() {
        var harness = CheckHarness.of(new SampleCheck(ctx -> List.of(
                ctx.pass(ctx.facts().require(NAME.about("octocat")), "unreachable", Evidence.of("x", "y", "z")))));
        var facts = FakeFacts.none().unavailable(NAME.about("octocat"),
                Unavailability.of(Cause.NO_CREDENTIAL, "no token", "GITHUB_TOKEN"));

        var finding = harness.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.subject()).isEqualTo("github:octocat");
        assertThat(finding.message()).isEqualTo("no token");
        assertThat(finding.needed()).isEqualTo("GITHUB_TOKEN");
    }

    @Test
    void aBugInTheCheckFailsTheTestInsteadOfHidingAsUnknown() {
        var harness = CheckHarness.of(new SampleCheck(ctx -> {
            throw new IllegalStateException("bug");
        }));

        assertThatThrownBy(() -> harness.run(FakeFacts.none()))
                .isInstanceOf(AssertionError.class)
                .hasRootCauseMessage("bug");
    }

    @Test
    void clockTargetsAndMetadataReachTheCheck() {
        Instant now = Instant.parse("2022-05-24T10:07:00Z");
        var harness = CheckHarness.of(new SampleCheck(ctx -> List.of(ctx.warn("github:" + ctx.targets().githubUsers().get(0),
                        ctx.now().toString()))))
                .targets(TargetsBuilder.targets().githubUser("octocat").build())
                .at(now);

        var finding = harness.runSingle(FakeFacts.none());

        assertThat(harness.metadata().id()).isEqualTo("sample.harness");
        assertThat(finding.subject()).isEqualTo("github:octocat");
        assertThat(finding.message()).isEqualTo(now.toString());
    }

    @Test
    void missingFixtureIsReportedByName() {
        assertThatThrownBy(() -> Fixtures.json("nowhere/none.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixtures/nowhere/none.json");
    }
}
