package dev.hardening.auditor.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** How personal data and secrets are shown in evidence: enough to recognise, not enough to use. */
public final class Masking {
    private Masking() {
    }

    /** {@code john@example.com} becomes {@code j***@example.com}; the domain stays readable. */
    public static String email(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String a = address.trim();
        int at = a.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return a.charAt(0) + "***" + a.substring(at).toLowerCase(Locale.ROOT);
    }

    /** The domain part of an address, lower-cased, or empty. */
    public static String domainOf(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A fingerprint that identifies a secret without revealing it: the first 12 hex characters of
     * its SHA-256. Two reports can be compared by fingerprint; the secret cannot be recovered.
     */
    public static String fingerprint(CharSequence secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(secret.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A token's visible prefix (its kind, such as {@code ghp_}) and its fingerprint. */
    public static String token(CharSequence token) {
        String t = token.toString();
        int underscore = t.indexOf('_');
        String prefix = underscore > 0 && underscore <= 12 ? t.substring(0, underscore + 1) : "";
        return (prefix.isEmpty() ? "" : prefix + "… ") + fingerprint(t);
    }
}
