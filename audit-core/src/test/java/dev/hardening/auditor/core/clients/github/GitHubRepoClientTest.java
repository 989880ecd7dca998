package dev.hardening.auditor.core.clients.github;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.html;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static dev.hardening.auditor.core.clients.ClientTestSupport.status;
import static dev.hardening.auditor.core.clients.ClientTestSupport.truncated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.repo.BranchRule;
import dev.hardening.auditor.core.facts.github.repo.BranchRules;
import dev.hardening.auditor.core.facts.github.repo.ClassicBranchProtection;
import dev.hardening.auditor.core.facts.github.repo.Collaborator;
import dev.hardening.auditor.core.facts.github.repo.Collaborators;
import dev.hardening.auditor.core.facts.github.repo.DeployKey;
import dev.hardening.auditor.core.facts.github.repo.DeployKeys;
import dev.hardening.auditor.core.facts.github.repo.DeploymentEnvironment;
import dev.hardening.auditor.core.facts.github.repo.GitHubRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoPermissions;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.RepoRuleset;
import dev.hardening.auditor.core.facts.github.repo.UnreadableFile;
import dev.hardening.auditor.core.facts.github.repo.UserRepositories;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFiles;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HostCredential;
import dev.hardening.auditor.core.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubRepoClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RepoRef REPO = new RepoRef("hub4j-test-org", "GHDeployKeyTest");
    private static final String ADMIN_NEEDED = "a token with Administration: read (fine-grained) or repo (classic) on "
            + "hub4j-test-org/GHDeployKeyTest";
    // Shaped like a real classic token, made up.
    private static final String TOKEN = "ghp_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2";

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

    private GitHubRepoClient client() {
        return new GitHubRepoClient(gateway(), server.url("/"), true);
    }

    private GitHubRepoClient anonymous() {
        return new GitHubRepoClient(gateway(), server.url("/"), false);
    }

    private String path() throws InterruptedException {
        RecordedRequest r = server.takeRequest();
        return r.getTarget();
    }

    @Nested
    class Repository {
        @Test
        void readsDefaultBranchVisibilityAndTheAccountsRole() throws Exception {
            server.enqueue(json(fixture("github/get_repos_hub4j_ghdeploykeytest.json")));

            GitHubRepository repo = client().repository(REPO);

            assertThat(repo.repo()).isEqualTo(REPO);
            assertThat(repo.defaultBranch()).isEqualTo("main");
            assertThat(repo.visibility()).isEqualTo("public");
            assertThat(repo.archived()).isFalse();
            assertThat(repo.permissions()).contains(new RepoPermissions(true, true, true, true, true));
            RecordedRequest request = server.takeRequest();
            assertThat(request.getRequestLine()).isEqualTo("GET /repos/hub4j-test-org/GHDeployKeyTest HTTP/1.1");
            assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(request.getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        }

        @Test
        void anonymousAnswerHasNoPermissions() throws Exception {
            ObjectNode body = (ObjectNode) JSON.readTree(fixture("github/get_repos_hub4j_ghdeploykeytest.json"));
            body.remove("permissions");
            server.enqueue(json(body.toString()));

            assertThat(anonymous().repository(REPO).permissions()).isEmpty();
        }

        @Test
        void renamedRepositoryIsNamedAsGitHubNamesItNow() throws Exception {
            server.enqueue(json(fixture("github/get_repos_hub4j_ghdeploykeytest.json")));

            assertThat(client().repository(new RepoRef("hub4j-test-org", "old-name")).repo()).isEqualTo(REPO);
        }

        @Test
        void missingRepositoryIsNotFoundWithWhatToCheck() {
            server.enqueue(json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}"));

            FetchException e = fetchFailure(() -> anonymous().repository(REPO), Cause.NOT_FOUND);

            assertThat(e.unavailability().reason()).contains("hub4j-test-org/GHDeployKeyTest");
            assertThat(e.unavailability().needed()).contains("GITHUB_TOKEN");
        }

        @Test
        void htmlAndTruncatedAnswersAreMalformedNotCrashes() {
            server.enqueue(html(200));
            server.enqueue(json(truncated(fixture("github/get_repos_hub4j_ghdeploykeytest.json"))));

            fetchFailure(() -> client().repository(REPO), Cause.MALFORMED);
            fetchFailure(() -> client().repository(REPO), Cause.MALFORMED);
        }

        @Test
        void enterpriseBaseUrlKeepsItsPathPrefix() throws Exception {
            server.enqueue(json(fixture("github/get_repos_hub4j_ghdeploykeytest.json")));

            new GitHubRepoClient(gateway(), server.url("/api/v3/"), true).repository(REPO);

            assertThat(path()).isEqualTo("/api/v3/repos/hub4j-test-org/GHDeployKeyTest");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "https://api.github.com/, github.com",
            "https://ghe.example.com/api/v3/, ghe.example.com",
            "https://api.acme.ghe.com/, acme.ghe.com",
            "http://127.0.0.1:8080/, github.com 127.0.0.1",
            "http://localhost:8080/api/v3/, github.com localhost"})
    void repositoryLinksAreAcceptedForTheServerTheApiBelongsTo(String api, String hosts) {
        GitHubRepoClient c = new GitHubRepoClient(gateway(), HttpUrl.get(api), false);

        assertThat(c.repositoryHosts()).containsExactly(hosts.split(" "));
    }

    @Nested
    class ClassicProtection {
        @Test
        void readsEverySettingOfARecordedProtection() throws Exception {
            server.enqueue(json(fixture("github/get_branch_protection_pygithub.json")));

            ClassicBranchProtection p = client().classicProtection(REPO, "main");

            assertThat(p.present()).isTrue();
            assertThat(p.requiredApprovingReviews()).contains(1);
            assertThat(p.enforceAdmins()).contains(true);
            assertThat(p.allowForcePushes()).contains(false);
            assertThat(p.allowDeletions()).contains(false);
            assertThat(p.requiredSignatures()).contains(false);
            assertThat(p.requiredLinearHistory()).contains(true);
            assertThat(p.requiredStatusChecks()).containsExactly("build (3.10)");
            assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/branches/main/protection");
        }

        @Test
        void aSettingGitHubDidNotSendStaysUnknown() throws Exception {
            server.enqueue(json(fixture("github/put_branch_protection_response_hub4j.json")));

            ClassicBranchProtection p = client().classicProtection(REPO, "main");

            assertThat(p.requiredApprovingReviews()).contains(2);
            assertThat(p.allowForcePushes()).contains(true);
            assertThat(p.allowDeletions()).contains(true);
            assertThat(p.requiredSignatures()).as("absent from this response").isEmpty();
        }

        @Test
        void githubsBranchNotProtectedAnswerMeansNoClassicProtection() throws Exception {
            server.enqueue(json(404, fixture("github/error_404_branch_not_protected_pygithub.json")));

            ClassicBranchProtection p = client().classicProtection(REPO, "integrations");

            assertThat(p.present()).isFalse();
            assertThat(p.branch()).isEqualTo("integrations");
        }

        @Test
        void anyOther404MeansNoPermissionAndNamesIt() {
            server.enqueue(json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}"));

            FetchException e = fetchFailure(() -> client().classicProtection(REPO, "main"), Cause.FORBIDDEN);

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.unavailability().reason()).contains("HTTP 404", "Not Found", "no permission");
            assertThat(e.unavailability().needed()).startsWith(ADMIN_NEEDED);
        }

        @Test
        void an404WithoutABodyIsNoPermissionToo() {
            server.enqueue(status(404));

            fetchFailure(() -> client().classicProtection(REPO, "main"), Cause.FORBIDDEN);
        }

        @Test
        void a403NamesThePermissionAndWhatGitHubAsksFor() {
            server.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "application/json")
                    .setHeader("X-Accepted-GitHub-Permissions", "administration=read")
                    .body("{\"message\":\"Resource not accessible by personal access token\"}").build());

            FetchException e = fetchFailure(() -> client().classicProtection(REPO, "main"), Cause.FORBIDDEN);

            assertThat(e.unavailability().needed()).startsWith(ADMIN_NEEDED).contains("administration=read");
            assertThat(e.unavailability().reason()).contains("Resource not accessible by personal access token");
        }

        @Test
        void withoutATokenNothingIsRequested() {
            FetchException e = fetchFailure(() -> anonymous().classicProtection(REPO, "main"), Cause.NO_CREDENTIAL);

            assertThat(e.unavailability().needed()).startsWith(ADMIN_NEEDED);
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void aRevokedTokenIsUnauthorized() {
            server.enqueue(json(401, "{\"message\":\"Bad credentials\"}"));

            fetchFailure(() -> client().classicProtection(REPO, "main"), Cause.UNAUTHORIZED);
        }

        @Test
        void aBranchNameWithASlashIsOneEncodedSegment() throws Exception {
            server.enqueue(json(404, fixture("github/error_404_branch_not_protected_pygithub.json")));

            client().classicProtection(REPO, "release/v1");

            assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/branches/release%2Fv1/protection");
        }

        @Test
        void aDotDotBranchIsRefusedBeforeAnyRequest() {
            fetchFailure(() -> client().classicProtection(REPO, ".."), Cause.NOT_CONFIGURED);
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void branchSaysWhetherAnyProtectionApplies() throws Exception {
        server.enqueue(json(fixture("github/get_branch_protected_hub4j.json")));
        server.enqueue(json(fixture("github/get_branch_unprotected_pygithub.json")));

        assertThat(anonymous().branch(REPO, "main").isProtected()).isTrue();
        assertThat(anonymous().branch(REPO, "integrations").isProtected()).isFalse();
        assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/branches/main");
    }

    @Nested
    class Rules {
        @Test
        void readsTheRecordedOrganisationRuleset() throws Exception {
            server.enqueue(json(fixture("github/get_rules_branches_nantokaworks_robco.json")));

            BranchRules rules = anonymous().branchRules(REPO, "main");

            assertThat(rules.rules()).extracting(BranchRule::type)
                    .containsExactly("deletion", "non_fast_forward", "pull_request", "required_status_checks");
            BranchRule pr = rules.rules().get(2);
            assertThat(pr.intParameter("required_approving_review_count")).contains(0);
            assertThat(pr.parameters()).containsEntry("require_code_owner_review", "false").doesNotContainKey("required_reviewers");
            assertThat(pr.sourceType()).contains("Organization");
            assertThat(rules.rulesetIds()).containsExactly(15850785L);
            assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/rules/branches/main?per_page=100");
        }

        @Test
        void followsLinkHeadersToTheLastPage() throws Exception {
            String next = server.url("/repositories/593636170/rules/branches/main?per_page=100&page=2").toString();
            server.enqueue(json("[{\"type\":\"deletion\",\"ruleset_id\":1}]").newBuilder()
                    .setHeader("Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"").build());
            server.enqueue(json("[{\"type\":\"non_fast_forward\",\"ruleset_id\":1}]"));

            BranchRules rules = anonymous().branchRules(REPO, "main");

            assertThat(rules.rules()).extracting(BranchRule::type).containsExactly("deletion", "non_fast_forward");
            path();
            assertThat(path()).isEqualTo("/repositories/593636170/rules/branches/main?per_page=100&page=2");
        }

        @Test
        void aNextPageOnAnotherServerIsNotFollowed() {
            server.enqueue(json("[{\"type\":\"deletion\"}]").newBuilder()
                    .setHeader("Link", "<https://elsewhere.example/rules?page=2>; rel=\"next\"").build());

            // Refused, as in every GitHub list: a page from another server would not be GitHub's answer.
            assertThat(fetchFailure(() -> anonymous().branchRules(REPO, "main"), Cause.MALFORMED).getMessage())
                    .contains("another host (elsewhere.example)");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void anObjectInsteadOfAListIsMalformed() {
            server.enqueue(json("{\"message\":\"odd\"}"));

            fetchFailure(() -> anonymous().branchRules(REPO, "main"), Cause.MALFORMED);
        }
    }

    @Nested
    class Rulesets {
        @Test
        void readsBypassActorsWhenGitHubShowsThem() throws Exception {
            server.enqueue(json(fixture("github/get_repos_ruleset_single.json")));

            RepoRuleset r = client().ruleset(REPO, 21151016);

            assertThat(r.name()).isEqualTo("Protect main");
            assertThat(r.enforcement()).isEqualTo("disabled");
            assertThat(r.bypassActors()).hasValueSatisfying(a -> assertThat(a).isEmpty());
            assertThat(r.currentUserCanBypass()).contains("never");
            assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/rulesets/21151016");
        }

        @Test
        void hiddenBypassActorsAreUnknownNotNone() throws Exception {
            ObjectNode body = (ObjectNode) JSON.readTree(fixture("github/get_repos_ruleset_single.json"));
            body.remove("bypass_actors");
            server.enqueue(json(body.toString()));

            assertThat(anonymous().ruleset(REPO, 21151016).bypassActors()).isEmpty();
        }

        @Test
        void bypassActorsAreRead() throws Exception {
            ObjectNode body = (ObjectNode) JSON.readTree(fixture("github/get_repos_ruleset_single.json"));
            body.putArray("bypass_actors").addObject().put("actor_id", 5).put("actor_type", "RepositoryRole").put("bypass_mode", "always");
            server.enqueue(json(body.toString()));

            assertThat(client().ruleset(REPO, 21151016).bypassActors().orElseThrow()).singleElement()
                    .satisfies(a -> assertThat(a.describe()).isEqualTo("RepositoryRole 5 (admin), always"));
        }
    }

    @Nested
    class Workflows {
        private static final String CI = "name: ci\non: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - uses: actions/checkout@v4\n      - run: echo \"testing a long enough line to wrap the base64\"\n";

        /** The recorded directory listing with its entries renamed. */
        private String listing(String... names) throws Exception {
            ArrayNode entries = (ArrayNode) JSON.readTree(fixture("github/get_contents_dir_hub4j.json"));
            for (int i = 0; i < names.length && i < entries.size(); i++) {
                ObjectNode e = (ObjectNode) entries.get(i);
                String[] nameAndType = names[i].split(":");
                e.put("name", nameAndType[0]).put("path", ".github/workflows/" + nameAndType[0]);
                if (nameAndType.length > 1) {
                    e.put("type", nameAndType[1]);
                }
            }
            return entries.toString();
        }

        /** The recorded file answer carrying {@code text}, base64 wrapped at 60 characters as GitHub does. */
        private String file(String name, String text) throws Exception {
            ObjectNode f = (ObjectNode) JSON.readTree(fixture("github/get_contents_file_hub4j.json"));
            String b64 = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder wrapped = new StringBuilder();
            for (int i = 0; i < b64.length(); i += 60) {
                wrapped.append(b64, i, Math.min(b64.length(), i + 60)).append('\n');
            }
            return f.put("name", name).put("path", ".github/workflows/" + name).put("content", wrapped.toString()).toString();
        }

        @Test
        void recordedListingWithoutYamlFilesCostsOneRequest() throws Exception {
            server.enqueue(json(fixture("github/get_contents_dir_hub4j.json")));

            WorkflowFiles w = anonymous().workflows(REPO, "main");

            assertThat(w.files()).isEmpty();
            assertThat(w.complete()).isTrue();
            assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/contents/.github/workflows?ref=main");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void readsAndDecodesEachYamlFile() throws Exception {
            server.enqueue(json(listing("release.yaml", "README.md", "ci.yml")));
            server.enqueue(json(file("ci.yml", CI)));
            server.enqueue(json(file("release.yaml", "on: push\n")));

            WorkflowFiles w = anonymous().workflows(REPO, "main");

            assertThat(w.files()).extracting(f -> f.path()).containsExactly(".github/workflows/ci.yml", ".github/workflows/release.yaml");
            assertThat(w.files().get(0).text()).isEqualTo(CI);
            assertThat(w.files().get(0).sha()).isEqualTo("901fd87750a8e53fe39a219cad50d4f7c80ca272");
            path();
            assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/contents/.github/workflows/ci.yml?ref=main");
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void theRecordedFileAnswerDecodes() throws Exception {
            server.enqueue(json(listing("a.yml")));
            server.enqueue(json(fixture("github/get_contents_file_hub4j.json")));

            assertThat(anonymous().workflows(REPO, "main").files().get(0).text()).isEqualTo("thanks for reading me\n");
        }

        @Test
        void noWorkflowDirectoryMeansNoWorkflows() throws Exception {
            server.enqueue(json(404, "{\"message\":\"Not Found\"}"));

            WorkflowFiles w = anonymous().workflows(REPO, "main");

            assertThat(w.files()).isEmpty();
            assertThat(w.complete()).isTrue();
            assertThat(w.directoryFound()).isFalse();
        }

        @Test
        void aFileThatCannotBeReadIsListedAndTheOthersAreStillRead() throws Exception {
            server.enqueue(json(listing("a.yml", "b.yml", "c.yml")));
            server.enqueue(status(500));
            ObjectNode none = (ObjectNode) JSON.readTree(fixture("github/get_contents_file_hub4j.json"));
            none.put("encoding", "none").put("content", "");
            server.enqueue(json(none.toString()));
            server.enqueue(json(file("c.yml", CI)));

            WorkflowFiles w = anonymous().workflows(REPO, "main");

            assertThat(w.files()).extracting(f -> f.path()).containsExactly(".github/workflows/c.yml");
            assertThat(w.unreadable()).extracting(UnreadableFile::path)
                    .containsExactly(".github/workflows/a.yml", ".github/workflows/b.yml");
            assertThat(w.unreadable()).extracting(u -> u.why().cause()).containsExactly(Cause.SERVER_ERROR, Cause.TOO_LARGE);
            assertThat(w.complete()).isFalse();
        }

        @Test
        void invalidBase64AndNonUtf8AreUnreadableNotCrashes() throws Exception {
            server.enqueue(json(listing("a.yml", "b.yml")));
            ObjectNode bad = (ObjectNode) JSON.readTree(fixture("github/get_contents_file_hub4j.json"));
            server.enqueue(json(bad.put("content", "not*base64!").toString()));
            server.enqueue(json(bad.put("content", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28})).toString()));

            WorkflowFiles w = anonymous().workflows(REPO, "main");

            assertThat(w.unreadable()).extracting(u -> u.why().cause()).containsOnly(Cause.MALFORMED);
            assertThat(w.unreadable()).hasSize(2);
        }

        @Test
        void symlinksAndOversizedFilesAreNotFetched() throws Exception {
            ArrayNode entries = (ArrayNode) JSON.readTree(listing("link.yml:symlink", "big.yml", "x.md"));
            ((ObjectNode) entries.get(1)).put("size", 10_000_000);
            server.enqueue(json(entries.toString()));

            WorkflowFiles w = anonymous().workflows(REPO, "main");

            assertThat(w.unreadable()).extracting(u -> u.why().cause()).containsExactly(Cause.NOT_CONFIGURED, Cause.TOO_LARGE);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Nested
    class Access {
        @Test
        void outsideCollaboratorsAreReadWithTheirRoles() throws Exception {
            server.enqueue(json(fixture("github/get_repos_collaborators.json")));

            Collaborators c = client().outsideCollaborators(REPO);

            assertThat(c.people()).isNotEmpty();
            Collaborator vbehar = c.people().get(0);
            assertThat(vbehar.login()).isEqualTo("vbehar");
            assertThat(vbehar.role()).isEqualTo("maintain");
            assertThat(vbehar.canWrite()).isTrue();
            assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/collaborators?affiliation=outside&per_page=100");
        }

        @Test
        void adminsAreAskedForWithThePermissionFilter() throws Exception {
            server.enqueue(json(fixture("github/get_repos_collaborators_affiliation_direct.json")));

            Collaborators c = client().admins(REPO);

            assertThat(c.query()).isEqualTo("affiliation=all&permission=admin");
            assertThat(c.people()).allSatisfy(p -> assertThat(p.roleName()).as("2018 answers have no role_name").isEmpty());
            assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/collaborators?affiliation=all&permission=admin&per_page=100");
        }

        @Test
        void collaboratorsWithoutATokenOrPermissionNameWhatIsNeeded() {
            FetchException none = fetchFailure(() -> anonymous().outsideCollaborators(REPO), Cause.NO_CREDENTIAL);
            server.enqueue(json(403, "{\"message\":\"Must have push access to view repository collaborators.\"}"));
            FetchException denied = fetchFailure(() -> client().outsideCollaborators(REPO), Cause.FORBIDDEN);

            assertThat(none.unavailability().needed()).contains("push access to hub4j-test-org/GHDeployKeyTest", "Metadata: read");
            assertThat(denied.unavailability().needed()).isEqualTo(none.unavailability().needed());
        }

        @Test
        void deployKeysKeepTheirTypeAndAccessButNotTheKey() throws Exception {
            server.enqueue(json(fixture("github/get_repos_keys_hub4j.json")));

            DeployKeys keys = client().deployKeys(REPO);

            assertThat(keys.keys()).extracting(DeployKey::keyType).containsExactly("ssh-rsa", "ssh-ed25519");
            assertThat(keys.keys()).extracting(DeployKey::readOnly).containsExactly(false, true);
            assertThat(keys.keys().get(0).lastUsed()).isEmpty();
            assertThat(keys.keys().get(1).lastUsed()).contains(Instant.parse("2023-02-08T10:02:11Z"));
            assertThat(keys.keys().get(0).addedBy()).contains("van-vliet");
            assertThat(keys.toString()).doesNotContain("AAAA");
            assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/keys?per_page=100");
        }

        @Test
        void deployKeysHiddenBy404NameTheAdminPermission() {
            server.enqueue(json(404, "{\"message\":\"Not Found\"}"));

            FetchException e = fetchFailure(() -> client().deployKeys(REPO), Cause.FORBIDDEN);

            assertThat(e.unavailability().needed()).startsWith(ADMIN_NEEDED);
        }

        @Test
        void collaboratorPagesAreFollowed() throws Exception {
            String next = server.url("/repositories/593636170/collaborators?affiliation=outside&per_page=100&page=2").toString();
            server.enqueue(json("[{\"login\":\"a\",\"type\":\"User\",\"permissions\":{\"admin\":true}}]").newBuilder()
                    .setHeader("Link", "<" + next + ">; rel=\"next\"").build());
            server.enqueue(json("[{\"login\":\"b\",\"type\":\"User\",\"permissions\":{\"push\":true}}]"));

            assertThat(client().outsideCollaborators(REPO).people()).extracting(Collaborator::login).containsExactly("a", "b");
        }
    }

    @Test
    void environmentReadsItsProtectionRules() throws Exception {
        server.enqueue(json(fixture("github/get_environment_pygithub.json")));
        server.enqueue(json(404, "{\"message\":\"Not Found\"}"));

        DeploymentEnvironment dev = anonymous().environment(REPO, "dev");
        DeploymentEnvironment missing = anonymous().environment(REPO, "release");

        assertThat(dev.protectionRuleTypes()).containsExactly("branch_policy", "required_reviewers", "wait_timer");
        assertThat(dev.requiredReviewers()).isEqualTo(1);
        assertThat(dev.protectedBranchesOnly()).contains(true);
        assertThat(dev.isProtected()).isTrue();
        assertThat(missing.exists()).isFalse();
        assertThat(missing.isProtected()).isFalse();
        assertThat(path()).isEqualTo("/repos/hub4j-test-org/GHDeployKeyTest/environments/dev");
    }

    @Test
    void userRepositoriesSkipForksAndStopPagingWhenEnough() throws Exception {
        ObjectNode own = (ObjectNode) JSON.readTree(fixture("github/get_repos_hub4j_ghdeploykeytest.json"));
        ObjectNode fork = own.deepCopy().put("full_name", "hub4j-test-org/forked").put("fork", true);
        ObjectNode second = own.deepCopy().put("full_name", "hub4j-test-org/second");
        String next = server.url("/user/7544739/repos?page=2").toString();
        server.enqueue(json(JSON.createArrayNode().add(fork).add(own).add(second).toString()).newBuilder()
                .setHeader("Link", "<" + next + ">; rel=\"next\"").build());

        UserRepositories repos = anonymous().userRepositories("hub4j-test-org", 1);

        assertThat(repos.repositories()).containsExactly(REPO);
        assertThat(repos.skipped()).isEqualTo(1);
        assertThat(repos.truncated()).isTrue();
        assertThat(path()).isEqualTo("/users/hub4j-test-org/repos?type=owner&sort=pushed&per_page=100");
        assertThat(server.getRequestCount()).as("enough on the first page").isEqualTo(1);
    }

    @Test
    void theTokenReachesGitHubButNoFailureOrFactMentionsIt() throws Exception {
        Secret secret = Secret.of(TOKEN);
        GitHubRepoClient c = new GitHubRepoClient(gateway(List.of(HostCredential.bearer("GITHUB_TOKEN", server.url("/"), secret))),
                server.url("/"), true);
        server.enqueue(json(403, "{\"message\":\"Must have admin rights to Repository.\"}"));
        server.enqueue(json(fixture("github/get_repos_keys_hub4j.json")));

        FetchException e = fetchFailure(() -> c.classicProtection(REPO, "main"), Cause.FORBIDDEN);
        DeployKeys keys = c.deployKeys(REPO);

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(e.getMessage() + e.unavailability() + keys).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(4));
        assertThat(Optional.ofNullable(e.getCause())).isEmpty();
    }
}
