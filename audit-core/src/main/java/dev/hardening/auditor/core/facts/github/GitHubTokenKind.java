package dev.hardening.auditor.core.facts.github;

/** The kinds of GitHub token, recognised by their documented prefixes. */
public enum GitHubTokenKind {
    CLASSIC_PAT("ghp_", "classic personal access token"),
    FINE_GRAINED_PAT("github_pat_", "fine-grained personal access token"),
    OAUTH_APP("gho_", "OAuth app token"),
    USER_TO_SERVER("ghu_", "GitHub App user-to-server token"),
    INSTALLATION("ghs_", "GitHub App installation token"),
    REFRESH("ghr_", "GitHub App refresh token"),
    UNKNOWN("", "token of unknown format");

    private final String prefix;
    private final String description;

    GitHubTokenKind(String prefix, String description) {
        this.prefix = prefix;
        this.description = description;
    }

    public String prefix() {
        return prefix;
    }

    public String description() {
        return description;
    }

    /** Recognises a token by prefix; a 40-hex-character token is a legacy classic token. */
    public static GitHubTokenKind of(CharSequence token) {
        String t = token.toString();
        for (GitHubTokenKind k : values()) {
            if (!k.prefix.isEmpty() && t.startsWith(k.prefix)) {
                return k;
            }
        }
        if (t.matches("[0-9a-f]{40}")) {
            return CLASSIC_PAT;
        }
        return UNKNOWN;
    }
}
