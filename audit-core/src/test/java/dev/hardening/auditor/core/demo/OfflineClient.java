package dev.hardening.auditor.core.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp client whose only way to get an answer is the demo transport: DNS throws, a network
 * interceptor fails the test if ever reached, and connection attempts are counted.
 */
final class OfflineClient {
    static final ObjectMapper JSON = new ObjectMapper();

    final AtomicInteger dnsLookups = new AtomicInteger();
    final AtomicInteger connectAttempts = new AtomicInteger();
    final AtomicInteger networkInterceptorCalls = new AtomicInteger();
    private final OkHttpClient client;

    OfflineClient(Clock clock) {
        this(new OkHttpClient.Builder().addInterceptor(DemoTransport.bundled(clock)).build());
    }

    /** Wraps {@code base} (for example the full audit client) so that the network is unreachable. */
    OfflineClient(OkHttpClient base) {
        this.client = base.newBuilder()
                .dns(hostname -> {
                    dnsLookups.incrementAndGet();
                    throw new UnknownHostException("tests never resolve " + hostname);
                })
                .addNetworkInterceptor(chain -> {
                    networkInterceptorCalls.incrementAndGet();
                    throw new AssertionError("a request reached the network layer: " + chain.request().url());
                })
                .eventListener(new EventListener() {
                    @Override
                    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                        connectAttempts.incrementAndGet();
                    }
                })
                .build();
    }

    Answer get(String url) {
        return get(HttpUrl.get(url));
    }

    Answer get(HttpUrl url) {
        try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
            byte[] bytes = r.body().bytes();
            return new Answer(r.code(), r.headers(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a binary answer (a wheel), read fully. */
    byte[] bytes(String url) {
        try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response, read fully. */
    record Answer(int status, Headers headers, String body, byte[] bytes) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body.substring(0, Math.min(200, body.length())), e);
            }
        }

        String header(String name) {
            return headers.get(name);
        }

        List<String> headerNames() {
            return List.copyOf(headers.names());
        }
    }
}
