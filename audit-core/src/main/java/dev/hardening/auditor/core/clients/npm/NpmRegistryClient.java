package dev.hardening.auditor.core.clients.npm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.PathSegments;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmProfile;
import dev.hardening.auditor.core.facts.npm.NpmToken;
import dev.hardening.auditor.core.facts.npm.NpmTokens;
import dev.hardening.auditor.core.facts.npm.NpmTwoFactor;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.ApiResponse;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.model.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * npm registry client (registry.npmjs.org or a private registry such as Verdaccio). The token is
 * attached by the HTTP layer; this client only needs to know whether one exists.
 */
public final class NpmRegistryClient {
    /** Page size of the search API; the registry caps {@code size} at 250. */
    static final int SEARCH_PAGE_SIZE = 250;
    /**
     * A full packument is larger than most responses (tens of megabytes for packages with thousands
     * of versions), so it gets its own cap; it is parsed as a stream, so only the records stay.
     */
    public static final long MAX_PACKUMENT_BYTES = 160L * 1024 * 1024;
    /** Bound on the pages of the token list (the registry pages it; an account has a handful of tokens). */
    static final int MAX_TOKEN_PAGES = 20;
    /** Bound on a user's packages, so one prolific account cannot turn an audit into thousands of requests. */
    public static final int MAX_USER_PACKAGES = 2_000;

    private final HttpGateway gateway;
    private final HttpUrl baseUrl;
    private final boolean hasToken;

    public NpmRegistryClient(HttpGateway gateway, HttpUrl baseUrl, boolean hasToken) {
        this.gateway = gateway;
        this.baseUrl = baseUrl;
        this.hasToken = hasToken;
    }

    public boolean hasToken() {
        return hasToken;
    }

    /** {@code GET /-/npm/v1/user}: the account that owns the token. */
    public NpmProfile profile() throws FetchException {
        if (!hasToken) {
            throw Failures.noCredential("no npm token was supplied",
                    "set NPM_TOKEN to a read-only granular access token");
        }
        ApiRequest request = request(baseUrl.newBuilder().addPathSegments("-/npm/v1/user").build(),
                "GET /-/npm/v1/user");
        return parseProfile(gateway.getJson(request));
    }

    /**
     * {@code GET /{name}}: the full packument (scoped names are requested as {@code @scope%2Fname}),
     * read whole (up to the packument's own size cap) and parsed token by token, so that no JSON tree is
     * built and only what the fact keeps outlives the call.
     */
    public NpmPackument packument(String name) throws FetchException {
        String n = checkedPackageName(name);
        // addPathSegment encodes the scope's '/' as %2F, the form the registry expects.
        ApiRequest request = request(baseUrl.newBuilder().addPathSegment(n).build(), "GET /" + n);
        ApiResponse response = gateway.get(request, status -> status == 404 || status >= 200 && status < 300,
                MAX_PACKUMENT_BYTES);
        if (response.status() == 404) {
            throw Failures.notFound("npm has no package named '" + n + "'",
                    "check the --npm-package name (a private package needs an NPM_TOKEN that can read it)");
        }
        refuseNonJson(request, response);
        try {
            return PackumentParser.parse(n, response.body());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw Failures.malformed("npm returned malformed or truncated JSON for " + request.resource() + where,
                    "retry later; if it persists, report it with --debug output", response.status());
        } catch (IOException e) {
            throw Failures.malformed("npm returned something other than a packument for " + request.resource(),
                    "check the --npm-registry-url setting", response.status());
        }
    }

    /**
     * {@code GET /-/npm/v1/tokens}: the tokens of the account that owns the supplied token, following
     * {@code urls.next} (at most {@value #MAX_TOKEN_PAGES} pages, only on the registry's own host).
     * The registry's {@code token} field (a truncated token) is never kept.
     */
    public NpmTokens tokens() throws FetchException {
        if (!hasToken) {
            throw Failures.noCredential("no npm token was supplied",
                    "set NPM_TOKEN to a read-only granular access token");
        }
        List<NpmToken> tokens = new ArrayList<>();
        HttpUrl url = baseUrl.newBuilder().addPathSegments("-/npm/v1/tokens").build();
        for (int page = 1; page <= MAX_TOKEN_PAGES; page++) {
            JsonNode json = gateway.getJson(request(url, "GET /-/npm/v1/tokens" + (page == 1 ? "" : " (page " + page + ")")));
            if (!json.path("objects").isArray()) {
                throw Failures.malformed("npm answered GET /-/npm/v1/tokens without a list of tokens",
                        "check the --npm-registry-url setting (a private registry may not support token listing)", 200);
            }
            JsonFields.elements(json.path("objects")).forEach(o -> tokens.add(NpmTokenParser.token(o)));
            Optional<HttpUrl> next = JsonFields.text(json.path("urls"), "next").map(url::resolve)
                    .filter(u -> u.host().equals(baseUrl.host()) && u.port() == baseUrl.port());
            if (next.isEmpty() || next.get().equals(url)) {
                return new NpmTokens(tokens, true);
            }
            url = next.get();
        }
        return new NpmTokens(tokens, false);
    }

    private static void refuseNonJson(ApiRequest request, ApiResponse response) throws FetchException {
        String contentType = Optional.ofNullable(response.header("Content-Type")).orElse("");
        byte[] body = response.body();
        int first = 0;
        while (first < body.length && (body[first] == ' ' || body[first] == '\n' || body[first] == '\r'
                || body[first] == '\t' || body[first] == (byte) 0xEF || body[first] == (byte) 0xBB || body[first] == (byte) 0xBF)) {
            first++;
        }
        if (first == body.length) {
            throw Failures.malformed("npm returned an empty body for " + request.resource() + " (HTTP " + response.status() + ")",
                    "retry later", response.status());
        }
        if (body[first] == '<' || contentType.startsWith("text/html")) {
            throw Failures.malformed("npm returned an HTML page instead of JSON for " + request.resource()
                    + " (HTTP " + response.status() + ")", "check the npm URL setting, or retry later", response.status());
        }
    }

    /**
     * The packages a user maintains, from {@code GET /-/v1/search?text=maintainer:{user}}, paged
     * until the reported total, at most {@link #MAX_USER_PACKAGES}.
     */
    public List<String> packagesOf(String user) throws FetchException {
        String u = PathSegments.checked(user, "npm user name", "check the --npm-user value", false);
        if (u.chars().anyMatch(Character::isWhitespace)) {
            throw Failures.invalidName("'" + u + "' is not a valid npm user name", "check the --npm-user value");
        }
        Set<String> names = new LinkedHashSet<>();
        int from = 0;
        while (names.size() < MAX_USER_PACKAGES) {
            HttpUrl url = baseUrl.newBuilder().addPathSegments("-/v1/search")
                    .addQueryParameter("text", "maintainer:" + u)
                    .addQueryParameter("size", Integer.toString(SEARCH_PAGE_SIZE))
                    .addQueryParameter("from", Integer.toString(from))
                    .build();
            String resource = "GET /-/v1/search?text=maintainer:" + u + (from == 0 ? "" : "&from=" + from);
            JsonNode page = gateway.getJson(request(url, resource));
            List<JsonNode> objects = JsonFields.elements(page.path("objects"));
            int before = names.size();
            for (JsonNode o : objects) {
                JsonFields.text(o.path("package"), "name").ifPresent(names::add);
            }
            from += objects.size();
            long total = JsonFields.number(page, "total").orElse(0L);
            // A page that adds nothing new means a registry that ignores "from": stop rather than loop.
            if (objects.isEmpty() || from >= total || names.size() == before) {
                break;
            }
        }
        return new ArrayList<>(names).subList(0, Math.min(names.size(), MAX_USER_PACKAGES));
    }

    static NpmProfile parseProfile(JsonNode json) {
        return new NpmProfile(
                JsonFields.textOrEmpty(json, "name"),
                JsonFields.textOrEmpty(json, "email"),
                JsonFields.bool(json, "email_verified"),
                twoFactor(json),
                JsonFields.strings(json, "cidr_whitelist"),
                JsonFields.instant(json, "created"),
                JsonFields.instant(json, "updated"));
    }

    /**
     * {@code tfa}: {@code null} or {@code false} is off; an object carries the mode. A missing field
     * is not read as "off" (a private registry may not report 2FA at all), and neither is any other
     * shape: both are UNRECOGNISED, so no check concludes from them.
     */
    static NpmTwoFactor twoFactor(JsonNode profile) {
        JsonNode tfa = profile.path("tfa");
        if (tfa.isNull() || tfa.isBoolean() && !tfa.booleanValue()) {
            return new NpmTwoFactor(NpmTwoFactor.Mode.DISABLED, false);
        }
        if (!tfa.isObject()) {
            return new NpmTwoFactor(NpmTwoFactor.Mode.UNRECOGNISED, false);
        }
        boolean pending = JsonFields.bool(tfa, "pending").orElse(false);
        String mode = JsonFields.textOrEmpty(tfa, "mode").toLowerCase(Locale.ROOT);
        NpmTwoFactor.Mode m = switch (mode) {
            case "auth-only" -> NpmTwoFactor.Mode.AUTH_ONLY;
            case "auth-and-writes" -> NpmTwoFactor.Mode.AUTH_AND_WRITES;
            default -> NpmTwoFactor.Mode.UNRECOGNISED;
        };
        return new NpmTwoFactor(m, pending);
    }

    private static String checkedPackageName(String name) throws FetchException {
        String n = PathSegments.checked(name, "npm package name", "check the --npm-package value", true);
        boolean scoped = n.startsWith("@") && n.indexOf('/') > 1 && n.indexOf('/') == n.lastIndexOf('/')
                && n.indexOf('/') < n.length() - 1;
        if (n.indexOf('/') >= 0 && !scoped || n.chars().anyMatch(Character::isWhitespace)) {
            throw Failures.invalidName("'" + n + "' is not a valid npm package name", "check the --npm-package value");
        }
        return n;
    }

    private static ApiRequest request(HttpUrl url, String resource) {
        return ApiRequest.get(Platform.NPM, url, resource).withHeader("Accept", "application/json");
    }
}
