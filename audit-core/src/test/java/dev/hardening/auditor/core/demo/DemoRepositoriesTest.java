package dev.hardening.auditor.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.collect.RepositoryLinks;
import dev.hardening.auditor.core.collect.RepositoryLinks.Resolution;
import dev.hardening.auditor.core.workflows.WorkflowAnalysis;
import dev.hardening.auditor.core.workflows.WorkflowAnalyzer;
import dev.hardening.auditor.core.workflows.WorkflowFinding;
import dev.hardening.auditor.core.workflows.WorkflowRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo world's GitHub repositories: linked from its packages, and each built for its designed verdicts. */
class DemoRepositoriesTest {
    private static final String ORG = "inkwell-tools";
    private static final List<String> REPOS = List.of("inkwell-parser", "inkwell-cli", "inkwell-colors", "inkwell-py", "inkwell-lint");
    private final OfflineClient client = new OfflineClient(DemoTransportTest.CLOCK);

    @Test
    void everyAuditedPackageLinksOneOfTheWorldsRepositories() {
        Set<String> linked = new TreeSet<>();
        for (String name : DemoWorld.targets().npmPackages()) {
            JsonNode p = get("https://registry.npmjs.org/" + name.replace("/", "%2F"));
            linked.add(repo(p.at("/repository/url").asText()));
        }
        for (String name : DemoWorld.targets().pypiProjects()) {
            JsonNode urls = get("https://pypi.org/pypi/" + name + "/json").at("/info/project_urls");
            Set<String> repos = new TreeSet<>();
            urls.properties().forEach(e -> repos.add(repo(e.getValue().asText())));
            assertThat(repos).as(name).hasSize(1);
            linked.addAll(repos);
        }

        assertThat(linked).containsExactlyInAnyOrderElementsOf(REPOS.stream().map(r -> ORG + "/" + r).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"inkwell-parser", "inkwell-cli", "inkwell-colors", "inkwell-py", "inkwell-lint"})
    void everyListedWorkflowDecodesToItsYamlSource(String repo) {
        JsonNode listing = get(api(repo) + "/contents/.github/workflows?ref=main");

        assertThat(listing).isNotEmpty();
        for (JsonNode entry : listing) {
            String name = entry.get("name").asText();
            JsonNode file = get(api(repo) + "/contents/.github/workflows/" + name + "?ref=main");
            String decoded = new String(Base64.getMimeDecoder().decode(file.get("content").asText()), StandardCharsets.UTF_8);
            String source = resource("demo/api.github.com/repos/" + ORG + "/" + repo + "/workflows/" + name);
            assertThat(decoded).as(repo + " " + name).isEqualTo(source);
            assertThat(entry.get("size").asInt()).isEqualTo(source.getBytes(StandardCharsets.UTF_8).length);
            assertThat(file.get("sha").asText()).isEqualTo(entry.get("sha").asText());
        }
    }

    @Test
    void theWorkflowsCarryTheDesignedProblems() {
        Map<String, Set<WorkflowRule>> rules = new TreeMap<>();
        Map<String, List<String>> secrets = new TreeMap<>();
        for (String repo : REPOS) {
            Set<WorkflowRule> found = new TreeSet<>();
            List<String> repoSecrets = new ArrayList<>();
            for (JsonNode entry : get(api(repo) + "/contents/.github/workflows?ref=main")) {
                String name = entry.get("name").asText();
                WorkflowAnalysis a = WorkflowAnalyzer.analyze(".github/workflows/" + name,
                        resource("demo/api.github.com/repos/" + ORG + "/" + repo + "/workflows/" + name), Optional.of(ORG));
                a.findings().stream().map(WorkflowFinding::rule).forEach(found::add);
                a.publishJobs().forEach(j -> repoSecrets.addAll(j.registrySecrets()));
            }
            rules.put(repo, found);
            secrets.put(repo, repoSecrets);
        }

        assertThat(rules).containsExactlyInAnyOrderEntriesOf(Map.of(
                "inkwell-parser", Set.of(),
                "inkwell-cli", Set.of(WorkflowRule.UNTRUSTED_INPUT_IN_SCRIPT, WorkflowRule.MISSING_PERMISSIONS),
                "inkwell-colors", Set.of(WorkflowRule.MISSING_PERMISSIONS, WorkflowRule.UNPINNED_THIRD_PARTY_ACTION),
                "inkwell-py", Set.of(),
                "inkwell-lint", Set.of(WorkflowRule.CACHE_IN_RELEASE_JOB)));
        assertThat(secrets).containsExactlyInAnyOrderEntriesOf(Map.of("inkwell-parser", List.of(), "inkwell-cli", List.of("NPM_TOKEN"),
                "inkwell-colors", List.of(), "inkwell-py", List.of(), "inkwell-lint", List.of("PYPI_API_TOKEN")));
    }

    @Test
    void protectionAnswersGiveOnePassByRulesetOnePassByClassicAFailAWarnAndAHiddenOne() {
        OfflineClient.Answer parser = client.get(api("inkwell-parser") + "/branches/main/protection");
        OfflineClient.Answer cli = client.get(api("inkwell-cli") + "/branches/main/protection");
        OfflineClient.Answer lint = client.get(api("inkwell-lint") + "/branches/main/protection");

        assertThat(parser.status()).isEqualTo(404);
        assertThat(parser.json().get("message").asText()).isEqualTo("Branch not protected");
        assertThat(get(api("inkwell-parser") + "/rules/branches/main")).extracting(r -> r.get("type").asText())
                .contains("deletion", "non_fast_forward", "pull_request", "required_signatures");
        assertThat(get(api("inkwell-parser") + "/rulesets/4102311").get("bypass_actors")).isEmpty();
        assertThat(cli.json().get("message").asText()).isEqualTo("Branch not protected");
        assertThat(get(api("inkwell-cli") + "/rules/branches/main?per_page=100")).isEmpty();
        assertThat(get(api("inkwell-colors") + "/branches/main/protection").at("/enforce_admins/enabled").asBoolean()).isFalse();
        assertThat(get(api("inkwell-py") + "/branches/main/protection").at("/required_signatures/enabled").asBoolean()).isTrue();
        assertThat(lint.status()).as("hidden from non-admins").isEqualTo(404);
        assertThat(lint.json().get("message").asText()).isEqualTo("Not Found");
        assertThat(get(api("inkwell-lint")).at("/permissions/admin").asBoolean()).isFalse();
        assertThat(get(api("inkwell-lint") + "/branches/main").get("protected").asBoolean()).isTrue();
    }

    @Test
    void accessListsAnswerByQuery() {
        assertThat(get(api("inkwell-colors") + "/collaborators?affiliation=outside&per_page=100").at("/0/role_name").asText()).isEqualTo("admin");
        assertThat(get(api("inkwell-cli") + "/collaborators?affiliation=outside&per_page=100").at("/0/login").asText()).isEqualTo("dex-holloway");
        assertThat(get(api("inkwell-parser") + "/collaborators?affiliation=outside&per_page=100")).isEmpty();
        assertThat(get(api("inkwell-parser") + "/collaborators?affiliation=all&permission=admin&per_page=100").at("/0/login").asText())
                .isEqualTo("quill-dev");
        assertThat(get(api("inkwell-cli") + "/keys?per_page=100")).extracting(k -> k.get("read_only").asBoolean()).containsExactly(false, true);
        assertThat(get(api("inkwell-py") + "/environments/pypi").at("/protection_rules/1/type").asText()).isEqualTo("required_reviewers");
    }

    private static String repo(String link) {
        Resolution r = RepositoryLinks.resolve(link, Set.of("github.com"));
        assertThat(r).as(link).isInstanceOf(Resolution.Repository.class);
        return ((Resolution.Repository) r).repo().fullName();
    }

    private static String api(String repo) {
        return "https://api.github.com/repos/" + ORG + "/" + repo;
    }

    private JsonNode get(String url) {
        OfflineClient.Answer a = client.get(url);
        assertThat(a.status()).as(url).isEqualTo(200);
        return a.json();
    }

    private static String resource(String path) {
        try (InputStream in = DemoRepositoriesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
