package dev.hardening.auditor.core.http;

/**
 * Request counters for one host during one audit.
 *
 * @param requests        calls made by clients (answered from cache or network)
 * @param networkRequests requests that reached the network (retries included)
 * @param cacheHits       calls answered from the HTTP cache without a request
 * @param notModified     conditional requests answered 304 (do not count against GitHub's rate limit)
 * @param retries         repeated requests after a 5xx, an I/O error or a rate limit
 * @param errors          calls that ended in an error
 * @param bytes           response body bytes read
 */
public record HostStats(long requests, long networkRequests, long cacheHits, long notModified, long retries,
                        long errors, long bytes) {
}
