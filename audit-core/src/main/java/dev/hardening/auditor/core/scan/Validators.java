package dev.hardening.auditor.core.scan;

import dev.hardening.auditor.core.tokens.AwsAccessKeyId;
import dev.hardening.auditor.core.tokens.TokenChecksum;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Offline checks of candidates whose format defines one. None of them contacts the issuer: a
 * checksum or structure tells whether the platform could have issued the value, not whether it is
 * still live.
 */
public final class Validators {
    private Validators() {
    }

    /** GitHub ({@code ghp_} ...) and npm ({@code npm_}) tokens: CRC32 of the body in base62. */
    public static Validation crc32Token(String token) {
        int underscore = token.indexOf('_');
        if (underscore < 0) {
            return Validation.INVALID;
        }
        return TokenChecksum.isValid(token, token.substring(0, underscore + 1)) ? Validation.VALID : Validation.INVALID;
    }

    /** An AWS access key id decodes (base32 alphabet, known prefix). */
    public static Validation awsAccessKeyId(String keyId) {
        return AwsAccessKeyId.parse(keyId).isPresent() ? Validation.VALID : Validation.INVALID;
    }

    /**
     * A JWT whose header and payload are base64url JSON objects and whose header names a signing
     * algorithm other than {@code none}.
     */
    public static Validation jwt(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Validation.INVALID;
        }
        String header = decodeUrlText(parts[0]);
        String payload = decodeUrlText(parts[1]);
        if (header == null || payload == null || !header.trim().startsWith("{") || !payload.trim().startsWith("{")
                || !header.contains("\"alg\"")) {
            return Validation.INVALID;
        }
        String compact = header.replace(" ", "");
        if (compact.contains("\"alg\":\"none\"") || compact.contains("\"alg\":\"None\"")) {
            return Validation.INVALID;
        }
        return Validation.VALID;
    }

    /**
     * A PyPI token: {@code pypi-} and a base64url pymacaroons v2 macaroon (version byte 2, packets of
     * type and length, a 32-byte signature at the end). Sources: warehouse token-scanning docs and the
     * pymacaroons v2 serialisation, via REFERENCE.md.
     */
    public static Validation pypiMacaroon(String token) {
        // No checksum: a value that does not parse is still reported, only not marked validated.
        return macaroonParses(token) ? Validation.VALID : Validation.UNCHECKED;
    }

    private static boolean macaroonParses(String token) {
        return pypiStructure(token) == Validation.VALID;
    }

    private static Validation pypiStructure(String token) {
        if (!token.startsWith("pypi-")) {
            return Validation.INVALID;
        }
        byte[] raw = decodeUrl(token.substring(5));
        if (raw == null || raw.length < 40 || raw[0] != 2) {
            return Validation.INVALID;
        }
        int i = 1;
        boolean sawLocation = false;
        while (i < raw.length) {
            long[] type = varint(raw, i);
            if (type == null) {
                return Validation.INVALID;
            }
            i = (int) type[1];
            if (type[0] == 0) {
                continue; // end of a section
            }
            long[] len = varint(raw, i);
            if (len == null || len[0] < 0 || len[1] + len[0] > raw.length) {
                return Validation.INVALID;
            }
            i = (int) (len[1] + len[0]);
            if (type[0] == 1) {
                sawLocation = true;
            }
            if (type[0] == 6) {
                return sawLocation && len[0] == 32 && i == raw.length ? Validation.VALID : Validation.INVALID;
            }
        }
        return Validation.INVALID;
    }

    /**
     * The first base64 line of a PEM private key decodes to a DER SEQUENCE (PKCS#1, SEC1, PKCS#8),
     * the OpenSSH key magic, or an OpenPGP secret-key packet: VALID. Otherwise the block is still
     * reported (UNCHECKED): a key block is a leak whatever its body.
     */
    public static Validation privateKeyBody(String firstLine) {
        return privateKeyStructure(firstLine) == Validation.VALID ? Validation.VALID : Validation.UNCHECKED;
    }

    private static Validation privateKeyStructure(String firstLine) {
        int usable = firstLine.length() - firstLine.length() % 4;
        if (usable < 8) {
            return Validation.INVALID;
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(firstLine.substring(0, usable));
        } catch (IllegalArgumentException e) {
            return Validation.INVALID;
        }
        if (der.length < 6) {
            return Validation.INVALID;
        }
        if (new String(der, 0, Math.min(der.length, 14), StandardCharsets.ISO_8859_1).equals("openssh-key-v1")) {
            return Validation.VALID;
        }
        int tag = der[0] & 0xff;
        if (tag == 0x30) {
            int len = der[1] & 0xff;
            // definite short length, or long form of 1-2 bytes: what every real key uses
            return len < 0x80 && len > 0 || len == 0x81 || len == 0x82 ? Validation.VALID : Validation.INVALID;
        }
        // OpenPGP packet: old format secret-key (tag 5) / new format 0xC5
        return tag == 0x94 || tag == 0x95 || tag == 0xC5 ? Validation.VALID : Validation.INVALID;
    }

    /** A Docker {@code auths} entry: base64 of {@code user:password} with a non-empty password. */
    public static Validation dockerAuth(String auth) {
        try {
            String decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0 || colon == decoded.length() - 1) {
                return Validation.INVALID;
            }
            String password = decoded.substring(colon + 1);
            return Allowlist.isGenericPlaceholder(password) && !password.startsWith("dckr_pat_")
                    ? Validation.INVALID : Validation.VALID;
        } catch (IllegalArgumentException e) {
            return Validation.INVALID;
        }
    }

    /** An Azure storage account key: base64 of 64 bytes. */
    public static Validation azureAccountKey(String key) {
        try {
            return Base64.getDecoder().decode(key).length == 64 ? Validation.VALID : Validation.INVALID;
        } catch (IllegalArgumentException e) {
            return Validation.INVALID;
        }
    }

    /** A database URL's password that is not a placeholder ({@code password}, {@code ${DB_PASS}}, ...). */
    public static Validation databasePassword(String password) {
        String lower = password.toLowerCase(java.util.Locale.ROOT);
        boolean standIn = java.util.Set.of("pw", "pwd", "pass", "user", "root", "admin", "secret").contains(lower)
                || Allowlist.hasRun(password, java.util.Set.of("pass"));
        return standIn || Allowlist.isGenericPlaceholder(password) ? Validation.INVALID : Validation.UNCHECKED;
    }

    /** An npm {@code _authToken} value: checked like an npm token when it is one. */
    public static Validation npmrcToken(String value) {
        if (value.startsWith("npm_")) {
            return crc32Token(value);
        }
        return Validation.UNCHECKED;
    }

    private static String decodeUrlText(String part) {
        byte[] b = decodeUrl(part);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] decodeUrl(String s) {
        try {
            String unpadded = s.endsWith("=") ? s.replaceAll("=+$", "") : s;
            return Base64.getUrlDecoder().decode(unpadded.replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A protobuf-style varint at {@code i}: {value, next index}, or null. */
    private static long[] varint(byte[] b, int i) {
        long v = 0;
        int shift = 0;
        while (i < b.length && shift < 35) {
            int x = b[i++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return new long[] {v, i};
            }
            shift += 7;
        }
        return null;
    }
}
