package dev.hardening.auditor.core.tokens;

import java.util.List;
import java.util.Optional;

/**
 * Every recogniser the auditor knows, tried in order. To add a family, add one line to
 * {@link #standard()}.
 */
public final class TokenRecognizers {
    private static final TokenRecognizers STANDARD = new TokenRecognizers(List.of(
            new GitHubTokenRecognizer(),
            new NpmTokenRecognizer(),
            new PyPITokenRecognizer(),
            new AwsAccessKeyRecognizer(),
            new SlackTokenRecognizer(),
            new StripeKeyRecognizer(),
            new GoogleApiKeyRecognizer()));

    private final List<TokenRecognizer> recognizers;

    public TokenRecognizers(List<TokenRecognizer> recognizers) {
        this.recognizers = List.copyOf(recognizers);
    }

    public static TokenRecognizers standard() {
        return STANDARD;
    }

    /** The first recogniser's answer for the trimmed value, or empty when no family matches. */
    public Optional<TokenInspection> inspect(CharSequence token) {
        if (token == null) {
            return Optional.empty();
        }
        CharSequence t = trim(token);
        if (t.length() == 0) {
            return Optional.empty();
        }
        for (TokenRecognizer r : recognizers) {
            Optional<TokenInspection> found = r.inspect(t);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static CharSequence trim(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.subSequence(start, end);
    }
}
