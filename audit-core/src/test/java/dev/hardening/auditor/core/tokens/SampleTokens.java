package dev.hardening.auditor.core.tokens;

/**
 * Token-shaped test values. The GitHub body and checksum are the worked example published with
 * GitHub's token format (gist coolaj86, via REFERENCE.md); other checksummed values are built with
 * the same CRC32 scheme from random-looking bodies, so that no real credential is in the tests.
 */
public final class SampleTokens {
    public static final String BODY = "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ";
    public static final String GITHUB_CLASSIC = "ghp_" + BODY + "0mLq17";
    public static final String GITHUB_CLASSIC_BAD_CHECKSUM = "ghp_" + BODY + "0mLq18";
    public static final String NPM = "npm_" + BODY + "0mLq17";
    public static final String NPM_BAD_CHECKSUM = "npm_" + BODY + "1mLq17";

    private SampleTokens() {
    }

    /** A checksum-valid token of the given prefix with the given 30-character body. */
    public static String withChecksum(String prefix, String body) {
        return prefix + body + TokenChecksum.of(body);
    }
}
