package dev.hardening.auditor.core.workstation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** {@code base64(user:password)} as npm's {@code _auth} and docker's {@code auth} hold it. */
final class Base64Credentials {
    record UserPassword(String user, String password) {
        @Override
        public String toString() {
            return "UserPassword[" + user + ", password redacted]";
        }
    }

    private Base64Credentials() {
    }

    static Optional<UserPassword> decode(String base64) {
        Optional<String> text = decodeText(base64);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int colon = text.get().indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new UserPassword(text.get().substring(0, colon), text.get().substring(colon + 1)));
    }

    static Optional<String> decodeText(String base64) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(base64.strip());
            return bytes.length == 0 ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
