package dev.hardening.auditor.core.workflows;

import static dev.hardening.auditor.core.workflows.WorkflowRule.CACHE_IN_RELEASE_JOB;
import static dev.hardening.auditor.core.workflows.WorkflowRule.MISSING_PERMISSIONS;
import static dev.hardening.auditor.core.workflows.WorkflowRule.NOT_ANALYSABLE;
import static dev.hardening.auditor.core.workflows.WorkflowRule.PRIVILEGED_CHECKOUT_OF_UNTRUSTED_CODE;
import static dev.hardening.auditor.core.workflows.WorkflowRule.UNPINNED_THIRD_PARTY_ACTION;
import static dev.hardening.auditor.core.workflows.WorkflowRule.UNTRUSTED_INPUT_IN_SCRIPT;
import static dev.hardening.auditor.core.workflows.WorkflowRule.WRITE_ALL_PERMISSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowAnalyzerTest {

    static WorkflowAnalysis file(String name) {
        return WorkflowAnalyzer.analyze(".github/workflows/" + name, resource(name), Optional.of("inkwell-tools"));
    }

    static WorkflowAnalysis yaml(String text) {
        return WorkflowAnalyzer.analyze(".github/workflows/test.yml", text, Optional.of("inkwell-tools"));
    }

    static List<WorkflowRule> rules(WorkflowAnalysis a) {
        return a.findings().stream().map(WorkflowFinding::rule).toList();
    }

    @Nested
    class IncidentPatterns {
        @Test
        void elementaryDataCommentBodyInAnIssueCommentScriptWithoutPermissions() {
            WorkflowAnalysis a = file("elementary-update-issue.yml");

            assertThat(a.triggers()).containsExactly("issue_comment");
            assertThat(rules(a)).containsExactly(MISSING_PERMISSIONS, UNTRUSTED_INPUT_IN_SCRIPT);
            WorkflowFinding injection = a.findings().get(1);
            assertThat(injection.what()).isEqualTo("${{ github.event.comment.body }}");
            assertThat(injection.where()).isEqualTo("job update_issue, step 1 \"Forward the comment\"");
            assertThat(injection.line()).as("the step's first line").contains(9);
            assertThat(injection.detail()).contains("issue_comment").doesNotContain("issue.number");
            assertThat(a.findings().get(0).detail()).contains("update_issue", "issue_comment");
        }

        @Test
        void elementaryDataTitlesUnderIssuesAndPullRequestTarget() {
            WorkflowAnalysis a = file("elementary-create-issue.yml");

            assertThat(rules(a)).containsExactly(MISSING_PERMISSIONS, UNTRUSTED_INPUT_IN_SCRIPT, UNTRUSTED_INPUT_IN_SCRIPT);
            assertThat(a.findings()).extracting(WorkflowFinding::detail).filteredOn(d -> d.contains("writes"))
                    .anySatisfy(d -> assertThat(d).contains("github.event.issue.title"))
                    .anySatisfy(d -> assertThat(d).contains("github.event.pull_request.title"));
        }

        @Test
        void elementaryDataReleasePublishesWithAPasswordAndNoEnvironment() {
            WorkflowAnalysis a = file("elementary-release.yml");

            assertThat(rules(a)).containsExactly(MISSING_PERMISSIONS);
            assertThat(a.publishJobs()).singleElement().satisfies(j -> {
                assertThat(j.registries()).containsExactly(Registry.PYPI);
                assertThat(j.registrySecrets()).containsExactly("PYPI_USER", "PYPI_PASS");
                assertThat(j.idTokenWrite()).isFalse();
                assertThat(j.environment()).isEmpty();
                assertThat(j.publishSteps()).containsExactly("job publish, step 4 \"Publish to PyPI\"");
            });
        }

        @Test
        void nxPullRequestTitleAndBodyInAHeredocUnderPullRequestTarget() {
            WorkflowAnalysis a = file("nx-pr-title.yml");

            assertThat(rules(a)).containsExactly(UNTRUSTED_INPUT_IN_SCRIPT, UNTRUSTED_INPUT_IN_SCRIPT);
            assertThat(a.findings()).extracting(WorkflowFinding::what)
                    .containsExactly("${{ github.event.pull_request.title }}", "${{ github.event.pull_request.body }}");
        }

        @Test
        void nxPublishHoldsNpmToken() {
            WorkflowAnalysis a = file("nx-publish.yml");

            assertThat(a.findings()).isEmpty();
            assertThat(a.publishJobs()).singleElement().satisfies(j -> {
                assertThat(j.registries()).containsExactly(Registry.NPM);
                assertThat(j.registrySecrets()).containsExactly("NPM_TOKEN");
                assertThat(j.idTokenWrite()).isFalse();
            });
        }

        @Test
        void ultralyticsChecksOutThePullRequestBranchAndRunsItsName() {
            WorkflowAnalysis a = file("ultralytics-format.yml");

            assertThat(rules(a)).containsExactly(MISSING_PERMISSIONS, PRIVILEGED_CHECKOUT_OF_UNTRUSTED_CODE, UNTRUSTED_INPUT_IN_SCRIPT);
            assertThat(a.findings().get(1).what()).isEqualTo("ref: ${{ github.head_ref }}");
            assertThat(a.findings().get(2).what()).isEqualTo("${{ github.head_ref }}");
            assertThat(a.publishJobs()).isEmpty();
        }

        @Test
        void ultralyticsPublishRestoresACacheAndUsesAnUnpinnedPublisher() {
            WorkflowAnalysis a = file("ultralytics-publish.yml");

            assertThat(rules(a)).containsExactly(UNPINNED_THIRD_PARTY_ACTION, CACHE_IN_RELEASE_JOB);
            assertThat(a.findings().get(0).what()).isEqualTo("uses: pypa/gh-action-pypi-publish@release/v1");
            assertThat(a.findings().get(1).what()).isEqualTo("actions/setup-python@v5");
            assertThat(a.publishJobs()).singleElement().satisfies(j -> {
                assertThat(j.idTokenWrite()).isTrue();
                assertThat(j.registrySecrets()).isEmpty();
                assertThat(j.environment()).isEmpty();
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"good-npm-trusted-publishing.yml", "good-pypi-trusted-publishing.yml"})
        void hardenedReleasesHaveNoFindingsAndPublishThroughOidcFromAnEnvironment(String name) {
            WorkflowAnalysis a = file(name);

            assertThat(a.findings()).isEmpty();
            assertThat(a.publishJobs()).singleElement().satisfies(j -> {
                assertThat(j.idTokenWrite()).isTrue();
                assertThat(j.registrySecrets()).isEmpty();
                assertThat(j.environment()).isPresent();
            });
        }
    }

    @Nested
    class Triggers {
        static Stream<Arguments> spellings() {
            return Stream.of(
                    Arguments.of("on: issue_comment", List.of("issue_comment")),
                    Arguments.of("on: [push, issues]", List.of("push", "issues")),
                    Arguments.of("on:\n  - workflow_run\n", List.of("workflow_run")),
                    Arguments.of("on:\n  pull_request_target:\n    types: [opened]\n  push:\n", List.of("pull_request_target", "push")),
                    Arguments.of("\"on\": discussion", List.of("discussion")),
                    Arguments.of("true: issues", List.of("issues")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("spellings")
        void onIsReadAsStringListOrMapping(String on, List<String> expected) {
            WorkflowAnalysis a = yaml(on + "\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n");

            assertThat(a.triggers()).containsExactlyInAnyOrderElementsOf(expected);
            boolean privileged = expected.stream().anyMatch(WorkflowAnalyzer.PRIVILEGED_TRIGGERS::contains);
            assertThat(rules(a).contains(UNTRUSTED_INPUT_IN_SCRIPT)).isEqualTo(privileged);
        }
    }

    @Nested
    class Expressions_ {
        static Stream<Arguments> untrusted() {
            return Stream.of(
                    Arguments.of("${{github.event.comment.body}}"),
                    Arguments.of("${{   github.event.comment.body   }}"),
                    Arguments.of("${{ github . event . comment . body }}"),
                    Arguments.of("${{ github.event['comment']['body'] }}"),
                    Arguments.of("${{ GITHUB.EVENT.COMMENT.BODY }}"),
                    Arguments.of("${{ format('{0} said', github.event.issue.title) }}"),
                    Arguments.of("${{ toJSON(github.event) }}"),
                    Arguments.of("${{ toJson(github.event.pull_request.head) }}"),
                    Arguments.of("${{ github.event.commits[0].message }}"),
                    Arguments.of("${{ github.event.pages[*].page_name }}"),
                    Arguments.of("${{ github.event.review.body }}"),
                    Arguments.of("${{ github.event.workflow_run.head_branch }}"),
                    Arguments.of("${{ github.event.pull_request.head.ref }}"),
                    Arguments.of("${{ github.event.discussion.title }}"),
                    Arguments.of("${{ github.event.head_commit.author.email }}"));
        }

        static Stream<Arguments> trusted() {
            return Stream.of(
                    Arguments.of("${{ github.event.issue.number }}"),
                    Arguments.of("${{ github.event.pull_request.head.sha }}"),
                    Arguments.of("${{ github.event.comment.id }}"),
                    Arguments.of("${{ github.repository }}"),
                    Arguments.of("${{ secrets.GITHUB_TOKEN }}"),
                    Arguments.of("${{ 'github.event.comment.body' }}"),
                    Arguments.of("echo github.event.comment.body"),
                    Arguments.of("$GITHUB_EVENT_COMMENT_BODY"),
                    Arguments.of("${{ github.event.issue.pull_request && 'pr' || 'issue' }}"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("untrusted")
        void untrustedFieldsAreFoundHoweverTheyAreSpelled(String expression) {
            assertThat(rules(script(expression))).containsExactly(UNTRUSTED_INPUT_IN_SCRIPT);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("trusted")
        void otherValuesAndTextInStringsAreNot(String expression) {
            assertThat(rules(script(expression))).isEmpty();
        }

        @Test
        void theSafePatternPassesTheTextThroughAnEnvironmentVariable() {
            String safe = """
                    on: issues
                    permissions: {}
                    jobs:
                      greet:
                        runs-on: ubuntu-latest
                        env:
                          TITLE: ${{ github.event.issue.title }}
                        steps:
                          - run: echo "$TITLE"
                          - run: echo "${{ env.TITLE }}"
                    """;

            WorkflowAnalysis a = yaml(safe);

            assertThat(rules(a)).containsExactly(UNTRUSTED_INPUT_IN_SCRIPT);
            assertThat(a.findings().get(0).where()).isEqualTo("job greet, step 2");
            assertThat(a.findings().get(0).detail()).contains("env.TITLE holds github.event.issue.title", "$TITLE");
        }

        @Test
        void githubScriptIsAScriptToo() {
            String workflow = """
                    on: issue_comment
                    permissions: {}
                    jobs:
                      label:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/github-script@v7
                            with:
                              script: |
                                const body = `${{ github.event.comment.body }}`;
                    """;

            assertThat(rules(yaml(workflow))).containsExactly(UNTRUSTED_INPUT_IN_SCRIPT);
        }

        @Test
        void untrustedTextInAPushWorkflowIsNotAnInjection() {
            String workflow = "on: push\npermissions: {}\njobs:\n  j:\n    runs-on: x\n    steps:\n"
                    + "      - run: echo \"${{ github.event.head_commit.message }}\"\n";

            assertThat(yaml(workflow).findings()).isEmpty();
        }

        private WorkflowAnalysis script(String text) {
            return yaml("on: issue_comment\npermissions: {}\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: |\n          "
                    + text + "\n");
        }
    }

    @Nested
    class Pinning {
        static Stream<Arguments> references() {
            return Stream.of(
                    Arguments.of("peaceiris/actions-gh-pages@v3", true),
                    Arguments.of("tj-actions/changed-files@v45", true),
                    Arguments.of("someone/action@main", true),
                    Arguments.of("someone/action", true),
                    Arguments.of("someone/action/sub/dir@v1", true),
                    Arguments.of("docker://alpine:3.20", true),
                    Arguments.of("someone/action@0e58ed8671d6b60d0890c21b07f8835ace038e67", false),
                    Arguments.of("someone/action@0e58ed8", true),
                    Arguments.of("docker://alpine@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a", false),
                    Arguments.of("actions/checkout@v4", false),
                    Arguments.of("github/codeql-action/init@v3", false),
                    Arguments.of("Inkwell-Tools/shared-actions/setup@v1", false),
                    Arguments.of("./.github/actions/setup", false));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("references")
        void thirdPartyActionsNeedAFullCommitSha(String uses, boolean flagged) {
            WorkflowAnalysis a = yaml("on: push\npermissions: {}\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: " + uses + "\n");

            assertThat(rules(a).contains(UNPINNED_THIRD_PARTY_ACTION)).isEqualTo(flagged);
        }

        @Test
        void reusableWorkflowsAreReferencesToo() {
            WorkflowAnalysis a = yaml("on: push\npermissions: {}\njobs:\n  call:\n    uses: other-org/ci/.github/workflows/build.yml@main\n");

            assertThat(rules(a)).containsExactly(UNPINNED_THIRD_PARTY_ACTION);
            assertThat(a.findings().get(0).where()).isEqualTo("job call");
        }
    }

    @Nested
    class Permissions {
        @Test
        void everyJobWithItsOwnPermissionsNeedsNoTopLevelBlock() {
            String workflow = "on: push\njobs:\n  a:\n    permissions:\n      contents: read\n    runs-on: x\n    steps:\n      - run: ls\n";

            assertThat(yaml(workflow).findings()).isEmpty();
        }

        @Test
        void writeAllIsFlaggedAtTopAndJobLevel() {
            String workflow = "on: push\npermissions: write-all\njobs:\n  a:\n    permissions: write-all\n    runs-on: x\n    steps:\n      - run: ls\n";

            assertThat(rules(yaml(workflow))).containsExactly(WRITE_ALL_PERMISSIONS, WRITE_ALL_PERMISSIONS);
        }

        @Test
        void aWorkflowOnlyCalledByOthersTakesItsPermissionsFromTheCaller() {
            assertThat(yaml("on: workflow_call\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: ls\n").findings()).isEmpty();
        }
    }

    @Nested
    class Publishing {
        static Stream<Arguments> publishers() {
            return Stream.of(
                    Arguments.of("- run: npm publish", Registry.NPM),
                    Arguments.of("- run: pnpm -r publish --no-git-checks", Registry.NPM),
                    Arguments.of("- run: yarn npm publish", Registry.NPM),
                    Arguments.of("- run: npx semantic-release", Registry.NPM),
                    Arguments.of("- run: python -m twine upload dist/*", Registry.PYPI),
                    Arguments.of("- run: uv publish", Registry.PYPI),
                    Arguments.of("- run: poetry publish --build", Registry.PYPI),
                    Arguments.of("- uses: pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc", Registry.PYPI),
                    Arguments.of("- uses: JS-DevTools/npm-publish@19c28f1ef146469e409470805ea4279d47c3d35c", Registry.NPM));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("publishers")
        void publishingStepsAreRecognised(String step, Registry registry) {
            WorkflowAnalysis a = yaml("on: push\npermissions: {}\njobs:\n  release:\n    runs-on: x\n    steps:\n      " + step + "\n");

            assertThat(a.publishJobs()).singleElement().satisfies(j -> assertThat(j.registries()).containsExactly(registry));
        }

        @Test
        void buildingIsNotPublishing() {
            WorkflowAnalysis a = yaml("on: push\npermissions: {}\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: npm ci && npm test\n"
                    + "      - run: python -m build\n");

            assertThat(a.publishJobs()).isEmpty();
        }

        @Test
        void registrySecretsAreFoundInEveryPlaceTheyArePassed() {
            String workflow = """
                    on: push
                    permissions:
                      id-token: write
                    env:
                      SHARED: ${{ secrets.GITHUB_TOKEN }}
                    jobs:
                      release:
                        runs-on: ubuntu-latest
                        env:
                          TWINE_PASSWORD: ${{ secrets.UPLOAD_KEY }}
                        steps:
                          - uses: pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc
                            with:
                              password: ${{ secrets['PYPI_API_TOKEN'] }}
                          - run: npm config set //registry.npmjs.org/:_authToken=${{ secrets.NPM_PUBLISH }} && npm publish
                          - run: echo done
                            env:
                              NODE_AUTH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                    """;

            PublishJob job = yaml(workflow).publishJobs().get(0);

            assertThat(job.registrySecrets()).containsExactlyInAnyOrder("UPLOAD_KEY", "PYPI_API_TOKEN", "NPM_PUBLISH");
            assertThat(job.idTokenWrite()).as("inherited from the top level").isTrue();
            assertThat(job.registries()).containsExactlyInAnyOrder(Registry.NPM, Registry.PYPI);
        }

        @Test
        void aRemoteReusableReleaseWorkflowIsAPublishJobWhoseStepsAreNotVisible() {
            String workflow = "on: push\npermissions: {}\njobs:\n  release:\n"
                    + "    uses: other-org/release/.github/workflows/npm.yml@0e58ed8671d6b60d0890c21b07f8835ace038e67\n"
                    + "    secrets:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n";

            assertThat(yaml(workflow).publishJobs()).singleElement().satisfies(j -> {
                assertThat(j.reusableWorkflow()).isPresent();
                assertThat(j.registrySecrets()).containsExactly("NPM_TOKEN");
            });
        }
    }

    @Nested
    class BadInput {
        static Stream<Arguments> notWorkflows() {
            return Stream.of(
                    Arguments.of("empty", "", "empty"),
                    Arguments.of("invalid YAML", "on: [push\njobs: {", "not valid YAML"),
                    Arguments.of("tab indentation", "on: push\njobs:\n\tj: {}\n", "not valid YAML"),
                    Arguments.of("a list", "- on: push\n", "not a mapping"),
                    Arguments.of("a scalar", "hello", "not a mapping"),
                    Arguments.of("no triggers", "jobs:\n  j:\n    runs-on: x\n", "no on: triggers"),
                    Arguments.of("no jobs", "on: push\n", "no jobs"),
                    Arguments.of("binary", "\u0000\u0001\u0002", "not valid YAML"),
                    Arguments.of("alias bomb", bomb(), "more than"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("notWorkflows")
        void somethingThatIsNotAWorkflowIsOneClearFindingNeverAnException(String name, String text, String reason) {
            WorkflowAnalysis a = yaml(text);

            assertThat(a.analysed()).isFalse();
            assertThat(a.findings()).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(NOT_ANALYSABLE);
                assertThat(f.detail()).startsWith(".github/workflows/test.yml could not be analysed: ").contains(reason);
                assertThat(f.detail()).doesNotContain("\n").hasSizeLessThan(400);
            });
        }

        @Test
        void oddShapesInsideAWorkflowAreSkippedNotFatal() {
            String odd = "on: issue_comment\njobs:\n  a: 3\n  b:\n    steps: nope\n  c:\n    steps:\n      - 7\n      - run:\n          nested: map\n"
                    + "      - uses: [list]\n      - run: echo ${{ github.event.comment.body\n";

            assertThatCode(() -> yaml(odd)).doesNotThrowAnyException();
            assertThat(rules(yaml(odd))).contains(UNTRUSTED_INPUT_IN_SCRIPT);
        }

        @Test
        void anchorsAndMergeKeysAreExpandedWhereTheyAreUsed() {
            String anchored = """
                    on: issue_comment
                    permissions: {}
                    x-echo: &echo
                      name: Echo
                      run: echo "${{ github.event.comment.body }}"
                    jobs:
                      a:
                        runs-on: ubuntu-latest
                        steps:
                          - *echo
                          - <<: *echo
                            name: Echo again
                    """;

            WorkflowAnalysis a = yaml(anchored);

            assertThat(a.findings()).extracting(WorkflowFinding::where)
                    .containsExactly("job a, step 1 \"Echo\"", "job a, step 2 \"Echo again\"");
        }

        static String bomb() {
            StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
            char prev = 'a';
            for (char c = 'b'; c <= 'j'; c++) {
                b.append(c).append(": &").append(c).append(" [");
                for (int i = 0; i < 10; i++) {
                    b.append(i == 0 ? "" : ", ").append('*').append(prev);
                }
                b.append("]\n");
                prev = c;
            }
            return b.toString();
        }
    }

    static String resource(String name) {
        try (InputStream in = WorkflowAnalyzerTest.class.getClassLoader().getResourceAsStream("workflows/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test workflow " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
