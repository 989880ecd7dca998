package dev.hardening.auditor.core.clients.github;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static dev.hardening.auditor.core.clients.ClientTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubAuthKeys;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubAuthKeysClientTest {
    private MockWebServer server;
    private GitHubClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new GitHubClient(gateway(), server.url("/"), Optional.empty());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsEachKeyAsTypeSizeAndTheFingerprintSshKeygenPrints() throws Exception {
        server.enqueue(json(fixture("github/get_users_rtyler_keys.json")));

        GitHubAuthKeys keys = client.authenticationKeys("rtyler");

        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /users/rtyler/keys?per_page=100 HTTP/1.1");
        assertThat(keys.keys()).extracting(GitHubAuthKeys.Key::id, GitHubAuthKeys.Key::type, GitHubAuthKeys.Key::bits,
                GitHubAuthKeys.Key::fingerprint).containsExactly(
                tuple(1066173L, "ssh-rsa", 2048, "SHA256:JasGcPrNq46wJKxGhfxhltfGy1fY7pk7wthVrQ2W8no"),
                tuple(28136459L, "ssh-rsa", 2048, "SHA256:N/RbiHQxVxJfM5NviKPBRr5dpAgfz/NYxWylRkO9oUs"),
                tuple(31452581L, "ssh-rsa", 4096, "SHA256:OhAzJrFOkJlBcVcNMIP95Ka5UZgBy6XPlkXvQ2kxauM"));
        assertThat(keys.contains("SHA256:OhAzJrFOkJlBcVcNMIP95Ka5UZgBy6XPlkXvQ2kxauM")).isTrue();
    }

    @Test
    void signingKeysComeFromTheirOwnList() throws Exception {
        server.enqueue(json(fixture("github/get_users_ssh_signing_keys_brewtestbot.json")));

        var keys = client.sshSigningKeys("BrewTestBot");

        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo("GET /users/BrewTestBot/ssh_signing_keys?per_page=100 HTTP/1.1");
        assertThat(keys).extracting(k -> k.id(), k -> k.key().orElseThrow().type(), k -> k.key().orElseThrow().fingerprint())
                .containsExactly(tuple(475371L, "ssh-ed25519", "SHA256:/P4LM9CEUknR23sdux28BoqfyTHvWKiaeg6H1NAFd4o"));
    }

    @Test
    void unknownUserAndNonListAnswers() {
        server.enqueue(status(404));
        server.enqueue(json("{\"message\": \"oops\"}"));

        fetchFailure(() -> client.authenticationKeys("nobody"), Cause.NOT_FOUND);
        fetchFailure(() -> client.authenticationKeys("rtyler"), Cause.MALFORMED);
    }

    @Test
    void everyPageIsRead() throws Exception {
        // The recorded list of three keys, served as two pages.
        ArrayNode all = (ArrayNode) new ObjectMapper().readTree(fixture("github/get_users_rtyler_keys.json"));
        server.enqueue(json(firstTwo(all)).newBuilder()
                .setHeader("Link", "<" + server.url("/users/rtyler/keys?per_page=100&page=2") + ">; rel=\"next\"").build());
        server.enqueue(json("[" + all.get(2) + "]"));

        GitHubAuthKeys read = client.authenticationKeys("rtyler");

        assertThat(read.keys()).extracting(GitHubAuthKeys.Key::id).containsExactly(1066173L, 28136459L, 31452581L);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private static String firstTwo(ArrayNode all) {
        return "[" + all.get(0) + "," + all.get(1) + "]";
    }

    @Test
    void moreKeysThanTheAuditorReadsIsNoAnswerRatherThanAPartialOne() {
        for (int page = 1; page <= GitHubClient.KEYS.maxPages(); page++) {
            server.enqueue(json(fixture("github/get_users_rtyler_keys.json")).newBuilder()
                    .setHeader("Link", "<" + server.url("/users/rtyler/keys?per_page=100&page=" + (page + 1)) + ">; rel=\"next\"")
                    .build());
        }

        fetchFailure(() -> client.authenticationKeys("rtyler"), Cause.TOO_LARGE);
        assertThat(server.getRequestCount()).isEqualTo(GitHubClient.KEYS.maxPages());
    }

    @Test
    void keysThatAreNotSshKeysAreSkipped() throws Exception {
        server.enqueue(json("[{\"id\": 1, \"key\": \"not a key\"}, {\"id\": 2}]"));

        assertThat(client.authenticationKeys("rtyler").keys()).isEmpty();
    }
}
