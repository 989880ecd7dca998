package dev.hardening.auditor.core.demo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * The demo world's routes table ({@code demo/routes.json}): for each host its default headers and
 * its "not found" answer, and for each (method, path, query) the status, extra headers and body file.
 * Loaded and checked once (every body exists, every template is valid, no route is listed twice), so
 * serving a request is a map look-up and a template rendering.
 *
 * <p>Paths are written decoded ({@code /@inkwell/cli}) and compared with the request's decoded path,
 * so a scoped npm name matches whether it arrives as {@code %2F}, {@code %2f} or a plain slash. A
 * segment {@code *} matches any one segment; exact routes win over wildcard routes, and among
 * candidates the one naming more query parameters wins. Query parameters a route does not name are
 * ignored (for example {@code size} and {@code from} of the npm search).
 */
final class RouteTable {
    static final String ROOT = "demo/";
    static final String TABLE = ROOT + "routes.json";

    private final Map<String, Host> hosts;
    private final List<Route> routes;

    private RouteTable(Map<String, Host> hosts, List<Route> routes) {
        this.hosts = hosts;
        this.routes = routes;
    }

    /** The world bundled with the application, loaded once. */
    static RouteTable bundled() {
        return Bundled.TABLE;
    }

    private static final class Bundled {
        static final RouteTable TABLE = load(RouteTable.class.getClassLoader());
    }

    static RouteTable load(ClassLoader loader) {
        TableSpec spec;
        try (InputStream in = open(loader, TABLE)) {
            spec = new ObjectMapper().readValue(in, TableSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo routes table " + TABLE + ": " + e.getMessage(), e);
        }
        Map<String, Host> hosts = new LinkedHashMap<>();
        spec.hosts().forEach((name, h) -> hosts.put(name, host(loader, name, h)));
        List<Route> routes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RouteSpec r : spec.routes()) {
            Host host = hosts.get(r.host());
            if (host == null) {
                throw new IllegalStateException(TABLE + ": route " + r.path() + " names unknown host " + r.host());
            }
            Route route = route(loader, host, r);
            if (!seen.add(route.identity())) {
                throw new IllegalStateException(TABLE + ": route listed twice: " + route.identity());
            }
            host.add(route);
            routes.add(route);
        }
        hosts.values().forEach(Host::sortCandidates);
        return new RouteTable(Map.copyOf(hosts), List.copyOf(routes));
    }

    Optional<Host> host(String name) {
        return Optional.ofNullable(hosts.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every route, in table order. */
    List<Route> routes() {
        return routes;
    }

    /** Every host, with its "not found" answer. */
    List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    /** The decoded path of a request, segments joined with '/', e.g. {@code /@inkwell/cli}. */
    static String decodedPath(HttpUrl url) {
        return "/" + String.join("/", url.pathSegments());
    }

    /** How a host answers: its defaults, its routes, and what it says for anything else. */
    static final class Host {
        private final String name;
        private final String contentType;
        private final EtagStyle etag;
        private final boolean ignoreCase;
        private final Map<String, ResponseTemplate> headers;
        private Route notFound;
        private final Map<String, List<Route>> exact = new LinkedHashMap<>();
        private final List<Route> wildcard = new ArrayList<>();

        private Host(String name, String contentType, EtagStyle etag, boolean ignoreCase,
                     Map<String, ResponseTemplate> headers) {
            this.name = name;
            this.contentType = contentType;
            this.etag = etag;
            this.ignoreCase = ignoreCase;
            this.headers = headers;
        }

        String name() {
            return name;
        }

        String contentType() {
            return contentType;
        }

        EtagStyle etag() {
            return etag;
        }

        Map<String, ResponseTemplate> headers() {
            return headers;
        }

        Route notFound() {
            return notFound;
        }

        /** The route for this request, or the host's "not found" answer. */
        Route match(String method, HttpUrl url) {
            String path = normalise(decodedPath(url));
            for (Route r : exact.getOrDefault(method + " " + path, List.of())) {
                if (r.queryMatches(url)) {
                    return r;
                }
            }
            List<String> segments = segments(path);
            for (Route r : wildcard) {
                if (r.method().equals(method) && r.segmentsMatch(segments, ignoreCase) && r.queryMatches(url)) {
                    return r;
                }
            }
            return notFound;
        }

        private String normalise(String path) {
            return ignoreCase ? path.toLowerCase(Locale.ROOT) : path;
        }

        private void add(Route r) {
            if (r.isWildcard()) {
                wildcard.add(r);
            } else {
                exact.computeIfAbsent(r.method() + " " + normalise(r.path()), k -> new ArrayList<>()).add(r);
            }
        }

        private void sortCandidates() {
            Comparator<Route> moreSpecificFirst = Comparator.comparingInt((Route r) -> -r.query().size());
            exact.values().forEach(list -> list.sort(moreSpecificFirst));
            wildcard.sort(moreSpecificFirst);
        }
    }

    /** How a host marks its bodies: GitHub and npm (behind Cloudflare) send weak ETags. */
    enum EtagStyle {
        WEAK, STRONG, NONE
    }

    /**
     * One answer of the world.
     *
     * @param derivedFrom the real recorded responses whose shape this body copies (tests check it)
     * @param shapeSource for bodies with no recorded fixture, where their shape is documented
     */
    record Route(String host, String method, String path, Map<String, String> query, int status,
                 Map<String, ResponseTemplate> headers, String bodyFile, ResponseTemplate body,
                 List<Reference> derivedFrom, String shapeSource, byte[] raw) {

        /** Whether the body is served as stored bytes (an archive), not a rendered template. */
        boolean binary() {
            return raw != null;
        }

        boolean isWildcard() {
            return segments(path).contains("*");
        }

        String identity() {
            return host + " " + method + " " + path + (query.isEmpty() ? "" : " " + new TreeMap<>(query));
        }

        boolean queryMatches(HttpUrl url) {
            for (var q : query.entrySet()) {
                if (!q.getValue().equals(url.queryParameter(q.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        boolean segmentsMatch(List<String> request, boolean ignoreCase) {
            List<String> pattern = segments(path);
            if (pattern.size() != request.size()) {
                return false;
            }
            for (int i = 0; i < pattern.size(); i++) {
                String p = pattern.get(i);
                if (!p.equals("*") && !(ignoreCase ? p.equalsIgnoreCase(request.get(i)) : p.equals(request.get(i)))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A real fixture a body was derived from; {@code at} places it inside the body (e.g. {@code versions.*}). */
    record Reference(String fixture, String at) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        Reference {
            at = at == null ? "" : at;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Reference of(String fixture) {
            return new Reference(fixture, "");
        }
    }

    /** The request path split into segments, without the leading slash. */
    static List<String> segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return List.of(p.split("/", -1));
    }

    // The routes table as written; checked and turned into Hosts and Routes by load().

    record TableSpec(String about, Map<String, HostSpec> hosts, List<RouteSpec> routes) {
    }

    record HostSpec(String note, String contentType, String etag, boolean ignoreCase, Map<String, String> headers,
                    RouteSpec notFound) {
    }

    record RouteSpec(String note, String host, String method, String path, Map<String, String> query, Integer status,
                     Map<String, String> headers, String body, List<Reference> derivedFrom, String shapeSource,
                     Boolean binary) {
    }

    private static Host host(ClassLoader loader, String name, HostSpec spec) {
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(TABLE + ": host names are lower case: " + name);
        }
        if (spec.contentType() == null || spec.notFound() == null) {
            throw new IllegalStateException(TABLE + ": host " + name + " needs contentType and notFound");
        }
        EtagStyle etag = EtagStyle.valueOf((spec.etag() == null ? "none" : spec.etag()).toUpperCase(Locale.ROOT));
        Host host = new Host(name, spec.contentType(), etag, spec.ignoreCase(),
                headerTemplates(spec.headers(), "host " + name));
        RouteSpec nf = spec.notFound();
        host.notFound = route(loader, host, new RouteSpec(nf.note(), name, "GET", "/*", Map.of(),
                nf.status() == null ? 404 : nf.status(), nf.headers(), nf.body(), nf.derivedFrom(), nf.shapeSource(),
                nf.binary()));
        return host;
    }

    private static Route route(ClassLoader loader, Host host, RouteSpec r) {
        String where = TABLE + " " + host.name() + " " + r.path();
        if (r.path() == null || !r.path().startsWith("/")) {
            throw new IllegalStateException(where + ": a path starts with '/'");
        }
        int status = r.status() == null ? 200 : r.status();
        if (status < 100 || status > 599) {
            throw new IllegalStateException(where + ": invalid status " + status);
        }
        if (r.body() == null) {
            throw new IllegalStateException(where + ": no body file");
        }
        String method = r.method() == null ? "GET" : r.method().toUpperCase(Locale.ROOT);
        boolean binary = Boolean.TRUE.equals(r.binary());
        byte[] raw = binary ? readBytes(loader, ROOT + r.body()) : null;
        String text = binary ? "" : read(loader, ROOT + r.body());
        return new Route(host.name(), method, r.path(), r.query() == null ? Map.of() : Map.copyOf(r.query()), status,
                headerTemplates(r.headers(), where), r.body(), ResponseTemplate.compile(text, ROOT + r.body()),
                r.derivedFrom() == null ? List.of() : List.copyOf(r.derivedFrom()),
                r.shapeSource() == null ? "" : r.shapeSource(), raw);
    }

    private static Map<String, ResponseTemplate> headerTemplates(Map<String, String> headers, String where) {
        Map<String, ResponseTemplate> out = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> out.put(k, ResponseTemplate.compile(v, where + " header " + k)));
        }
        return out;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = open(loader, resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo resource " + resource + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBytes(ClassLoader loader, String resource) {
        try (InputStream in = open(loader, resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo resource " + resource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing from the classpath");
        }
        return in;
    }
}
