package dev.hardening.auditor.core.clients.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.ApiResponse;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Reads a paginated GitHub list by following {@code Link: <...>; rel="next"} headers, the way GitHub
 * documents (never by guessing page numbers). A next link is followed only to the same scheme, host
 * and port as the first request, and at most {@code maxPages} pages are read; the caller learns
 * whether the list was cut.
 */
final class RepoPages {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    /** The items of every page read, and whether a further page was left unread. */
    record Items(List<JsonNode> items, boolean truncated) {
        Items {
            items = List.copyOf(items);
        }
    }

    private RepoPages() {
    }

    /** Every page, up to {@code maxPages}. */
    static Items readAll(HttpGateway gateway, ApiRequest first, int maxPages) throws FetchException {
        return readUntil(gateway, first, maxPages, items -> false);
    }

    /**
     * Pages until {@code enough} says the items read so far suffice, there is no next page, or
     * {@code maxPages} were read (then {@code truncated} is true if a next page existed).
     */
    static Items readUntil(HttpGateway gateway, ApiRequest first, int maxPages, Predicate<List<JsonNode>> enough)
            throws FetchException {
        List<JsonNode> items = new ArrayList<>();
        ApiRequest request = first;
        for (int page = 1; ; page++) {
            ApiResponse response = gateway.get(request);
            JsonNode json = gateway.parseJson(request, response);
            if (!json.isArray()) {
                throw Failures.malformed("GitHub answered " + request.resource() + " with a "
                                + (json.isObject() ? "single object" : "value") + " instead of a list",
                        "check the GitHub URL setting; retry later", response.status());
            }
            json.forEach(items::add);
            Optional<HttpUrl> next = nextLink(response.header("Link"), request.url());
            if (next.isEmpty() || enough.test(items)) {
                return new Items(items, false);
            }
            // A next page elsewhere is never followed (it would be another server), nor one past the limit.
            if (!sameOrigin(next.get(), request.url()) || page >= maxPages) {
                return new Items(items, true);
            }
            request = new ApiRequest(first.platform(), next.get(), first.resource() + " (page " + (page + 1) + ")",
                    first.headers());
        }
    }

    /** The {@code rel="next"} target of a {@code Link} header, resolved against the current URL. */
    static Optional<HttpUrl> nextLink(String header, HttpUrl current) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = REL_NEXT.matcher(link.group(2));
            while (rel.find()) {
                for (String r : rel.group(1).trim().split("\\s+")) {
                    if (r.equalsIgnoreCase("next")) {
                        return Optional.ofNullable(current.resolve(link.group(1).trim()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }
}
