package dev.hardening.auditor.sim.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * One simulated host: a plain HTTP/1.1 server on its own loopback address, one thread per
 * connection (so concurrent requests are answered concurrently, each after the host's latency),
 * keep-alive, conditional requests ({@code If-None-Match} answered 304), byte ranges, rate limits
 * and faults. Written on plain sockets so that faults a real network shows (resets, truncation,
 * silence) can be produced exactly.
 */
final class HostServer implements Closeable {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final long HUGE_BODY = 100L * 1024 * 1024;
    /** How long a TIMEOUT fault keeps a connection silent at most. */
    private static final Duration MAX_SILENCE = Duration.ofMinutes(5);

    private final Host host;
    private final ServerSocket socket;
    private final SimServer world;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final RateLimits limits = new RateLimits();
    private volatile Handler handler;
    private volatile boolean closed;

    HostServer(Host host, InetSocketAddress address, SimServer world, ExecutorService threads) throws IOException {
        this.host = host;
        this.world = world;
        this.threads = threads;
        this.socket = new ServerSocket();
        this.socket.setReuseAddress(true);
        this.socket.bind(address, 256);
    }

    int port() {
        return socket.getLocalPort();
    }

    String address() {
        return socket.getInetAddress().getHostAddress();
    }

    void start(Handler h) {
        this.handler = h;
        threads.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        Thread.currentThread().setName("sim-" + host.name().toLowerCase(Locale.ROOT) + "-accept");
        while (!closed) {
            try {
                Socket s = socket.accept();
                open.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    /** A parsed request line and headers. */
    private record Head(String method, String target, Map<String, String> headers) {
    }

    private void serve(Socket s) {
        Thread.currentThread().setName("sim-" + host.name().toLowerCase(Locale.ROOT) + "-conn");
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
            while (!closed) {
                Head head = readHead(in);
                if (head == null) {
                    return;
                }
                skipBody(in, head);
                if (!exchange(s, in, out, head)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away (or a fault closed the connection): nothing to answer
        } finally {
            open.remove(s);
        }
    }

    /** Answers one request; false when the connection must not be reused. */
    private boolean exchange(Socket s, InputStream in, OutputStream out, Head head) throws IOException {
        SimRequest request = new SimRequest(host, head.method(), head.target(), head.headers());
        long start = System.nanoTime();
        int inFlight = world.log().started(host);
        Behaviour behaviour = world.behaviour(host);
        int status = 0;
        long bytes = 0;
        Fault fault = world.faultFor(request).orElse(null);
        ConcurrencyGate gate = null;
        try {
            gate = world.gate(host).filter(g -> g.holds(request)).orElse(null);
            if (gate != null) {
                gate.arrive();
            }
            sleep(behaviour.latency());
            if (fault != null) {
                FaultOutcome outcome = applyFault(s, in, out, request, fault);
                status = outcome.status();
                bytes = outcome.bytes();
                return outcome.keepAlive();
            }
            SimResponse response = limits.check(host, request, behaviour, inFlight)
                    .orElseGet(() -> answer(request));
            response = limits.decorate(host, request, behaviour, response);
            response = conditional(request, response);
            response = ranged(request, response);
            status = response.status();
            bytes = response.body().length;
            write(out, response, true);
            return true;
        } finally {
            if (gate != null) {
                gate.leave();
            }
            // Logged before it stops counting as in flight, so that RequestLog.awaitIdle means "every exchange is logged".
            world.log().add(new RequestLog.Entry(host, head.method(), head.target(), request.resourceKey(),
                    credentials(head.headers()), status, bytes, start, System.nanoTime(), fault));
            world.log().finished(host);
        }
    }

    private SimResponse answer(SimRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            return SimResponse.json(500, "{\"message\":\"simulated server failure: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static Map<String, String> credentials(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : new String[] {"authorization", "hibp-api-key", "cookie"}) {
            if (headers.containsKey(name)) {
                out.put(name, headers.get(name));
            }
        }
        return out;
    }

    /** 304 for a request whose {@code If-None-Match} names the current ETag. */
    private static SimResponse conditional(SimRequest request, SimResponse response) {
        String etag = response.header("ETag");
        String ifNoneMatch = request.header("if-none-match");
        if (response.status() != 200 || etag == null || ifNoneMatch == null) {
            return response;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            if (weakless(candidate.trim()).equals(weakless(etag)) || candidate.trim().equals("*")) {
                Map<String, String> h = new LinkedHashMap<>(response.headers());
                h.remove("Content-Type");
                return new SimResponse(304, h, new byte[0]);
            }
        }
        return response;
    }

    private static String weakless(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /** {@code Range: bytes=-N} and {@code bytes=A-} on a host that accepts ranges. */
    private static SimResponse ranged(SimRequest request, SimResponse response) {
        String range = request.header("range");
        if (range == null || response.status() != 200 || !"bytes".equals(response.header("Accept-Ranges"))) {
            return response;
        }
        byte[] body = response.body();
        int from;
        int to = body.length - 1;
        try {
            String spec = range.trim().substring("bytes=".length());
            if (spec.startsWith("-")) {
                from = Math.max(0, body.length - Integer.parseInt(spec.substring(1)));
            } else {
                String[] ab = spec.split("-", 2);
                from = Integer.parseInt(ab[0]);
                if (!ab[1].isEmpty()) {
                    to = Math.min(to, Integer.parseInt(ab[1]));
                }
            }
        } catch (RuntimeException e) {
            return response;
        }
        if (from > to) {
            return new SimResponse(416, Map.of("Content-Range", "bytes */" + body.length), new byte[0]);
        }
        byte[] part = java.util.Arrays.copyOfRange(body, from, to + 1);
        Map<String, String> h = new LinkedHashMap<>(response.headers());
        h.put("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
        return new SimResponse(206, h, part);
    }

    /** What a fault did: the status sent (0 if none), the body bytes sent, and whether the connection lives on. */
    private record FaultOutcome(int status, long bytes, boolean keepAlive) {
    }

    private FaultOutcome applyFault(Socket s, InputStream in, OutputStream out, SimRequest request, Fault fault)
            throws IOException {
        switch (fault) {
            case TIMEOUT -> {
                stayQuiet(s, in);
                return new FaultOutcome(0, 0, false);
            }
            case CONNECTION_RESET -> {
                s.setSoLinger(true, 0);
                s.close();
                return new FaultOutcome(0, 0, false);
            }
            case TRUNCATED_BODY, DISCONNECT_AFTER_HEADERS -> {
                SimResponse full = answer(request);
                byte[] body = full.body().length >= 2 ? full.body() : "{\"padding\": \"0123456789abcdef\"}".getBytes(StandardCharsets.UTF_8);
                int sent = fault == Fault.TRUNCATED_BODY ? body.length / 2 : 0;
                writeHead(out, 200, full.headers(), body.length, false);
                out.write(body, 0, sent);
                out.flush();
                s.shutdownOutput();
                return new FaultOutcome(200, sent, false);
            }
            case SLOW_BODY -> {
                SimResponse full = answer(request);
                // A short or empty answer (a 404 that means "none") would arrive whole: drip a longer one.
                byte[] body = full.body().length >= 64 ? full.body()
                        : ("{\"padding\": \"" + "0123456789abcdef".repeat(4) + "\"}").getBytes(StandardCharsets.UTF_8);
                writeHead(out, 200, full.headers(), body.length, false);
                out.flush();
                return new FaultOutcome(200, drip(out, body), false);
            }
            case BODY_100MB, BODY_100MB_UNDECLARED -> {
                return new FaultOutcome(200, hugeBody(out, fault == Fault.BODY_100MB), false);
            }
            default -> {
                SimResponse r = Faults.response(fault, request, world);
                write(out, r, true);
                return new FaultOutcome(r.status(), r.body().length, true);
            }
        }
    }

    /** Reads (and drops) whatever the client sends until it closes the connection, the server stops, or minutes pass. */
    private void stayQuiet(Socket s, InputStream in) throws IOException {
        long until = System.nanoTime() + MAX_SILENCE.toNanos();
        s.setSoTimeout(100);
        while (!closed && System.nanoTime() < until) {
            try {
                if (in.read() < 0) {
                    return;
                }
            } catch (SocketTimeoutException quiet) {
                // keep waiting
            }
        }
    }

    /** Sends one byte every 300 ms until the body is out, the client gives up or the server stops. */
    private long drip(OutputStream out, byte[] body) {
        long sent = 0;
        try {
            for (byte b : body) {
                if (closed) {
                    break;
                }
                out.write(b);
                out.flush();
                sent++;
                Thread.sleep(300);
            }
        } catch (IOException clientGaveUp) {
            // the client stopped waiting, as it should
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        return sent;
    }

    private long hugeBody(OutputStream out, boolean declared) throws IOException {
        Map<String, String> h = Map.of("Content-Type", "application/json");
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        chunk[0] = '[';
        long sent = 0;
        try {
            if (declared) {
                writeHead(out, 200, h, HUGE_BODY, false);
                while (sent < HUGE_BODY) {
                    int n = (int) Math.min(chunk.length, HUGE_BODY - sent);
                    out.write(chunk, 0, n);
                    sent += n;
                }
            } else {
                writeHead(out, 200, h, -1, false);
                while (sent < HUGE_BODY) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (SocketException clientGaveUp) {
            // the client refused the body, as it should
        }
        return sent;
    }

    private void write(OutputStream out, SimResponse r, boolean keepAlive) throws IOException {
        writeHead(out, r.status(), r.headers(), r.body().length, keepAlive);
        out.write(r.body());
        out.flush();
    }

    private static void writeHead(OutputStream out, int status, Map<String, String> headers, long length, boolean keepAlive)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        boolean hasDate = false;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            hasDate |= e.getKey().equalsIgnoreCase("Date");
            b.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        if (!hasDate) {
            b.append("Date: ").append(HTTP_DATE.format(Instant.now())).append("\r\n");
        }
        if (length >= 0) {
            b.append("Content-Length: ").append(length).append("\r\n");
        } else {
            b.append("Transfer-Encoding: chunked\r\n");
        }
        b.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
        out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 206 -> "Partial Content";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 416 -> "Range Not Satisfiable";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** The request line and headers, or null at the end of the connection. */
    private static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String requestLine = null;
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new IOException("request head too large");
            }
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                line.reset();
                if (requestLine == null) {
                    if (text.isEmpty()) {
                        continue;
                    }
                    requestLine = text;
                } else if (text.isEmpty()) {
                    String[] parts = requestLine.split(" ");
                    if (parts.length < 2) {
                        throw new IOException("bad request line");
                    }
                    return new Head(parts[0], parts[1], headers);
                } else {
                    int colon = text.indexOf(':');
                    if (colon > 0) {
                        headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
                    }
                }
            } else {
                line.write(c);
            }
        }
    }

    private static void skipBody(InputStream in, Head head) throws IOException {
        String length = head.headers().get("content-length");
        if (length != null) {
            long n = Long.parseLong(length.trim());
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        return;
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
