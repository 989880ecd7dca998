package dev.hardening.auditor.core.clients.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.PathSegments;
import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.pypi.PyPIFileProvenance;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIPublisher;
import dev.hardening.auditor.core.facts.pypi.PyPIWheelEntries;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.ApiResponse;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.http.LoopbackHosts;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.core.tokens.pypi.InvalidTokenException;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenDecoder;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * PyPI JSON API ({@code /pypi/{project}/json}) and Integrity API ({@code /integrity/...}) client,
 * and the offline inspection of the PyPI token given to the audit: that token is only ever decoded
 * here, never attached to a request (the HTTP layer is not even told it exists).
 */
public final class PyPIClient {
    static final String INTEGRITY_ACCEPT = "application/vnd.pypi.integrity.v1+json";
    /** A wheel's central directory is usually a few kilobytes; this tail holds it for all but huge wheels. */
    static final int WHEEL_TAIL_BYTES = 64 * 1024;
    static final long MAX_CENTRAL_DIRECTORY_BYTES = 8L * 1024 * 1024;
    /** Ten thousand projects in XML-RPC take about 1.5 MB. */
    static final long USER_PACKAGES_MAX_BYTES = 4L * 1024 * 1024;

    private final HttpGateway gateway;
    private final HttpUrl baseUrl;
    private final Optional<Secret> offlineToken;

    public PyPIClient(HttpGateway gateway, HttpUrl baseUrl) {
        this(gateway, baseUrl, Optional.empty());
    }

    /** @param offlineToken a PyPI API token to decode locally; it is never sent */
    public PyPIClient(HttpGateway gateway, HttpUrl baseUrl, Optional<Secret> offlineToken) {
        this.gateway = gateway;
        this.baseUrl = baseUrl;
        this.offlineToken = offlineToken;
    }

    /**
     * The entry names of one wheel, from its ZIP central directory: a range request for the last
     * {@value #WHEEL_TAIL_BYTES} bytes, and a second one from the directory's start when it is larger.
     * A server that ignores ranges sends the whole file, which the response size cap bounds.
     */
    public PyPIWheelEntries wheelEntries(String project, String version, String filename, String fileUrl) throws FetchException {
        HttpUrl url = HttpUrl.parse(fileUrl == null ? "" : fileUrl);
        if (url == null || !url.isHttps() && !LoopbackHosts.isLoopback(url.host())) {
            throw Failures.of(Cause.NOT_CONFIGURED, "PyPI lists no https URL for " + filename, "check the --pypi-url setting", 0);
        }
        String resource = "GET " + filename;
        ApiResponse tail = gateway.get(ApiRequest.get(Platform.PYPI, url, resource + " (end of file)")
                .withHeader("Range", "bytes=-" + WHEEL_TAIL_BYTES));
        long length = fileLength(tail);
        try {
            ZipCentralDirectory.Listing listing = ZipCentralDirectory.read(tail.body(), length);
            if (listing.needsFrom().isPresent()) {
                long from = listing.needsFrom().getAsLong();
                if (length - from > MAX_CENTRAL_DIRECTORY_BYTES) {
                    throw Failures.of(Cause.TOO_LARGE, "the file list of " + filename + " is larger than "
                            + MAX_CENTRAL_DIRECTORY_BYTES / (1024 * 1024) + " MB", "inspect the wheel by hand", 0);
                }
                ApiResponse directory = gateway.get(ApiRequest.get(Platform.PYPI, url, resource + " (file list)")
                        .withHeader("Range", "bytes=" + from + "-"));
                listing = ZipCentralDirectory.read(directory.body(), fileLength(directory));
            }
            return new PyPIWheelEntries(project, version, filename, listing.names(), listing.complete());
        } catch (IllegalArgumentException e) {
            throw Failures.malformed(filename + " does not end like a ZIP file (" + e.getMessage() + ")",
                    "inspect the wheel by hand", tail.status());
        }
    }

    /** The whole file's length: from {@code Content-Range} of a 206, else the body of a full 200. */
    private static long fileLength(ApiResponse response) throws FetchException {
        if (response.status() != 206) {
            return response.body().length;
        }
        String range = Optional.ofNullable(response.header("Content-Range")).orElse("");
        int slash = range.lastIndexOf('/');
        try {
            return Long.parseLong(range.substring(slash + 1).trim());
        } catch (RuntimeException e) {
            throw Failures.malformed("a partial response without a usable Content-Range header", "retry later", 206);
        }
    }

    /** Whether a PyPI token was given for offline inspection. */
    public boolean hasOfflineToken() {
        return offlineToken.isPresent();
    }

    /** The given PyPI token, decoded on this machine (no request is made). */
    public PyPITokenInfo tokenScope() throws CollectionException {
        if (offlineToken.isEmpty()) {
            throw new CollectionException(Unavailability.of(Cause.NO_CREDENTIAL, "No PyPI token was given to inspect.",
                    "PYPI_TOKEN or --pypi-token-file (decoded offline, never sent)"));
        }
        char[] chars = offlineToken.get().revealChars();
        try {
            return PyPITokenDecoder.decode(java.nio.CharBuffer.wrap(chars));
        } catch (InvalidTokenException e) {
            throw new CollectionException(Unavailability.of(Cause.MALFORMED, "The PyPI token given cannot be decoded: "
                    + e.getMessage(), "check PYPI_TOKEN or the --pypi-token-file content (the whole pypi-… value)"));
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    /**
     * The projects of a PyPI user, through the XML-RPC method {@code user_packages} ({@code POST /pypi}):
     * the only PyPI API that lists them. PyPI calls its XML-RPC API legacy, and it may rate-limit it; an
     * unknown user gets an empty list, as from PyPI.
     */
    public List<PyPIUserProject> userProjects(String user) throws FetchException {
        String u = PathSegments.checked(user, "PyPI user name", "check the --pypi-user value", false);
        HttpUrl url = baseUrl.newBuilder().addPathSegment("pypi").build();
        String call = "<?xml version='1.0'?>\n<methodCall><methodName>user_packages</methodName><params><param>"
                + "<value><string>" + xmlText(u) + "</string></value></param></params></methodCall>\n";
        ApiRequest request = ApiRequest.post(Platform.PYPI, url, "POST /pypi (XML-RPC user_packages " + u + ")",
                "text/xml", call).withHeader("Accept", "text/xml");
        ApiResponse response = gateway.get(request, status -> status == 200, USER_PACKAGES_MAX_BYTES);
        try {
            return UserPackagesResponse.parse(response.body());
        } catch (UserPackagesResponse.MalformedResponse e) {
            throw Failures.malformed(e.getMessage() + " (" + request.resource() + ")",
                    "name the projects with --pypi-project instead", response.status());
        }
    }

    private static String xmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code GET /pypi/{project}/json}: the project with every release and its files. */
    public PyPIProject project(String name) throws FetchException {
        String n = PathSegments.checked(name, "PyPI project name", "check the --pypi-project value", false);
        HttpUrl url = baseUrl.newBuilder().addPathSegment("pypi").addPathSegment(n).addPathSegment("json").build();
        ApiRequest request = ApiRequest.get(Platform.PYPI, url, "GET /pypi/" + n + "/json")
                .withHeader("Accept", "application/json");
        JsonNode json = gateway.getJsonIfFound(request).orElseThrow(() -> Failures.notFound(
                "PyPI has no project named '" + n + "'", "check the --pypi-project name"));
        // Without its info object the document is not a project (an error page or another API's answer in JSON):
        // read as one, it would say the project publishes nothing.
        if (!json.path("info").isObject() || !json.path("info").path("name").isTextual()) {
            throw Failures.malformed("PyPI's answer for " + n + " is not a project document (no info.name)",
                    "retry later; if it persists, check the --pypi-url setting", 200);
        }
        return ProjectParser.parse(n, json);
    }

    /**
     * {@code GET /integrity/{project}/{version}/{filename}/provenance}: the PEP 740 provenance of one
     * file. A 404 is an answer, not a failure: the file was uploaded without attestations.
     */
    public PyPIFileProvenance provenance(String project, String version, String filename) throws FetchException {
        String p = PathSegments.checked(project, "PyPI project name", "check the --pypi-project value", false);
        String v = PathSegments.checked(version, "PyPI release version", "check the version", false);
        String f = PathSegments.checked(filename, "PyPI file name", "check the file name", false);
        HttpUrl url = baseUrl.newBuilder().addPathSegment("integrity").addPathSegment(p).addPathSegment(v)
                .addPathSegment(f).addPathSegment("provenance").build();
        ApiRequest request = ApiRequest.get(Platform.PYPI, url, "GET /integrity/" + p + "/" + v + "/" + f + "/provenance")
                .withHeader("Accept", INTEGRITY_ACCEPT);
        Optional<JsonNode> json = gateway.getJsonIfFound(request);
        if (json.isEmpty()) {
            return new PyPIFileProvenance(p, v, f, false, List.of());
        }
        if (!json.get().path("attestation_bundles").isArray()) {
            throw Failures.malformed("PyPI's provenance of " + f + " has no attestation_bundles list",
                    "retry later; if it persists, check the --pypi-url setting", 200);
        }
        List<PyPIPublisher> publishers = new ArrayList<>();
        for (JsonNode bundle : JsonFields.elements(json.get().path("attestation_bundles"))) {
            JsonNode publisher = bundle.path("publisher");
            if (publisher.isObject()) {
                publishers.add(new PyPIPublisher(
                        JsonFields.textOrEmpty(publisher, "kind"),
                        JsonFields.textOrEmpty(publisher, "repository"),
                        // GitHub publishers name a "workflow"; GitLab publishers a "workflow_filepath".
                        JsonFields.text(publisher, "workflow")
                                .or(() -> JsonFields.text(publisher, "workflow_filepath")).orElse(""),
                        JsonFields.text(publisher, "environment")));
            }
        }
        return new PyPIFileProvenance(p, v, f, true, publishers);
    }
}
