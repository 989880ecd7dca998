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
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
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

    /** {@code GET /pypi/{project}/json}: the project with every release and its files. */
    public PyPIProject project(String name) throws FetchException {
        String n = PathSegments.checked(name, "PyPI project name", "check the --pypi-project value", false);
        HttpUrl url = baseUrl.newBuilder().addPathSegment("pypi").addPathSegment(n).addPathSegment("json").build();
        ApiRequest request = ApiRequest.get(Platform.PYPI, url, "GET /pypi/" + n + "/json")
                .withHeader("Accept", "application/json");
        JsonNode json = gateway.getJsonIfFound(request).orElseThrow(() -> Failures.notFound(
                "PyPI has no project named '" + n + "'", "check the --pypi-project name"));
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
