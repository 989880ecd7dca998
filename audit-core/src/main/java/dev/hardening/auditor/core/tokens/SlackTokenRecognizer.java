package dev.hardening.auditor.core.tokens;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Slack tokens ({@code xoxb-} bot, {@code xoxp-} user, {@code xapp-} app-level, ...) and incoming webhook URLs. No checksum. */
final class SlackTokenRecognizer implements TokenRecognizer {
    private static final Pattern TOKEN = Pattern.compile("xox([abposre])-[0-9A-Za-z-]{10,250}");
    private static final Pattern APP = Pattern.compile("xapp-[0-9]-[A-Za-z0-9-]{10,250}");
    private static final Pattern CONFIG = Pattern.compile("xoxe\\.xox[bp]-[0-9]-[A-Za-z0-9-]{40,250}");
    private static final Pattern WEBHOOK = Pattern.compile(
            "https://hooks\\.slack\\.com/(services|workflows|triggers)/[A-Za-z0-9+/_-]{20,200}");

    @Override
    public Optional<TokenInspection> inspect(CharSequence token) {
        String t = token.toString();
        if (t.startsWith("https://hooks.slack.com/")) {
            return Optional.of(TokenInspection.of(CredentialKind.SLACK_WEBHOOK, validity(t, WEBHOOK), List.of(), t));
        }
        if (t.startsWith("xapp-")) {
            return Optional.of(TokenInspection.of(CredentialKind.SLACK_TOKEN, validity(t, APP), List.of("app-level token"), t));
        }
        if (t.startsWith("xoxe.")) {
            return Optional.of(TokenInspection.of(CredentialKind.SLACK_TOKEN, validity(t, CONFIG),
                    List.of("configuration token"), t));
        }
        if (t.length() < 5 || !t.startsWith("xox") || t.charAt(4) != '-') {
            return Optional.empty();
        }
        String type = switch (t.charAt(3)) {
            case 'b' -> "bot token";
            case 'p' -> "user token";
            case 'a' -> "workspace app token";
            case 'r' -> "refresh token";
            case 'o', 's' -> "legacy token";
            case 'e' -> "refresh token (token rotation)";
            default -> "";
        };
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TokenInspection.of(CredentialKind.SLACK_TOKEN, validity(t, TOKEN), List.of(type), t));
    }

    private static FormatValidity validity(String t, Pattern shape) {
        if (Placeholders.isPlaceholder(t.substring(5))) {
            return FormatValidity.EXAMPLE;
        }
        return shape.matcher(t).matches() ? FormatValidity.WELL_FORMED : FormatValidity.MALFORMED;
    }
}
