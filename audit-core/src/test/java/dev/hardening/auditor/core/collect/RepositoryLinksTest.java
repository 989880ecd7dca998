package dev.hardening.auditor.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.collect.RepositoryLinks.Resolution;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryLinksTest {
    private static final Set<String> GITHUB = Set.of("github.com");
    private static final Set<String> ENTERPRISE = Set.of("ghe.example.com");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // npm repository spellings, as packages publish them
            "git+https://github.com/inspect-js/has-package-exports.git | inspect-js/has-package-exports",
            "https://github.com/jslicense/not-licensed.js | jslicense/not-licensed.js",
            "git://github.com/dominictarr/event-stream.git | dominictarr/event-stream",
            "git+ssh://git@github.com/nrwl/nx.git | nrwl/nx",
            "ssh://git@github.com/o/r.git | o/r",
            "git@github.com:faisalman/ua-parser-js.git | faisalman/ua-parser-js",
            "github:chalk/chalk | chalk/chalk",
            "chalk/chalk | chalk/chalk",
            "http://www.github.com/o/r | o/r",
            "github.com/o/r | o/r",
            "HTTPS://GitHub.com/Owner/Repo.GIT | Owner/Repo",
            // monorepo and web-page links
            "https://github.com/nrwl/nx/tree/master/packages/nx | nrwl/nx",
            "https://github.com/python-poetry/poetry/issues | python-poetry/poetry",
            "https://github.com/o/r#readme | o/r",
            "https://github.com/o/r.git?x=1 | o/r",
            "  https://github.com/o/r/  | o/r"})
    void githubLinksResolveToTheRepository(String link, String expected) {
        assertThat(RepositoryLinks.resolve(link, GITHUB))
                .isEqualTo(new Resolution.Repository(RepoRef.parse(expected).orElseThrow(), "github.com"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "https://gitlab.com/o/r | on gitlab.com",
            "gitlab:o/r | gitlab",
            "bitbucket:o/r | bitbucket",
            "git@bitbucket.org:o/r.git | on bitbucket.org",
            "https://ghe.example.com/o/r | on ghe.example.com",
            "https://github.com/sponsors/someone | not a repository",
            "https://github.com/orgs/inkwell-tools/people | not a repository",
            "https://github.com/someone | an account",
            "https://github.com/ | no repository",
            "https://github.com/o/.. | not a valid GitHub repository name",
            "https://github.com/o/%2e%2e | not a valid",
            "https://github.com/-bad-/r | not a valid",
            "file:///etc/passwd | scheme",
            "javascript:alert(1) | not a URL",
            "http://[::1 | not a valid URL",
            "'   ' | empty",
            "not a link at all | not a URL"})
    void otherLinksAreRefusedWithTheReason(String link, String reason) {
        Resolution r = RepositoryLinks.resolve(link, GITHUB);

        assertThat(r).isInstanceOfSatisfying(Resolution.Refused.class, refused -> assertThat(refused.reason()).contains(reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://ghe.example.com/platform/parser | platform/parser",
            "git@ghe.example.com:platform/parser.git | platform/parser",
            "git+https://ghe.example.com/platform/parser.git | platform/parser"})
    void anEnterpriseServerAcceptsItsOwnHost(String link, String expected) {
        assertThat(RepositoryLinks.resolve(link, ENTERPRISE))
                .isEqualTo(new Resolution.Repository(RepoRef.parse(expected).orElseThrow(), "ghe.example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"github:o/r", "o/r", "https://github.com/o/r"})
    void anEnterpriseServerRefusesGithubComLinks(String link) {
        assertThat(RepositoryLinks.resolve(link, ENTERPRISE)).isInstanceOf(Resolution.Refused.class);
    }
}
