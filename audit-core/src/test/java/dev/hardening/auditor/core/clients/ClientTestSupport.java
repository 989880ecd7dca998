package dev.hardening.auditor.core.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HostCredential;
import dev.hardening.auditor.core.http.HttpClients;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.http.HttpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import mockwebserver3.MockResponse;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared pieces of the client tests: a gateway without retries, fixtures, canned responses. */
public final class ClientTestSupport {
    /** An HTML page such as a captive portal or a misconfigured proxy returns with status 200. */
    public static final String HTML_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Sign in</body></html>";

    private ClientTestSupport() {
    }

    /** A gateway with no credentials and no retries, so every request is seen exactly once. */
    public static HttpGateway gateway() {
        return gateway(List.of());
    }

    public static HttpGateway gateway(List<HostCredential> credentials) {
        var client = HttpClients.forAudit(HttpSettings.defaults().withMaxRetries(0), credentials, d -> {
        }, Clock.systemUTC(), List.of());
        return new HttpGateway(client, new ObjectMapper(), ProgressListener.NONE, 8);
    }

    /** A fixture from {@code src/test/resources/fixtures/}, e.g. {@code npm/packument_full_tiny-tarball.json}. */
    public static String fixture(String path) {
        try (InputStream in = ClientTestSupport.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MockResponse json(String body) {
        return json(200, body);
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse html(int status) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/html; charset=utf-8")
                .body(HTML_PAGE).build();
    }

    public static MockResponse status(int status) {
        return new MockResponse.Builder().code(status).body("").build();
    }

    /** The first half of a fixture: what a dropped connection or a size cap leaves. */
    public static String truncated(String body) {
        return body.substring(0, body.length() / 2);
    }

    /** Runs {@code call}, asserts it failed with a FetchException of {@code cause}, and returns it. */
    public static FetchException fetchFailure(ThrowingCallable call, Cause cause) {
        FetchException e = catchThrowableOfType(FetchException.class, call);
        assertThat(e).as("expected a FetchException").isNotNull();
        assertThat(e.cause()).isEqualTo(cause);
        assertThat(e.unavailability().reason()).isNotBlank();
        return e;
    }
}
