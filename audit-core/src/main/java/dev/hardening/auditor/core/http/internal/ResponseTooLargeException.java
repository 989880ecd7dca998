package dev.hardening.auditor.core.http.internal;

import java.io.IOException;

/** A response body exceeded the configured cap. */
public final class ResponseTooLargeException extends IOException {
    private final long limit;

    public ResponseTooLargeException(String host, long limit) {
        super("response from " + host + " is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
