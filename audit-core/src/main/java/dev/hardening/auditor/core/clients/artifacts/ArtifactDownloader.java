package dev.hardening.auditor.core.clients.artifacts;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.model.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import okhttp3.HttpUrl;

/**
 * Downloads published artifacts (npm tarballs, PyPI wheels and sdists) as bounded streams, and
 * verifies the digest the registry published for them while the bytes stream past: the reader sees
 * the bytes once, nothing is written to disk, and a download that does not match its digest is
 * refused (what was read from it must not be trusted).
 */
public final class ArtifactDownloader {
    /** Default cap on one artifact's compressed size. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private final HttpGateway gateway;
    private final long maxBytes;

    public ArtifactDownloader(HttpGateway gateway) {
        this(gateway, DEFAULT_MAX_BYTES);
    }

    public ArtifactDownloader(HttpGateway gateway, long maxBytes) {
        this.gateway = gateway;
        this.maxBytes = maxBytes;
    }

    /** Reads an artifact's bytes; the stream ends at the artifact's end. */
    @FunctionalInterface
    public interface ArtifactReader<T> {
        T read(InputStream artifact) throws IOException;
    }

    /**
     * Streams the artifact at {@code url} through {@code reader}, then checks its digest.
     *
     * @param platform whose artifact it is (for messages and progress)
     * @param url      the artifact URL from the registry's metadata ({@code dist.tarball}, {@code urls[].url})
     * @param name     how to name it to the user, e.g. {@code left-pad-1.3.0.tgz}
     * @param expected the published digest
     * @throws FetchException when the download fails, is too large, or does not match the digest
     */
    public <T> T download(Platform platform, String url, String name, ExpectedDigest expected, ArtifactReader<T> reader)
            throws FetchException {
        HttpUrl parsed = HttpUrl.parse(url == null ? "" : url);
        if (parsed == null) {
            throw new FetchException(Unavailability.of(Cause.MALFORMED, platform.displayName()
                    + " published no usable download URL for " + name, "report it to the registry"), 0);
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(expected.algorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new FetchException(Unavailability.of(Cause.INTERNAL, expected.algorithm() + " is not available to verify "
                    + name, "run the auditor on a standard Java runtime"), 0, e);
        }
        ApiRequest request = ApiRequest.get(platform, parsed, "download " + name);
        T result = gateway.getStream(request, maxBytes, (body, length) -> {
            DigestInputStream verified = new DigestInputStream(body, digest);
            T r = reader.read(verified);
            // The reader may stop early (an archive's end-of-archive marker): the digest covers every byte.
            verified.transferTo(java.io.OutputStream.nullOutputStream());
            return r;
        });
        if (!MessageDigest.isEqual(digest.digest(), expected.value())) {
            throw new FetchException(Unavailability.of(Cause.MALFORMED, "the download of " + name + " does not match its "
                    + expected.label() + "; nothing read from it is reported",
                    "retry; if it persists, the registry or a proxy serves altered content: report it"), 0);
        }
        return result;
    }
}
