package dev.hardening.auditor.core.http.internal;

import java.io.IOException;

/** A credential would have gone over plain HTTP to a host that is not loopback; refused. */
public final class InsecureTransportException extends IOException {
    public InsecureTransportException(String credentialName, String host) {
        super("refusing to send " + credentialName + " over plain HTTP to " + host + " (use an https:// URL)");
    }
}
