package dev.hardening.auditor.checks.github.orgtwofactor;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedGitHub;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubOrg;
import dev.hardening.auditor.core.facts.github.GitHubOrgPeople;
import dev.hardening.auditor.core.facts.github.MemberFilter;
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

class OrgTwoFactorCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new OrgTwoFactorCheck());
    private static final Unavailability NOT_OWNER = Unavailability.of(Cause.FORBIDDEN,
            "GitHub answers GET /orgs/o/members?filter=2fa_disabled only for owners of o (HTTP 422)", GitHubFacts.ORG_OWNER_NEEDED);
    private static final List<String> HUB4J_MEMBERS = RecordedGitHub.logins(Fixtures.json("github/get_orgs_members.json"));

    private static GitHubOrg org(String fixture) {
        return RecordedGitHub.org(Fixtures.json("github/" + fixture));
    }

    /** An owner's view: the organisation and its four 2FA lists. */
    private static FakeFacts owner(GitHubOrg org, List<String> membersOff, List<String> outsideOff,
                                   List<String> membersSms, List<String> outsideSms) {
        String o = org.login();
        return FakeFacts.none().with(GitHubFacts.org(o), org)
                .with(GitHubFacts.orgMembers(o, MemberFilter.TWO_FA_DISABLED), people(o, MemberFilter.TWO_FA_DISABLED, false, membersOff))
                .with(GitHubFacts.orgOutsideCollaborators(o, MemberFilter.TWO_FA_DISABLED), people(o, MemberFilter.TWO_FA_DISABLED, true, outsideOff))
                .with(GitHubFacts.orgMembers(o, MemberFilter.TWO_FA_INSECURE), people(o, MemberFilter.TWO_FA_INSECURE, false, membersSms))
                .with(GitHubFacts.orgOutsideCollaborators(o, MemberFilter.TWO_FA_INSECURE), people(o, MemberFilter.TWO_FA_INSECURE, true, outsideSms));
    }

    private static GitHubOrgPeople people(String org, MemberFilter filter, boolean outside, List<String> logins) {
        return new GitHubOrgPeople(org, filter, outside, logins);
    }

    static Stream<Arguments> ownerViews() {
        GitHubOrg quarkus = org("get_orgs_quarkusio.json");
        GitHubOrg beaver = org("get_orgs_beaversoftware_admin_view.json");
        GitHubOrg hub4j = org("get_orgs_hub4j-test-org.json");
        return Stream.of(
                Arguments.of("required, nobody without 2FA or on SMS", owner(quarkus, List.of(), List.of(), List.of(), List.of()),
                        "quarkusio", Status.PASS),
                Arguments.of("required, one member on SMS (admin view)", owner(beaver, List.of(), List.of(), HUB4J_MEMBERS.subList(0, 1), List.of()),
                        "BeaverSoftware", Status.WARN),
                Arguments.of("required, an outside collaborator on SMS", owner(quarkus, List.of(), List.of(), List.of(), List.of("contractor")),
                        "quarkusio", Status.WARN),
                Arguments.of("required, recorded members without 2FA", owner(quarkus, HUB4J_MEMBERS, List.of(), List.of(), List.of()),
                        "quarkusio", Status.FAIL),
                Arguments.of("required, an outside collaborator without 2FA and a member on SMS",
                        owner(quarkus, List.of(), List.of("pending-collaborator"), List.of("sms-member"), List.of()), "quarkusio", Status.FAIL),
                Arguments.of("not required, everyone with 2FA", owner(hub4j, List.of(), List.of(), List.of(), List.of()),
                        "hub4j-test-org", Status.FAIL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownerViews")
    void verdictOfAnOwnersView(String name, FakeFacts facts, String org, Status status) {
        Finding finding = HARNESS.targets(targets().githubOrg(org).build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(status);
        assertThat(finding.subject()).isEqualTo("github-org:" + org);
        assertThat(finding.evidence()).contains(Evidence.of("two_factor_requirement_enabled", status != Status.FAIL
                || !org.equals("hub4j-test-org"), "GET /orgs/" + org));
    }

    @Test
    void membersWithout2faAreNamedInEvidenceAndMessage() {
        Finding finding = HARNESS.targets(targets().githubOrg("quarkusio").build())
                .runSingle(owner(org("get_orgs_quarkusio.json"), HUB4J_MEMBERS, List.of(), List.of(), List.of()));

        assertThat(finding.message()).contains("12 people (alexanderrtaylor, ");
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.label()).isEqualTo("members without 2FA");
            assertThat(e.value()).startsWith("12: alexanderrtaylor, ").endsWith("and 2 more");
            assertThat(e.source()).isEqualTo("GET /orgs/quarkusio/members?filter=2fa_disabled");
        });
    }

    @Test
    void aFailAlsoNamesWhoReliesOnSms() {
        Finding finding = HARNESS.targets(targets().githubOrg("quarkusio").build()).runSingle(
                owner(org("get_orgs_quarkusio.json"), List.of(), List.of("pending-collaborator"), List.of("sms-member"), List.of()));

        assertThat(finding.message()).contains("1 person (pending-collaborator) has none").contains("1 person (sms-member) relies on SMS");
        assertThat(finding.evidence()).extracting(Evidence::label).containsExactly("two_factor_requirement_enabled",
                "members without 2FA", "outside collaborators without 2FA", "members with SMS as their only second factor",
                "outside collaborators with SMS as their only second factor");
    }

    @Test
    void notAMemberIsUnknownNamingTheOwnerRoleAndAsksForNoList() {
        ObjectNode publicView = Fixtures.object("github/get_orgs_quarkusio.json");
        publicView.remove("two_factor_requirement_enabled");
        FakeFacts facts = FakeFacts.none().with(GitHubFacts.org("quarkusio"), RecordedGitHub.org(publicView));

        Finding finding = HARNESS.targets(targets().githubOrg("quarkusio").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).isEqualTo(GitHubFacts.ORG_OWNER_NEEDED).contains("organization owner role");
        assertThat(facts.lookupsOfKind("github.org-members") + facts.lookupsOfKind("github.org-outside-collaborators")).isZero();
    }

    @Test
    void aMemberWhoIsNotAnOwnerIsUnknownAfterOneRefusedList() {
        FakeFacts facts = FakeFacts.none().with(GitHubFacts.org("quarkusio"), org("get_orgs_quarkusio.json"))
                .unavailable(GitHubFacts.orgMembers("quarkusio", MemberFilter.TWO_FA_DISABLED), NOT_OWNER);

        Finding finding = HARNESS.targets(targets().githubOrg("quarkusio").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).startsWith("quarkusio requires two-factor authentication, but");
        assertThat(finding.needed()).isEqualTo(GitHubFacts.ORG_OWNER_NEEDED);
        assertThat(facts.lookupsOfKind("github.org-members") + facts.lookupsOfKind("github.org-outside-collaborators")).isEqualTo(1);
    }

    @Test
    void notRequiredFailsEvenWhenTheListsAreHidden() {
        FakeFacts facts = FakeFacts.none().with(GitHubFacts.org("hub4j-test-org"), org("get_orgs_hub4j-test-org.json"))
                .unavailable(GitHubFacts.orgMembers("hub4j-test-org", MemberFilter.TWO_FA_DISABLED), NOT_OWNER);

        Finding finding = HARNESS.targets(targets().githubOrg("hub4j-test-org").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.message()).contains("does not require two-factor authentication");
    }

    @Test
    void aHiddenSmsListIsUnknownNotPass() {
        FakeFacts facts = owner(org("get_orgs_quarkusio.json"), List.of(), List.of(), List.of(), List.of())
                .unavailable(GitHubFacts.orgOutsideCollaborators("quarkusio", MemberFilter.TWO_FA_INSECURE), Cause.SERVER_ERROR);

        Finding finding = HARNESS.targets(targets().githubOrg("quarkusio").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).isEqualTo("test: what would help");
    }

    @Test
    void anOrganisationThatCannotBeReadIsUnknownWithItsReason() {
        FakeFacts facts = FakeFacts.none().unavailable(GitHubFacts.org("gone"),
                Unavailability.of(Cause.NOT_FOUND, "GitHub has no organisation 'gone'", "check the --github-org name"));

        Finding finding = HARNESS.targets(targets().githubOrg("gone").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).isEqualTo("GitHub has no organisation 'gone'");
    }

    @Test
    void eachOrganisationOnceWhateverItsCase() {
        List<Finding> findings = HARNESS.targets(targets().githubOrg("quarkusio", "QuarkusIO").build())
                .run(owner(org("get_orgs_quarkusio.json"), List.of(), List.of(), List.of(), List.of()));

        assertThat(findings).hasSize(1);
    }
}
