package dev.hardening.auditor.core.clients.github;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.github.GitHubPages.Limit;
import dev.hardening.auditor.core.clients.github.GitHubPages.Result;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.model.Platform;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitHubPagesTest {
    private static final HttpUrl BASE = HttpUrl.get("https://api.github.com/orgs/octo/members?per_page=100");

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

    static Stream<Arguments> linkHeaders() {
        return Stream.of(
                // As recorded from api.github.com (a releases list): next, then last.
                Arguments.of("<https://api.github.com/repositories/692042935/releases?per_page=100&page=2>; rel=\"next\", "
                        + "<https://api.github.com/repositories/692042935/releases?per_page=100&page=4>; rel=\"last\"",
                        "https://api.github.com/repositories/692042935/releases?per_page=100&page=2"),
                // The GitHub REST description's example, next not first.
                Arguments.of("<https://api.github.com/user/1/repos?page=4>; rel=\"prev\", <https://api.github.com/user/1/repos?page=6>; rel=\"next\"",
                        "https://api.github.com/user/1/repos?page=6"),
                Arguments.of("<https://api.github.com/user/1/repos?page=4>; rel=\"prev\", <https://api.github.com/user/1/repos?page=1>; rel=\"first\"", null),
                Arguments.of("<https://ghe.example/api/v3/user/1/repos?page=2>; rel=next", "https://ghe.example/api/v3/user/1/repos?page=2"),
                Arguments.of("<https://api.github.com/search?q=a,b&page=2>; rel=\"next last\"", "https://api.github.com/search?q=a,b&page=2"),
                Arguments.of("</orgs/octo/members?page=3>; REL=\"Next\"", "https://api.github.com/orgs/octo/members?page=3"),
                Arguments.of("<https://api.github.com/x?page=2>; rel=\"nextish\"", null),
                Arguments.of("", null),
                Arguments.of(null, null),
                Arguments.of("garbage without brackets; rel=next", null));
    }

    @ParameterizedTest(name = "[{index}] Link: {0}")
    @MethodSource("linkHeaders")
    void nextLinkIsFoundOnlyWhenRelIsNext(String header, String expected) {
        assertThat(GitHubPages.nextLink(header, BASE).map(HttpUrl::toString).orElse(null)).isEqualTo(expected);
    }

    @Test
    void followsNextLinksUntilTheLastPageWithTheSameHeaders() throws Exception {
        server.enqueue(page("[{\"login\":\"a\"},{\"login\":\"b\"}]", server.url("/organizations/7/members?page=2")));
        server.enqueue(page("[{\"login\":\"c\"}]", null));

        Result result = pages().fetch(first("/orgs/octo/members?per_page=100"), Limit.all(10));

        assertThat(result.items()).extracting(n -> n.path("login").asText()).containsExactly("a", "b", "c");
        assertThat(result.complete()).isTrue();
        assertThat(result.pages()).isEqualTo(2);
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /orgs/octo/members?per_page=100 HTTP/1.1");
        var second = server.takeRequest();
        assertThat(second.getRequestLine()).isEqualTo("GET /organizations/7/members?page=2 HTTP/1.1");
        assertThat(second.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
    }

    @Test
    void stopsAtTheItemLimitWithoutAskingForTheNextPage() throws Exception {
        server.enqueue(page("[1,2,3]", server.url("/x?page=2")));

        Result result = pages().fetch(first("/x"), new Limit(2, 5));

        assertThat(result.items()).extracting(JsonNode::asInt).containsExactly(1, 2);
        assertThat(result.complete()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void exactlyFillingTheLimitOnTheLastPageIsComplete() throws Exception {
        server.enqueue(page("[1,2]", null));

        Result result = pages().fetch(first("/x"), new Limit(2, 1));

        assertThat(result.complete()).isTrue();
    }

    @Test
    void stopsAtThePageLimitAndSaysTheListIsIncomplete() throws Exception {
        server.enqueue(page("[1]", server.url("/x?page=2")));
        server.enqueue(page("[2]", server.url("/x?page=3")));

        Result result = pages().fetch(first("/x"), Limit.all(2));

        assertThat(result.items()).hasSize(2);
        assertThat(result.complete()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aLinkBackToAPageAlreadyReadEndsTheList() throws Exception {
        server.enqueue(page("[1]", server.url("/x?page=2")));
        server.enqueue(page("[2]", server.url("/x")));

        Result result = pages().fetch(first("/x"), Limit.all(10));

        assertThat(result.items()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aNextLinkToAnotherHostIsRefused() {
        server.enqueue(page("[1]", HttpUrl.get("https://attacker.example/x?page=2")));

        var e = fetchFailure(() -> pages().fetch(first("/x"), Limit.all(10)), Cause.MALFORMED);

        assertThat(e.getMessage()).contains("attacker.example");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anObjectInsteadOfAListIsMalformed() {
        server.enqueue(json("{\"message\":\"Not a list\"}"));

        var e = fetchFailure(() -> pages().fetch(first("/x"), Limit.all(10)), Cause.MALFORMED);

        assertThat(e.getMessage()).contains("instead of a list");
    }

    @Test
    void aFailingSecondPageFailsTheWholeList() {
        server.enqueue(page("[1]", server.url("/x?page=2")));
        server.enqueue(json(502, "{}"));

        fetchFailure(() -> pages().fetch(first("/x"), Limit.all(10)), Cause.SERVER_ERROR);
    }

    @Test
    void itemLimitsRoundPagesUp() {
        assertThat(Limit.items(250, 100)).isEqualTo(new Limit(250, 3));
        assertThat(Limit.items(30, 100)).isEqualTo(new Limit(30, 1));
    }

    private GitHubPages pages() {
        return new GitHubPages(gateway());
    }

    private ApiRequest first(String path) {
        return ApiRequest.get(Platform.GITHUB, server.url(path), "GET " + path)
                .withHeader("Accept", "application/vnd.github+json");
    }

    private static MockResponse page(String body, HttpUrl next) {
        MockResponse.Builder b = json(body).newBuilder();
        if (next != null) {
            b.setHeader("Link", "<" + next + ">; rel=\"next\", <" + next.newBuilder().setQueryParameter("page", "99")
                    + ">; rel=\"last\"");
        }
        return b.build();
    }
}
