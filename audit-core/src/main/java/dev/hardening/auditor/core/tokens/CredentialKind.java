package dev.hardening.auditor.core.tokens;

/**
 * The kinds of credential the auditor recognises, on a workstation, in a token given to it, or in
 * a platform's token list. Each kind says what it opens and whether it can publish; how to revoke
 * it is in {@link Revocation}.
 */
public enum CredentialKind {
    GITHUB_CLASSIC_PAT("github-classic-pat", "GitHub classic personal access token", "GitHub", true,
            "whatever its scopes allow on every repository of its owner; with repo or workflow it pushes code and"
                    + " starts release workflows"),
    GITHUB_FINE_GRAINED_PAT("github-fine-grained-pat", "GitHub fine-grained personal access token", "GitHub", true,
            "the permissions chosen for it on the repositories chosen for it; with Contents write it pushes code"
                    + " and tags that start release workflows"),
    GITHUB_OAUTH("github-oauth-token", "GitHub OAuth app token (gh CLI and other apps)", "GitHub", true,
            "the scopes granted to the app; the gh CLI asks for repo, read:org and gist, which push code to every"
                    + " repository of the user"),
    GITHUB_USER_TO_SERVER("github-user-to-server-token", "GitHub App user-to-server token", "GitHub", true,
            "act as the user within the app's permissions until it expires (8 hours by default)"),
    GITHUB_INSTALLATION("github-installation-token", "GitHub App installation token", "GitHub", true,
            "act as the app installation within its permissions for one hour (Actions' GITHUB_TOKEN is one)"),
    GITHUB_REFRESH("github-refresh-token", "GitHub App refresh token", "GitHub", true,
            "mint new user-to-server tokens for six months"),
    NPM_TOKEN("npm-token", "npm access token", "npm", true,
            "publish every package its owner can publish, unless it was created read-only or limited to some"
                    + " packages"),
    NPM_LEGACY_TOKEN("npm-legacy-token", "npm legacy (UUID) token", "npm", true,
            "publish every package its owner can publish, unless it was created read-only"),
    NPM_PASSWORD("npm-password", "npm account password (_auth or _password)", "npm", true,
            "log in as the account and publish its packages where 2FA is not required for writes"),
    PYPI_TOKEN("pypi-token", "PyPI API token", "PyPI", true,
            "upload new releases of every project of its owner (account-wide token) or of the projects it is"
                    + " scoped to"),
    PYPI_PASSWORD("pypi-password", "PyPI account password", "PyPI", false,
            "log in as the account (PyPI requires 2FA and accepts uploads only with API tokens or trusted"
                    + " publishing)"),
    AWS_LONG_LIVED_KEY("aws-long-lived-key", "AWS long-lived access key (AKIA)", "AWS", false,
            "whatever the IAM user may do, until the key is deactivated: often S3, CodeArtifact or ECR, where"
                    + " artifacts are published"),
    AWS_TEMPORARY_KEY("aws-temporary-key", "AWS temporary access key (ASIA, with a session token)", "AWS", false,
            "whatever the assumed role may do, until the session expires (at most 36 hours)"),
    SLACK_TOKEN("slack-token", "Slack token", "Slack", false,
            "read and post in the workspace as the bot or user it belongs to"),
    SLACK_WEBHOOK("slack-webhook", "Slack incoming webhook URL", "Slack", false,
            "post messages to one channel"),
    STRIPE_SECRET_KEY("stripe-secret-key", "Stripe secret or restricted key", "Stripe", false,
            "use the Stripe API of the account (live keys move real money)"),
    GOOGLE_API_KEY("google-api-key", "Google API key", "Google Cloud", false,
            "call the Google APIs enabled for the project, billed to it, unless the key is restricted"),
    DOCKER_REGISTRY_AUTH("docker-registry-auth", "container registry credential (docker login)", "container registry", true,
            "push images to the registry as the account"),
    GIT_HOST_CREDENTIAL("git-host-credential", "git host password or token", "git host", true,
            "push code to the host's repositories as the account"),
    NETRC_PASSWORD("netrc-password", "password or token in .netrc", "the named host", false,
            "log in to the named host as the account (curl, git, pip and other tools send it automatically)"),
    SSH_PRIVATE_KEY("ssh-private-key", "SSH private key", "SSH", true,
            "log in or push code wherever its public key is registered (GitHub, servers)"),
    UNKNOWN_SECRET("unknown-secret", "secret of an unrecognised format", "unknown", false,
            "whatever it was issued for");

    private final String id;
    private final String description;
    private final String service;
    private final boolean canPublish;
    private final String capability;

    CredentialKind(String id, String description, String service, boolean canPublish, String capability) {
        this.id = id;
        this.description = description;
        this.service = service;
        this.canPublish = canPublish;
        this.capability = capability;
    }

    /** Stable identifier, used in evidence and the JSON playbook. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The service that issues it. */
    public String service() {
        return service;
    }

    /** Whether a thief could publish packages, images or code with it (read-only variants aside). */
    public boolean canPublish() {
        return canPublish;
    }

    /** What it opens, in one clause. */
    public String capability() {
        return capability;
    }

    /** The kind with this id, if any. */
    public static java.util.Optional<CredentialKind> byId(String id) {
        for (CredentialKind k : values()) {
            if (k.id.equals(id)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
