package dev.hardening.auditor.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.http.internal.Sleeper;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.secrets.Secret;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One HTTP stack as an audit builds it ({@link HttpClients#forAudit}), with a recording sleeper, a
 * fixed clock and a list of the progress events. Requests only ever go to MockWebServer on loopback.
 */
public final class TestHttp {
    public static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Looks like nothing a secret scanner knows, and is unique enough to search for in logs and files. */
    public static final String TOKEN = "test-token-7f3a9c1e5b2d48a6";

    public final RecordingSleeper sleeper = new RecordingSleeper();
    public final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final HttpSettings settings;
    private final List<HostCredential> credentials;
    private Dns dns = Dns.SYSTEM;
    private Sleeper waits = sleeper;

    public TestHttp(HttpSettings settings, List<HostCredential> credentials) {
        this.settings = settings;
        this.credentials = List.copyOf(credentials);
    }

    public TestHttp() {
        this(settings(), List.of());
    }

    /** Short waits for tests: the sleeper records them anyway; time-outs bound a broken test. */
    public static HttpSettings settings() {
        return HttpSettings.defaults().withWaits(Duration.ofSeconds(120), Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    public static HostCredential bearer(HttpUrl url) {
        return HostCredential.bearer("GITHUB_TOKEN", url, Secret.of(TOKEN));
    }

    /** Resolves the given names to 127.0.0.1 and refuses every other name, so nothing reaches a real DNS. */
    public TestHttp resolving(Map<String, String> namesToLoopback) {
        this.dns = hostname -> {
            if (namesToLoopback.containsKey(hostname) || hostname.equals("localhost")) {
                return List.of(InetAddress.getByAddress(hostname, new byte[] {127, 0, 0, 1}));
            }
            throw new UnknownHostException(hostname + " (test DNS knows only " + namesToLoopback.keySet() + ")");
        };
        return this;
    }

    /** Really waits (with {@link Sleeper#REAL}), for the few tests about waiting itself. */
    public TestHttp sleepingForReal() {
        this.waits = Sleeper.REAL;
        return this;
    }

    public OkHttpClient client() {
        OkHttpClient c = HttpClients.forAudit(settings, credentials, waits, CLOCK, List.of());
        return dns == Dns.SYSTEM ? c : c.newBuilder().dns(dns).build();
    }

    public HttpGateway gateway() {
        return gateway(client());
    }

    public HttpGateway gateway(OkHttpClient client) {
        return new HttpGateway(client, new ObjectMapper(), events::add, settings.maxConcurrentPerHost());
    }

    public static ApiRequest get(HttpUrl url) {
        return ApiRequest.get(Platform.GITHUB, url, "GET " + url.encodedPath());
    }
}
