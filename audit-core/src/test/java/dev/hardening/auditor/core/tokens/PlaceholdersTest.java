package dev.hardening.auditor.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "${NPM_TOKEN}", "$GITHUB_TOKEN", "{{ secrets.NPM_TOKEN }}", "%NPM_TOKEN%", "<token>",
            "your-token-here", "YOUR_API_KEY", "xxxxxxxxxxxxxxxx", "0000000000000000", "********", "changeme",
            "REDACTED", "token-${ENV}-suffix", "abcdefghijklmnop", "1234567890"})
    void standInsArePlaceholders(String value) {
        assertThat(Placeholders.isPlaceholder(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {SampleTokens.GITHUB_CLASSIC, SampleTokens.NPM, "hunter2", "Jk8pQw2Lm5Rt7Yx3Vb9Nc4Hs6Df1Ga0",
            "3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"})
    void realLookingValuesAreNot(String value) {
        assertThat(Placeholders.isPlaceholder(value)).isFalse();
    }

    @Test
    void variableReferencesAreNamed() {
        assertThat(Placeholders.variableReference("${NPM_TOKEN}")).contains("NPM_TOKEN");
        assertThat(Placeholders.variableReference("$GH_TOKEN")).contains("GH_TOKEN");
        assertThat(Placeholders.variableReference("npm_${X}")).isEmpty();
    }
}
