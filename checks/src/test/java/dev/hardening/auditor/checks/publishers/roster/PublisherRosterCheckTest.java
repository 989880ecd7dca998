package dev.hardening.auditor.checks.publishers.roster;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedNpm;
import dev.hardening.auditor.checks.recorded.RecordedPyPI;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublisherRosterCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new PublisherRosterCheck());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String HAS_EXPORTS = "has-package-exports";
    private static final String POETRY_CORE = "poetry-core";
    /** Between the recorded has-package-exports releases 1.2.3 (2021-05-02) and 1.3.0 (2022-04-07) plus a year. */
    private static final Instant AT = Instant.parse("2022-04-15T00:00:00Z");
    private static final String SOURCE = "GET /has-package-exports (maintainers, versions[]._npmUser, time)";

    static Stream<Arguments> positive() {
        return Stream.of(
                Arguments.of("npm, two maintainers, no roster", npm(HAS_EXPORTS, "ljharb", "inspect-js"), Policy.none()),
                Arguments.of("npm, two maintainers, both in the roster", npm(HAS_EXPORTS, "ljharb", "inspect-js"),
                        roster("npm:" + HAS_EXPORTS, "ljharb", "inspect-js", "backup-maintainer")),
                Arguments.of("PyPI, owner and maintainer, both in the roster", pypi(POETRY_CORE, "Owner:abn", "Maintainer:radoering"),
                        roster("pypi:" + POETRY_CORE, "abn", "radoering")),
                Arguments.of("PyPI roster keyed by the normalised name", pypi(POETRY_CORE, "Owner:abn", "Maintainer:radoering"),
                        roster("pypi:poetry-core", "ABN", "radoering")));
    }

    static Stream<Arguments> negative() {
        return Stream.of(
                Arguments.of("npm, recorded sole maintainer", npm(HAS_EXPORTS), Policy.none(), Status.WARN, "Only ljharb"),
                Arguments.of("npm, maintainer outside the roster", npm(HAS_EXPORTS, "ljharb", "right9ctrl"),
                        roster("npm:" + HAS_EXPORTS, "ljharb", "inspect-js"), Status.FAIL, "right9ctrl"),
                Arguments.of("npm, sole maintainer outside the roster", npm(HAS_EXPORTS),
                        roster("npm:" + HAS_EXPORTS, "alice"), Status.FAIL, "only publisher"),
                Arguments.of("PyPI, single owner", pypi(POETRY_CORE, "Owner:abn"), Policy.none(), Status.WARN, "Only abn"),
                Arguments.of("PyPI, maintainer outside the roster", pypi(POETRY_CORE, "Owner:abn", "Maintainer:stranger"),
                        roster("pypi:" + POETRY_CORE, "abn"), Status.FAIL, "stranger"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void agreedPublishersPass(String name, FakeFacts facts, Policy policy) {
        Finding finding = HARNESS.at(AT).policy(policy).targets(bothPlatforms()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negative")
    void singleOrUnknownPublishersAreFlagged(String name, FakeFacts facts, Policy policy, Status expected, String mentioned) {
        Finding finding = HARNESS.policy(policy).targets(bothPlatforms()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(mentioned);
    }

    @Test
    void evidenceListsPublishersByNameAndNeverTheirAddresses() {
        Finding finding = HARNESS.targets(bothPlatforms()).runSingle(npm(HAS_EXPORTS));

        assertThat(finding.subject()).isEqualTo("npm:has-package-exports");
        assertThat(finding.evidence()).containsExactly(
                new Evidence("publishers", "ljharb", SOURCE),
                new Evidence("publisher ljharb", "last published 1.3.0 on 2022-04-07", SOURCE));
        assertThat(finding.evidence()).extracting(Evidence::value).noneMatch(v -> v.contains("@"));
    }

    static Stream<Arguments> idle() {
        return Stream.of(
                Arguments.of("sole publisher idle for four years", npm(HAS_EXPORTS), CheckHarness.DEFAULT_NOW,
                        Status.WARN, "ljharb has published nothing for more than a year"),
                Arguments.of("co-maintainer who never published", npmNeverPublished("ljharb", "inspect-js"), AT,
                        Status.WARN, "inspect-js has published nothing for more than a year"),
                Arguments.of("both publishers active", npm(HAS_EXPORTS, "ljharb", "inspect-js"), AT, Status.PASS, "2 publishers"),
                Arguments.of("idle publishers but releases go through trusted publishing",
                        trustedLatest(npm(HAS_EXPORTS, "ljharb", "inspect-js")), CheckHarness.DEFAULT_NOW, Status.PASS, "2 publishers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idle")
    void publishersIdleForAYearAreFlagged(String name, FakeFacts facts, Instant now, Status expected, String says) {
        Finding finding = HARNESS.at(now).targets(bothPlatforms()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(says);
    }

    @Test
    void idlenessCountsPublishesOfEveryAuditedPackage() {
        // inspect-js published nothing of has-package-exports but did publish another audited package recently.
        ObjectNode tiny = Fixtures.object("npm/packument_full_tiny-tarball.json");
        ((ObjectNode) tiny.at("/versions/1.0.0/_npmUser")).put("name", "inspect-js");
        ((ObjectNode) tiny.get("time")).put("1.0.0", "2022-03-01T00:00:00.000Z");
        FakeFacts facts = npmNeverPublished("ljharb", "inspect-js")
                .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(HAS_EXPORTS, "tiny-tarball"), List.of()))
                .with(NpmFacts.packument("tiny-tarball"), RecordedNpm.packument(tiny));

        Finding finding = HARNESS.at(AT).targets(bothPlatforms()).runFor(facts, "npm:" + HAS_EXPORTS);

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.evidence()).contains(new Evidence("publisher inspect-js", "has published no version of "
                + HAS_EXPORTS + " by hand; last publish of all audited packages: tiny-tarball 1.0.0 on 2022-03-01", SOURCE));
    }

    @Test
    void rosterEvidenceShowsWhoIsAgreedAndWhoCannotPublish() {
        Policy policy = new Policy("team.yaml", Map.of("npm:" + HAS_EXPORTS, Set.of("ljharb", "alice")));

        Finding finding = HARNESS.policy(policy).targets(bothPlatforms()).runSingle(npm(HAS_EXPORTS, "ljharb", "bob"));

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.evidence()).contains(
                new Evidence("roster", "alice, ljharb", "policy team.yaml"),
                new Evidence("in the roster but not a publisher", "alice", "policy team.yaml"));
        assertThat(finding.attributes()).containsExactly(Map.entry("publishers", List.of("ljharb", "bob")));
    }

    @Test
    void scopeRosterCoversPackagesOfTheScopeWithoutOneOfTheirOwn() {
        Policy policy = new Policy("team.yaml", Map.of("npm:@acme/*", Set.of("ljharb")));

        assertThat(policy.rosterFor("npm:@acme/" + HAS_EXPORTS)).contains(Set.of("ljharb"));
        assertThat(policy.rosterFor("npm:" + HAS_EXPORTS)).isEmpty();
    }

    @Test
    void pypiEvidenceShowsRolesAndOrganization() {
        Finding finding = HARNESS.targets(bothPlatforms()).runSingle(pypi(POETRY_CORE, "Owner:abn", "Maintainer:radoering"));

        assertThat(finding.evidence()).containsExactly(
                new Evidence("publishers", "abn (Owner), radoering (Maintainer)", "GET /pypi/poetry-core/json (ownership)"),
                new Evidence("organization", "poetry (its owners can also manage the project)", "GET /pypi/poetry-core/json (ownership)"));
        assertThat(finding.attributes().get("publishers")).as("names only, for diffs").containsExactly("abn", "radoering");
    }

    @Test
    void recordedOrganizationOwnedProjectWithoutRolesIsUnknown() {
        FakeFacts facts = pypiNames(POETRY_CORE)
                .with(PyPIFacts.project(POETRY_CORE), RecordedPyPI.project(Fixtures.json("pypi/pypi_json_poetry-core_2.1.3.json")));

        Finding finding = HARNESS.targets(bothPlatforms()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).contains("organization poetry");
    }

    @Test
    void recordedProjectWithoutOwnershipIsUnknown() {
        FakeFacts facts = pypiNames("attrs")
                .with(PyPIFacts.project("attrs"), RecordedPyPI.project(Fixtures.json("pypi/pypi_json_project_attrs_legacy.json")));

        Finding finding = HARNESS.targets(bothPlatforms()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.subject()).isEqualTo("pypi:attrs");
        assertThat(finding.message()).contains("ownership");
    }

    @Test
    void gapsInThePackageListAreUnknownAndTheListedPackagesStillEvaluated() {
        Unavailability gap = Unavailability.of(Cause.RATE_LIMITED, "could not list the packages of npm user ljharb", "retry later");
        FakeFacts facts = npm(HAS_EXPORTS)
                .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(HAS_EXPORTS), List.of(gap)));

        List<Finding> findings = HARNESS.targets(bothPlatforms()).run(facts);

        assertThat(findings).extracting(Finding::subject, Finding::status).containsExactly(
                tuple("npm", Status.UNKNOWN), tuple("npm:has-package-exports", Status.WARN));
        assertThat(findings.get(0).message()).isEqualTo("could not list the packages of npm user ljharb");
    }

    @Test
    void unreadablePackageIsUnknownAloneWhileOthersAreEvaluated() {
        FakeFacts facts = nothingAudited()
                .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of("tiny-tarball", "gone"), List.of()))
                .with(NpmFacts.packument("tiny-tarball"), RecordedNpm.packument(Fixtures.json("npm/packument_full_tiny-tarball.json")))
                .unavailable(NpmFacts.packument("gone"), Unavailability.of(Cause.NOT_FOUND, "npm has no package named gone", ""));

        List<Finding> findings = HARNESS.targets(bothPlatforms()).run(facts);

        assertThat(findings).extracting(Finding::subject, Finding::status).containsExactly(
                tuple("npm:tiny-tarball", Status.WARN), tuple("npm:gone", Status.UNKNOWN));
    }

    @Test
    void packageListUnavailableWhilePackagesWereNamedIsUnknown() {
        FakeFacts facts = FakeFacts.none().unavailable(NpmFacts.AUDITED_PACKAGES, Cause.NETWORK);

        Finding finding = HARNESS.targets(targets().npmPackage("left-pad").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.subject()).isEqualTo("npm");
    }

    @Test
    void platformNotAuditedAtAllGivesNoFindingOfItsOwn() {
        Finding finding = HARNESS.runSingle(FakeFacts.none());

        assertThat(finding.status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    private static AuditTargets bothPlatforms() {
        return targets().npmUser("ljharb").pypiUser("abn").build();
    }

    /**
     * The recorded packument of {@code name}, with its maintainers replaced when names are given; the
     * second one is made the publisher of the newest version (1.3.0), so both have published recently.
     */
    private static FakeFacts npm(String name, String... maintainers) {
        ObjectNode packument = Fixtures.object("npm/packument_full_" + name + ".json");
        if (maintainers.length > 1) {
            ((ObjectNode) packument.at("/versions/1.3.0/_npmUser")).put("name", maintainers[1]);
        }
        return packumentFacts(name, packument, maintainers);
    }

    /** has-package-exports with these maintainers, only the first of whom ever published. */
    private static FakeFacts npmNeverPublished(String... maintainers) {
        return packumentFacts(HAS_EXPORTS, Fixtures.object("npm/packument_full_" + HAS_EXPORTS + ".json"), maintainers);
    }

    /** The packument with its newest version published through a trusted publisher. */
    private static FakeFacts trustedLatest(FakeFacts ignored) {
        ObjectNode packument = Fixtures.object("npm/packument_full_" + HAS_EXPORTS + ".json");
        ((ObjectNode) packument.at("/versions/1.3.0/_npmUser")).put("name", "GitHub Actions")
                .putObject("trustedPublisher").put("id", "github").put("oidcConfigId", "oidc:test");
        return packumentFacts(HAS_EXPORTS, packument, "ljharb", "inspect-js");
    }

    private static FakeFacts packumentFacts(String name, ObjectNode packument, String... maintainers) {
        if (maintainers.length > 0) {
            ArrayNode list = packument.putArray("maintainers");
            for (String m : maintainers) {
                list.addObject().put("name", m).put("email", m + "@example.com");
            }
        }
        return nothingAudited()
                .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(name), List.of()))
                .with(NpmFacts.packument(name), RecordedNpm.packument(packument));
    }

    /** The recorded poetry-core document with {@code ownership.roles} set to "Role:user" entries. */
    private static FakeFacts pypi(String name, String... roles) {
        ObjectNode project = Fixtures.object("pypi/pypi_json_poetry-core_2.1.3.json");
        ArrayNode list = ((ObjectNode) project.get("ownership")).putArray("roles");
        for (String r : roles) {
            String[] parts = r.split(":");
            list.add(JSON.objectNode().put("role", parts[0]).put("user", parts[1]));
        }
        return pypiNames(name).with(PyPIFacts.project(name), RecordedPyPI.project(project));
    }

    private static FakeFacts pypiNames(String name) {
        return nothingAudited().with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(name), List.of()));
    }

    /** Both platforms targeted, with empty package lists, as the collectors report a user with no packages. */
    private static FakeFacts nothingAudited() {
        return FakeFacts.none()
                .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(), List.of()))
                .with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(), List.of()));
    }

    private static Policy roster(String key, String... users) {
        return new Policy("team.yaml", Map.of(key, Set.of(users)));
    }
}
