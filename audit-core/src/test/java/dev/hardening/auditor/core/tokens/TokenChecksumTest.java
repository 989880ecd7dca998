package dev.hardening.auditor.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenChecksumTest {

    /** The worked example published with GitHub's token format (gist coolaj86, via REFERENCE.md). */
    @Test
    void published_example_body_has_the_published_checksum() {
        assertThat(TokenChecksum.of("zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ")).isEqualTo("0mLq17");
        assertThat(TokenChecksum.isValid("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", "ghp_")).isTrue();
    }

    @Test
    void the_same_scheme_validates_npm_tokens_and_rejects_wrong_checksums_and_shapes() {
        String body = "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ";
        assertThat(TokenChecksum.isValid("npm_" + body + "0mLq17", "npm_")).isTrue();
        assertThat(TokenChecksum.isValid("npm_" + body + "0mLq18", "npm_")).isFalse();
        assertThat(TokenChecksum.isValid("ghp_" + body + "0mLq1", "ghp_")).isFalse();
        assertThat(TokenChecksum.isValid("ghp_" + body.replace('z', '-') + "0mLq17", "ghp_")).isFalse();
        assertThat(TokenChecksum.isValid("gho_" + body + "0mLq17", "ghp_")).isFalse();
        assertThat(TokenChecksum.isValid("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_")).isFalse();
    }
}
