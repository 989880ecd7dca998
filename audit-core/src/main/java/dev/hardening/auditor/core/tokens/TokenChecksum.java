package dev.hardening.auditor.core.tokens;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum GitHub (2021) and npm (2021) put in their tokens: prefix, 30 random characters, then
 * the CRC32 (zlib/IEEE) of those 30 characters written in base62 ({@code 0-9A-Za-z}, most
 * significant digit first, zero-padded to 6). A token whose checksum does not match was not issued
 * by the platform (a placeholder, a typo, a test value), so validating it offline removes false
 * positives without any network call. Sources: github.blog 2021-04-05 and 2021-09-23, via
 * REFERENCE.md.
 */
public final class TokenChecksum {
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public static final int BODY_LENGTH = 30;
    public static final int CHECKSUM_LENGTH = 6;

    private TokenChecksum() {
    }

    /** The 6-character base62 checksum of a token body. */
    public static String of(CharSequence body) {
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    /**
     * Whether a token of the form {@code <prefix><30 chars><6 chars>} carries a valid checksum.
     *
     * @param token  the whole token
     * @param prefix its prefix, e.g. {@code ghp_} or {@code npm_}
     */
    public static boolean isValid(CharSequence token, String prefix) {
        String t = token.toString();
        if (!t.startsWith(prefix) || t.length() != prefix.length() + BODY_LENGTH + CHECKSUM_LENGTH) {
            return false;
        }
        for (int i = prefix.length(); i < t.length(); i++) {
            if (BASE62.indexOf(t.charAt(i)) < 0) {
                return false;
            }
        }
        String body = t.substring(prefix.length(), prefix.length() + BODY_LENGTH);
        return of(body).equals(t.substring(prefix.length() + BODY_LENGTH));
    }
}
