package dev.hardening.auditor.checks.release.trustedpublishing;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedGitHubRepos;
import dev.hardening.auditor.checks.recorded.RecordedNpm;
import dev.hardening.auditor.checks.recorded.RecordedPyPI;
import dev.hardening.auditor.checks.release.trustedpublishing.RegistryTokenInventory.Inventory;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.DeploymentEnvironment;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepositories;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.RepositoryLink;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFile;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFiles;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import dev.hardening.auditor.core.workflows.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrustedPublishingCheckTest {
    private static final RepoRef REPO = new RepoRef("hub4j-test-org", "GHDeployKeyTest");
    private static final CheckHarness HARNESS = CheckHarness.of(new TrustedPublishingCheck())
            .targets(targets().npmPackage("has-package-exports").pypiProject("poetry-core").build());
    private static final String NPM = "has-package-exports";
    private static final String POETRY = "poetry-core";
    private static final String WHEEL = "poetry_core-2.1.3-py3-none-any.whl";
    private static final String SDIST = "poetry_core-2.1.3.tar.gz";

    /** One repository linked from the audited packages, with the given workflows, and no package unless added. */
    static final class World {
        final FakeFacts facts = FakeFacts.none()
                .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(), List.of()))
                .with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(), List.of()));

        World repo(String... workflows) {
            facts.with(GitHubRepoFacts.PUBLISHING_REPOSITORIES, new PublishingRepositories(List.of(new PublishingRepository(REPO, List.of(
                    new RepositoryLink("npm:" + NPM, "repository", "git+https://github.com/hub4j-test-org/GHDeployKeyTest.git"),
                    new RepositoryLink("pypi:" + POETRY, "project_urls.Repository", "https://github.com/hub4j-test-org/GHDeployKeyTest")))),
                    List.of(), List.of()));
            facts.with(GitHubRepoFacts.repository(REPO),
                    RecordedGitHubRepos.repository(REPO, Fixtures.json("github/get_repos_hub4j_ghdeploykeytest.json")));
            List<WorkflowFile> files = new ArrayList<>();
            for (String w : workflows) {
                files.add(new WorkflowFile(".github/workflows/" + w, "", Fixtures.text("workflows/" + w)));
            }
            facts.with(GitHubRepoFacts.workflows(REPO, "main"), new WorkflowFiles(REPO, "main", files, List.of(), 0));
            return this;
        }

        /** One linked repository with one workflow given as text (a recorded workflow, edited). */
        World repoWithText(String name, String text) {
            repo();
            facts.with(GitHubRepoFacts.workflows(REPO, "main"), new WorkflowFiles(REPO, "main",
                    List.of(new WorkflowFile(".github/workflows/" + name, "", text)), List.of(), 0));
            return this;
        }

        World noRepo() {
            facts.with(GitHubRepoFacts.PUBLISHING_REPOSITORIES, new PublishingRepositories(List.of(), List.of(), List.of()));
            return this;
        }

        /** The recorded environment answer under {@code name}; {@code protectedEnv} false strips its rules. */
        World environment(String name, boolean protectedEnv) {
            ObjectNode env = Fixtures.object("github/get_environment_pygithub.json").put("name", name);
            if (!protectedEnv) {
                env.putArray("protection_rules");
                env.putNull("deployment_branch_policy");
            }
            facts.with(GitHubRepoFacts.environment(REPO, name), RecordedGitHubRepos.environment(REPO, env));
            return this;
        }

        World missingEnvironment(String name) {
            facts.with(GitHubRepoFacts.environment(REPO, name), new DeploymentEnvironment(REPO, name, false, List.of(), 0,
                    Optional.empty(), Optional.empty()));
            return this;
        }

        /** has-package-exports as recorded; versions in {@code trusted} get the recorded trustedPublisher. */
        World npm(List<String> trusted) {
            ObjectNode packument = Fixtures.object("npm/packument_full_has-package-exports.json");
            JsonNode x402 = Fixtures.json("npm/version_latest_x402-stellar_2.12.0_trusted_publisher.json");
            trusted.forEach(v -> ((ObjectNode) packument.get("versions").get(v).get("_npmUser"))
                    .set("trustedPublisher", x402.get("_npmUser").get("trustedPublisher").deepCopy()));
            facts.with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(NPM), List.of()));
            facts.with(NpmFacts.packument(NPM), RecordedNpm.packument(packument));
            return this;
        }

        /** poetry-core 2.1.3 as recorded; files in {@code attested} carry the recorded provenance. */
        World pypi(Set<String> attested) {
            facts.with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(POETRY), List.of()));
            facts.with(PyPIFacts.project(POETRY), RecordedPyPI.project(Fixtures.json("pypi/pypi_json_poetry-core_2.1.3.json")));
            for (String file : List.of(WHEEL, SDIST)) {
                facts.with(PyPIFacts.provenance(POETRY, "2.1.3", file), attested.contains(file)
                        ? RecordedPyPI.provenance(POETRY, "2.1.3", file, Fixtures.json("pypi/integrity_provenance_pypi_attestations-0.0.19.tar.gz.json"))
                        : RecordedPyPI.noProvenance(POETRY, "2.1.3", file));
            }
            return this;
        }
    }

    static final List<String> ALL_NPM = List.of("1.0.0", "1.1.0", "1.2.0", "1.2.1-alpha.0", "1.2.1-alpha.1", "1.2.1-alpha.2",
            "1.2.1-alpha.3", "1.2.1", "1.2.2", "1.2.3", "1.3.0");

    @Nested
    class RepositorySide {
        static Stream<Arguments> verdicts() {
            return Stream.of(
                    Arguments.of("Nx: npm publish with NPM_TOKEN, no environment", new World().repo("nx-publish.yml"), Status.FAIL,
                            "with the secret NPM_TOKEN, with no environment"),
                    Arguments.of("elementary-data: twine with a PyPI user and password", new World().repo("elementary-release.yml"),
                            Status.FAIL, "PYPI_USER, PYPI_PASS"),
                    Arguments.of("trusted publishing from a protected environment", new World().repo("good-npm-trusted-publishing.yml")
                            .environment("npm", true), Status.PASS, "environment npm (1 required reviewer, protected branches only)"),
                    Arguments.of("trusted publishing from an environment without rules", new World().repo("good-npm-trusted-publishing.yml")
                            .environment("npm", false), Status.WARN, "no required reviewers and no branch restriction"),
                    Arguments.of("trusted publishing from an environment that does not exist", new World().repo("good-npm-trusted-publishing.yml")
                            .missingEnvironment("npm"), Status.WARN, "does not exist"),
                    Arguments.of("ultralytics: trusted publishing with no environment", new World().repo("ultralytics-publish.yml"),
                            Status.WARN, "with no environment:"),
                    Arguments.of("no workflow publishes", new World().repo("elementary-update-issue.yml"), Status.NOT_APPLICABLE,
                            "No workflow on main"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("verdicts")
        void publishJobsAreJudgedByHowTheyAuthenticate(String name, World world, Status expected, String mentioned) {
            Finding finding = HARNESS.runFor(world.facts, "repo:hub4j-test-org/GHDeployKeyTest");

            assertThat(finding.status()).as(finding.message()).isEqualTo(expected);
            assertThat(finding.message()).contains(mentioned);
        }

        @Test
        void anEnvironmentThatCannotBeReadIsUnknown() {
            World world = new World().repo("good-pypi-trusted-publishing.yml");
            world.facts.unavailable(GitHubRepoFacts.environment(REPO, "pypi"), Unavailability.of(Cause.RATE_LIMITED,
                    "GitHub rate limit reached", "a GITHUB_TOKEN"));

            Finding finding = HARNESS.runFor(world.facts, "repo:hub4j-test-org/GHDeployKeyTest");

            assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
            assertThat(finding.needed()).isEqualTo("a GITHUB_TOKEN");
        }

        @Test
        void evidenceNamesTheJobAndItsSecretByNameOnly() {
            Finding finding = HARNESS.runFor(new World().repo("nx-publish.yml").facts, "repo:hub4j-test-org/GHDeployKeyTest");

            assertThat(finding.evidence()).extracting(Evidence::label).contains("publish job .github/workflows/nx-publish.yml job publish (line 10)");
        }
    }

    @Nested
    class NpmSide {
        static Stream<Arguments> verdicts() {
            return Stream.of(
                    Arguments.of("latest through trusted publishing, linked workflow without a token",
                            new World().repo("good-npm-trusted-publishing.yml").environment("npm", true).npm(List.of("1.3.0")),
                            Status.PASS, "no publish workflow of a linked repository reads an npm token"),
                    Arguments.of("trusted publishing, but the linked publish workflow still reads NPM_TOKEN (a leftover token)",
                            new World().repo("nx-publish.yml").npm(List.of("1.3.0")), Status.FAIL, "reads NPM_TOKEN"),
                    Arguments.of("a release without trusted publishing after it began (the token was used)",
                            new World().repo("good-npm-trusted-publishing.yml").npm(List.of("1.2.2")), Status.FAIL,
                            "1.2.3, 1.3.0 were published without trusted publishing although has-package-exports has used it since 1.2.2"),
                    Arguments.of("recorded packument: never trusted publishing", new World().repo("nx-publish.yml").npm(List.of()),
                            Status.WARN, "published with a long-lived token"),
                    Arguments.of("trusted publishing and no linked repository", new World().noRepo().npm(ALL_NPM), Status.PASS,
                            "1.3.0 was published through trusted publishing"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("verdicts")
        void npmPackagesAreJudgedFromTheirVersionsAndTheirWorkflows(String name, World world, Status expected, String mentioned) {
            Finding finding = HARNESS.runFor(world.facts, "npm:" + NPM);

            assertThat(finding.status()).as(finding.message()).isEqualTo(expected);
            assertThat(finding.message()).contains(mentioned);
        }

        @Test
        void unreadableLinkedWorkflowsMakeTrustedPublishingUnknownNotPass() {
            World world = new World().repo().npm(List.of("1.3.0"));
            world.facts.unavailable(GitHubRepoFacts.workflows(REPO, "main"), Unavailability.of(Cause.FORBIDDEN,
                    "GitHub did not show the workflows", "a token that can read hub4j-test-org/GHDeployKeyTest"));

            Finding finding = HARNESS.runFor(world.facts, "npm:" + NPM);

            assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
            assertThat(finding.needed()).isEqualTo("a token that can read hub4j-test-org/GHDeployKeyTest");
        }

        @Test
        void theRegistryTokenInventoryIsAnExtensionPoint() {
            World world = new World().repo("good-npm-trusted-publishing.yml").environment("npm", true).npm(List.of("1.3.0"));
            CheckHarness withTokens = CheckHarness.of(new TrustedPublishingCheck((context, registry, name) -> registry == Registry.NPM
                    ? new Inventory.Found(List.of("npm write token npm_… sha256:0123456789ab, no expiry"), "GET /-/npm/v1/tokens")
                    : new Inventory.None("test")));

            Finding withLeftover = withTokens.runFor(world.facts, "npm:" + NPM);
            Finding notInspected = HARNESS.runFor(world.facts, "npm:" + NPM);

            assertThat(withLeftover.status()).isEqualTo(Status.FAIL);
            assertThat(withLeftover.message()).contains("a long-lived token still exists alongside trusted publishing",
                    "the registry lists 1 write token");
            assertThat(notInspected.status()).isEqualTo(Status.PASS);
            assertThat(notInspected.evidence()).extracting(Evidence::label).contains("long-lived tokens of the account");
        }

        /** The recorded token list (a write token without expiry, a read-only one), edited by {@code edit}. */
        static JsonNode tokenList(java.util.function.Consumer<ObjectNode> editWriteToken) {
            ObjectNode list = Fixtures.object("npm/tokens_v1_npmcli_test.json");
            editWriteToken.accept((ObjectNode) list.get("objects").get(0));
            return list;
        }

        /** The recorded profile, renamed to {@code account}. */
        static ObjectNode profile(String account) {
            return Fixtures.object("npm/user_profile_v1_npmcli_test.json").put("name", account);
        }

        static Stream<Arguments> tokenInventory() {
            return Stream.of(
                    Arguments.of("a maintainer's write token without expiry (the ultralytics lesson)",
                            tokenList(t -> { }), Optional.of(profile("ljharb")), Status.FAIL,
                            "a long-lived token still exists alongside trusted publishing", "npm-token:abcd12 (write, created 2020-08-12,"
                                    + " never expires)"),
                    Arguments.of("no account name known: every write token is taken to reach the package",
                            tokenList(t -> { }), Optional.empty(), Status.FAIL,
                            "a long-lived token still exists alongside trusted publishing", "npm-token:abcd12"),
                    Arguments.of("only a read-only token left", tokenList(t -> t.put("readonly", true)), Optional.of(profile("ljharb")),
                            Status.PASS, "no publish workflow of a linked repository", "none can publish has-package-exports"),
                    Arguments.of("the write token has expired", tokenList(t -> t.put("expiry", "2026-01-01T00:00:00Z")),
                            Optional.of(profile("ljharb")), Status.PASS, "no publish workflow", "none can publish"),
                    Arguments.of("the write token was revoked", tokenList(t -> t.put("revoked", true)), Optional.of(profile("ljharb")),
                            Status.PASS, "no publish workflow", "none can publish"),
                    Arguments.of("the account is not a maintainer of the package", tokenList(t -> { }), Optional.of(profile("foo")),
                            Status.PASS, "no publish workflow", "not a maintainer of has-package-exports"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("tokenInventory")
        void byDefaultTheNpmAccountsTokenListIsTheInventory(String name, JsonNode tokens, Optional<JsonNode> profile,
                                                             Status expected, String says, String evidenceSays) {
            World world = new World().repo("good-npm-trusted-publishing.yml").environment("npm", true).npm(List.of("1.3.0"));
            world.facts.with(NpmFacts.TOKENS, RecordedNpm.tokens(tokens));
            profile.ifPresent(p -> world.facts.with(NpmFacts.PROFILE, RecordedNpm.profile(p)));

            Finding finding = HARNESS.runFor(world.facts, "npm:" + NPM);

            assertThat(finding.status()).as(finding.message()).isEqualTo(expected);
            assertThat(finding.message()).contains(says);
            assertThat(finding.evidence()).extracting(e -> e.value() + " (" + e.source() + ")")
                    .anySatisfy(v -> assertThat(v).contains(evidenceSays));
            assertThat(finding.toString()).doesNotContain("efgh5678", "abcd1234abcd1234");
        }

        @Test
        void withoutTheTokenListTheInventorySaysWhyItWasNotInspected() {
            World world = new World().repo("good-npm-trusted-publishing.yml").environment("npm", true).npm(List.of("1.3.0"));
            world.facts.unavailable(NpmFacts.TOKENS, Unavailability.of(Cause.NO_CREDENTIAL, "no npm token was supplied", "NPM_TOKEN"));

            Finding finding = HARNESS.runFor(world.facts, "npm:" + NPM);

            assertThat(finding.status()).isEqualTo(Status.PASS);
            assertThat(finding.evidence()).filteredOn(e -> e.label().equals("long-lived tokens of the account")).singleElement()
                    .satisfies(e -> assertThat(e.value()).contains("not inspected", "no npm token was supplied", "npm token list"));
        }

        @Test
        void aTokenLeftBesideAPackageNotOnTrustedPublishingIsNamedInTheWarning() {
            World world = new World().noRepo().npm(List.of());
            world.facts.with(NpmFacts.TOKENS, RecordedNpm.tokens(tokenList(t -> { })));

            Finding finding = HARNESS.runFor(world.facts, "npm:" + NPM);

            assertThat(finding.status()).isEqualTo(Status.WARN);
            assertThat(finding.message()).contains("not through trusted publishing", "the registry lists 1 write token");
        }
    }

    /** {@code release.require-trusted-publishing}: what is a WARN without the policy is a FAIL that names the rule with it. */
    @Nested
    class WithPolicy {
        private final CheckHarness required = HARNESS.policy(dev.hardening.auditor.core.policy.Policy.none()
                .withRequireTrustedPublishing(true));

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("npm package never on trusted publishing", new World().noRepo().npm(List.of()), "npm:" + NPM,
                            Status.WARN),
                    Arguments.of("PyPI release without attestations", new World().noRepo().pypi(Set.of()), "pypi:" + POETRY,
                            Status.WARN),
                    Arguments.of("publish job without id-token: write and without a visible secret",
                            new World().repoWithText("no-id-token.yml", Fixtures.text("workflows/good-npm-trusted-publishing.yml")
                                    .replace("      id-token: write\n", "")).environment("npm", true),
                            "repo:hub4j-test-org/GHDeployKeyTest", Status.WARN));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void notPublishingThroughTrustedPublishingFailsNamingThePolicy(String name, World world, String subject, Status without) {
            Finding lenient = HARNESS.runFor(world.facts, subject);
            Finding strict = required.runFor(world.facts, subject);

            assertThat(lenient.status()).as(lenient.message()).isEqualTo(without);
            assertThat(lenient.message()).doesNotContain("policy");
            assertThat(strict.status()).as(strict.message()).isEqualTo(Status.FAIL);
            assertThat(strict.message()).contains("The team policy requires trusted publishing (policy (release.require-trusted-publishing))");
            assertThat(strict.evidence()).contains(new Evidence("trusted publishing", "required for every release",
                    "policy (release.require-trusted-publishing)"));
        }

        @Test
        void whatAlreadyKeepsToTheRuleIsJudgedAsWithoutIt() {
            World world = new World().repo("good-npm-trusted-publishing.yml").environment("npm", true).npm(List.of("1.3.0"));

            assertThat(required.runFor(world.facts, "npm:" + NPM).status()).isEqualTo(Status.PASS);
            assertThat(required.runFor(world.facts, "repo:hub4j-test-org/GHDeployKeyTest").status()).isEqualTo(Status.PASS);
            assertThat(required.runFor(new World().repo("ultralytics-publish.yml").facts, "repo:hub4j-test-org/GHDeployKeyTest")
                    .status()).as("trusted publishing without an environment is still only a WARN").isEqualTo(Status.WARN);
        }
    }

    @Nested
    class PyPISide {
        static Stream<Arguments> verdicts() {
            return Stream.of(
                    Arguments.of("both files from the trusted publisher", new World().noRepo().pypi(Set.of(WHEEL, SDIST)), Status.PASS,
                            "uploaded by a trusted publisher (GitHub trailofbits/pypi-attestations"),
                    Arguments.of("the sdist uploaded with a token beside the trusted publisher (ultralytics 8.3.45)",
                            new World().noRepo().pypi(Set.of(WHEEL)), Status.FAIL, SDIST + " of poetry-core 2.1.3 were uploaded without"),
                    Arguments.of("trusted publisher, and a linked workflow still uses a PyPI password",
                            new World().repo("elementary-release.yml").pypi(Set.of(WHEEL, SDIST)), Status.FAIL, "PYPI_USER, PYPI_PASS"),
                    Arguments.of("no attestation at all", new World().noRepo().pypi(Set.of()), Status.WARN, "uploaded with a password or API token"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("verdicts")
        void pypiProjectsAreJudgedFromTheirAttestations(String name, World world, Status expected, String mentioned) {
            Finding finding = HARNESS.runFor(world.facts, "pypi:" + POETRY);

            assertThat(finding.status()).as(finding.message()).isEqualTo(expected);
            assertThat(finding.message()).contains(mentioned);
        }
    }

    @Test
    void oneRepositoryLinkedByTwoPackagesIsAnalysedOnce() {
        World world = new World().repo("nx-publish.yml", "elementary-release.yml").npm(List.of("1.3.0")).pypi(Set.of(WHEEL, SDIST));

        List<Finding> findings = HARNESS.run(world.facts);

        assertThat(findings).extracting(Finding::subject)
                .containsExactly("repo:hub4j-test-org/GHDeployKeyTest", "npm:" + NPM, "pypi:" + POETRY);
        assertThat(findings).extracting(Finding::status).containsOnly(Status.FAIL);
        assertThat(world.facts.lookupsOfKind("github.workflow-files")).isEqualTo(1);
    }

    @Test
    void nothingAuditedIsNotApplicable() {
        World world = new World().noRepo();

        assertThat(HARNESS.runSingle(world.facts).status()).isEqualTo(Status.NOT_APPLICABLE);
    }
}
