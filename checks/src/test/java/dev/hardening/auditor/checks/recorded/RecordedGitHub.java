package dev.hardening.auditor.checks.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.facts.github.GitHubTokenInfo;
import dev.hardening.auditor.core.facts.github.GitHubUser;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import java.util.Optional;

/**
 * Recorded GitHub responses turned into fact records, with the API's field semantics (the
 * production parser lives with the GitHub client; this one exists so check tests run on real shapes).
 */
public final class RecordedGitHub {
    private RecordedGitHub() {
    }

    /** {@code GET /user} or {@code GET /users/{login}}; {@code two_factor_authentication} only when present. */
    public static GitHubUser user(JsonNode n) {
        JsonNode tfa = n.get("two_factor_authentication");
        Optional<Boolean> twoFactor = tfa != null && tfa.isBoolean() ? Optional.of(tfa.asBoolean()) : Optional.empty();
        return new GitHubUser(n.path("login").asText(), n.path("id").asLong(), Json.text(n, "name").orElse(""),
                Json.text(n, "email"), twoFactor, Json.instant(n, "created_at"));
    }

    public static GitHubViewer viewer(JsonNode user, GitHubTokenInfo token) {
        return new GitHubViewer(user(user), token);
    }
}
