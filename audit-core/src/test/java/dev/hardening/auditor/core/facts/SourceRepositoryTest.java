package dev.hardening.auditor.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SourceRepositoryTest {

    static Stream<Arguments> published() {
        return Stream.of(
                // recorded npm packuments
                Arguments.of("git+https://github.com/inspect-js/has-package-exports.git", "github.com/inspect-js/has-package-exports"),
                Arguments.of("git+https://github.com/jslicense/not-licensed.js.git", "github.com/jslicense/not-licensed.js"),
                Arguments.of("https://github.com/x402-foundation/x402", "github.com/x402-foundation/x402"),
                // other spellings npm accepts
                Arguments.of("github:isaacs/node-glob", "github.com/isaacs/node-glob"),
                Arguments.of("isaacs/node-glob", "github.com/isaacs/node-glob"),
                Arguments.of("gitlab:group/project", "gitlab.com/group/project"),
                Arguments.of("bitbucket:team/repo", "bitbucket.org/team/repo"),
                Arguments.of("git@github.com:owner/repo.git", "github.com/owner/repo"),
                Arguments.of("git://github.com/owner/repo.git", "github.com/owner/repo"),
                Arguments.of("git+ssh://git@github.com/owner/repo.git#v1.0.0", "github.com/owner/repo"),
                Arguments.of("https://www.github.com/owner/repo/tree/main/packages/cli", "github.com/owner/repo"),
                Arguments.of("https://GitHub.com/Owner/Repo", "github.com/Owner/Repo"),
                // not a forge, or nothing to read
                Arguments.of("https://git.example.org/owner/repo.git", ""),
                Arguments.of("https://github.com/owner", ""),
                Arguments.of("https://github.com/../x", ""),
                Arguments.of("", ""),
                Arguments.of("not a url at all", ""));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("published")
    void readsOwnerAndNameFromWhatRegistriesPublish(String published, String slug) {
        Optional<SourceRepository> r = SourceRepository.parse(published);

        assertThat(r.map(SourceRepository::slug).orElse("")).isEqualTo(slug);
        r.ifPresent(x -> assertThat(x.publishedAs()).isEqualTo(published.strip()));
    }

    @Test
    void pypiProjectUrlsPreferTheSourceOverTheTracker() {
        // The recorded poetry-core project_urls.
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("Bug Tracker", "https://github.com/python-poetry/poetry/issues");
        urls.put("Homepage", "https://github.com/python-poetry/poetry-core");
        urls.put("Repository", "https://github.com/python-poetry/poetry-core");

        assertThat(SourceRepository.fromProjectUrls(urls).map(SourceRepository::slug)).contains("github.com/python-poetry/poetry-core");
        assertThat(SourceRepository.fromProjectUrls(Map.of("Documentation", "https://example.readthedocs.io/"))).isEmpty();
        assertThat(SourceRepository.fromProjectUrls(Map.of("Source", "https://gitlab.com/a/b", "Homepage", "https://github.com/c/d"))
                .map(SourceRepository::slug)).contains("gitlab.com/a/b");
        assertThat(SourceRepository.parse("https://github.com/o/r").orElseThrow().isGitHub()).isTrue();
    }
}
