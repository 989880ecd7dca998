package dev.hardening.auditor.core.clients.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.ApiResponse;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Reads a GitHub list endpoint page by page through its {@code Link: <...>; rel="next"} header, up to
 * a bound. Every page must be a JSON array. A next link that leaves the first request's origin
 * (scheme, host, port) is refused: the token is scoped to that origin and the list would not be
 * GitHub's; a next link back to a page already read ends the list. Shared by the account and
 * repository clients.
 */
public final class GitHubPages {
    /** {@code <url>; param; param}, one per link; commas inside the angle brackets stay in the URL. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
    private static final Pattern REL = Pattern.compile("(?i)(?:^|;)\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]+))");

    private final HttpGateway gateway;

    public GitHubPages(HttpGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * How far to read.
     *
     * @param maxItems stop once this many items are read (the rest of the page is dropped)
     * @param maxPages stop after this many pages
     */
    public record Limit(int maxItems, int maxPages) {
        public Limit {
            if (maxItems < 1 || maxPages < 1) {
                throw new IllegalArgumentException("limits must be positive: " + maxItems + ", " + maxPages);
            }
        }

        /** Every item, within a generous safety bound of pages. */
        public static Limit all(int maxPages) {
            return new Limit(Integer.MAX_VALUE, maxPages);
        }

        public static Limit items(int maxItems, int perPage) {
            return new Limit(maxItems, Math.max(1, (maxItems + perPage - 1) / perPage));
        }
    }

    /**
     * The items read.
     *
     * @param complete whether the list ended within the limit (no next page and nothing dropped)
     * @param pages    how many pages were requested
     */
    public record Result(List<JsonNode> items, boolean complete, int pages) {
        public Result {
            items = List.copyOf(items);
        }
    }

    /** Reads from {@code first} on, following next links with the same headers. */
    public Result fetch(ApiRequest first, Limit limit) throws FetchException {
        return fetch(first, limit, read -> false);
    }

    /**
     * As {@link #fetch(ApiRequest, Limit)}, also stopping after a page once {@code enough} says the
     * items read so far suffice (the result is then not complete if a next page existed).
     */
    public Result fetch(ApiRequest first, Limit limit, Predicate<List<JsonNode>> enough) throws FetchException {
        List<JsonNode> items = new ArrayList<>();
        Set<HttpUrl> seen = new HashSet<>();
        ApiRequest request = first;
        int pages = 0;
        while (true) {
            seen.add(request.url());
            ApiResponse response = gateway.get(request);
            pages++;
            JsonNode page = gateway.parseJson(request, response);
            if (!page.isArray()) {
                throw Failures.malformed("GitHub answered " + request.resource() + " with "
                        + (page.isObject() ? "an object" : "a " + page.getNodeType().name().toLowerCase(Locale.ROOT))
                        + " instead of a list", "check the GitHub API URL setting (it must point at the REST API)",
                        response.status());
            }
            for (JsonNode item : page) {
                if (items.size() == limit.maxItems()) {
                    return new Result(items, false, pages);
                }
                items.add(item);
            }
            Optional<HttpUrl> next = nextLink(response.header("Link"), request.url());
            if (next.isEmpty()) {
                return new Result(items, true, pages);
            }
            if (items.size() == limit.maxItems() || pages == limit.maxPages() || enough.test(items)) {
                return new Result(items, false, pages);
            }
            HttpUrl url = next.get();
            if (!sameOrigin(url, first.url())) {
                throw Failures.malformed("GitHub's next-page link for " + first.resource() + " points to another host ("
                        + url.host() + "); the auditor does not follow it", "check the GitHub API URL setting and any proxy",
                        response.status());
            }
            if (seen.contains(url)) {
                // A link back to a page already read would loop forever: the list ends here.
                return new Result(items, true, pages);
            }
            request = new ApiRequest(first.platform(), url, first.resource() + " (page " + (pages + 1) + ")", first.headers());
        }
    }

    /** The {@code rel="next"} target of a {@code Link} header, resolved against {@code base}; empty if none. */
    public static Optional<HttpUrl> nextLink(String linkHeader, HttpUrl base) {
        if (linkHeader == null || linkHeader.isBlank()) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(linkHeader);
        while (link.find()) {
            if (isNext(link.group(2))) {
                return Optional.ofNullable(base.resolve(link.group(1).trim()));
            }
        }
        return Optional.empty();
    }

    private static boolean isNext(String params) {
        Matcher rel = REL.matcher(params);
        while (rel.find()) {
            String value = rel.group(1) != null ? rel.group(1) : rel.group(2);
            for (String r : value.trim().split("\\s+")) {
                if (r.equalsIgnoreCase("next")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }
}
