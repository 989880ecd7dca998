package dev.hardening.auditor.core.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Answers every request of an audit from the demo world, in-process. Installed as the innermost
 * application interceptor, it never calls {@code chain.proceed}: no request reaches the network, and
 * the credential interceptor (a network interceptor) never runs, so the demo's synthetic tokens are
 * never even attached to a request.
 *
 * <p>A host the world does not know is refused with an {@link IOException} rather than a 404, because
 * a 404 means something on some APIs (HIBP: "no breach"; RDAP: "not registered") and the demo must
 * never produce a verdict from an answer nobody wrote.
 */
public final class DemoTransport implements Interceptor {
    private final RouteTable table;
    private final Clock clock;

    DemoTransport(RouteTable table, Clock clock) {
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The bundled world; dates in responses are relative to {@code clock}. */
    public static DemoTransport bundled(Clock clock) {
        return new DemoTransport(RouteTable.bundled(), clock);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        RouteTable.Host host = table.host(url.host()).orElseThrow(() -> new NotInDemoWorldException(url.host()));
        RouteTable.Route route = host.match(request.method().toUpperCase(Locale.ROOT), url);
        Instant now = clock.instant();
        List<String> segments = RouteTable.segments(RouteTable.decodedPath(url));
        // Archives are served as stored ("binary" routes, or base64 text files ending in .b64);
        // everything else is a rendered template.
        byte[] body;
        if (route.binary()) {
            body = route.raw();
        } else if (route.bodyFile().endsWith(".b64")) {
            body = Base64.getMimeDecoder().decode(route.body().render(now, segments));
        } else {
            body = route.body().render(now, segments).getBytes(StandardCharsets.UTF_8);
        }

        Headers.Builder headers = new Headers.Builder();
        host.headers().forEach((name, value) -> headers.set(name, value.render(now, segments)));
        route.headers().forEach((name, value) -> headers.set(name, value.render(now, segments)));
        if (headers.get("Content-Type") == null) {
            headers.set("Content-Type", host.contentType());
        }
        if (route.status() < 300 && headers.get("ETag") == null && host.etag() != RouteTable.EtagStyle.NONE) {
            headers.set("ETag", etag(body, host.etag()));
        }
        headers.set("Content-Length", Integer.toString(body.length));
        String contentType = headers.get("Content-Type");

        long millis = now.toEpochMilli();
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(route.status())
                .message(reason(route.status()))
                .headers(headers.build())
                .body(ResponseBody.create(body, MediaType.parse(contentType)))
                .sentRequestAtMillis(millis)
                .receivedResponseAtMillis(millis)
                .build();
    }

    /** A host outside the demo world: nothing is sent anywhere. */
    public static final class NotInDemoWorldException extends IOException {
        private static final long serialVersionUID = 1L;

        NotInDemoWorldException(String host) {
            super("the demo world has no " + host + " (nothing was sent over the network)");
        }
    }

    private static String etag(byte[] body, RouteTable.EtagStyle style) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            String tag = "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
            return style == RouteTable.EtagStyle.WEAK ? "W/" + tag : tag;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            default -> status < 400 ? "OK" : "Error";
        };
    }
}
