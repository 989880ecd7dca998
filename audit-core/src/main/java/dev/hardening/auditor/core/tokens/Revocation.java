package dev.hardening.auditor.core.tokens;

import dev.hardening.auditor.core.model.RemediationStep;
import java.util.List;

/**
 * How to revoke and replace each kind of credential, in order: revoke first (a stolen copy stops
 * working), then look for what it was used for, then replace it with something that cannot be
 * stolen the same way. Used by {@code token-inspect} and by the incident playbook.
 */
public final class Revocation {
    private Revocation() {
    }

    public static List<RemediationStep> stepsFor(CredentialKind kind) {
        return switch (kind) {
            case GITHUB_CLASSIC_PAT -> List.of(
                    step("Delete the token on GitHub (Settings > Developer settings > Personal access tokens > Tokens (classic)).",
                            "https://github.com/settings/tokens", ""),
                    step("Review what it did: the security log shows its use by token.", "https://github.com/settings/security-log", ""),
                    step("If you still need one, create a fine-grained token with only the repositories and permissions needed,"
                            + " and an expiry.", "https://github.com/settings/personal-access-tokens/new", ""));
            case GITHUB_FINE_GRAINED_PAT -> List.of(
                    step("Revoke the token on GitHub (Settings > Developer settings > Fine-grained tokens).",
                            "https://github.com/settings/personal-access-tokens", ""),
                    step("Review what it did in the security log.", "https://github.com/settings/security-log", ""));
            case GITHUB_OAUTH -> List.of(
                    step("Revoke the app's access on GitHub (Settings > Applications > Authorized OAuth Apps); for the gh CLI"
                            + " that is \"GitHub CLI\".", "https://github.com/settings/applications", ""),
                    step("Log the CLI out so it forgets the token.", "", "gh auth logout"),
                    step("Log in again with the token kept in the system keyring rather than a file (the default of current gh"
                            + " releases).", "https://cli.github.com/manual/gh_auth_login", "gh auth login"));
            case GITHUB_USER_TO_SERVER, GITHUB_REFRESH -> List.of(
                    step("Revoke the GitHub App's authorization (Settings > Applications > Authorized GitHub Apps); it"
                            + " invalidates its user-to-server and refresh tokens.", "https://github.com/settings/apps/authorizations", ""));
            case GITHUB_INSTALLATION -> List.of(
                    step("Revoke the installation token through the API (it expires within an hour anyway).",
                            "https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token",
                            "gh api -X DELETE /installation/token"),
                    step("If the app's private key may have leaked, generate a new one and delete the old one in the app's"
                            + " settings.", "https://github.com/settings/apps", ""));
            case NPM_TOKEN, NPM_LEGACY_TOKEN -> List.of(
                    step("Revoke the token: list your tokens and revoke the one with this fingerprint's prefix, or do it on"
                            + " the website (Access Tokens).", "https://docs.npmjs.com/revoking-access-tokens", "npm token list"),
                    step("Check that no version was published with it: compare each package's recent versions with your"
                            + " tags.", "", "npm view <package> time --json"),
                    step("Publish from CI with trusted publishing (OIDC) instead of a long-lived token.",
                            "https://docs.npmjs.com/trusted-publishers", ""));
            case NPM_PASSWORD -> List.of(
                    step("Change the npm password at once (it was stored in a file).", "",
                            "npm profile set password"),
                    step("Remove _auth / _password from .npmrc and log in again; npm then stores a session token.", "", "npm login"),
                    step("Require 2FA for authorization and writes.", "https://docs.npmjs.com/configuring-two-factor-authentication",
                            "npm profile enable-2fa auth-and-writes"));
            case PYPI_TOKEN -> List.of(
                    step("Delete the token in your PyPI account settings (API tokens).", "https://pypi.org/manage/account/#api-tokens", ""),
                    step("Check the projects' recent releases and the account's security history for uploads you did not"
                            + " make.", "https://pypi.org/manage/account/", ""),
                    step("Publish from CI with trusted publishing; if a token is still needed, scope it to one project.",
                            "https://docs.pypi.org/trusted-publishers/", ""));
            case PYPI_PASSWORD -> List.of(
                    step("Change the PyPI password and remove it from .pypirc.", "https://pypi.org/manage/account/", ""),
                    step("Use trusted publishing or a project-scoped API token for uploads.", "https://docs.pypi.org/trusted-publishers/", ""));
            case AWS_LONG_LIVED_KEY -> List.of(
                    step("Deactivate the access key, then delete it once nothing breaks.",
                            "https://console.aws.amazon.com/iam/home#/security_credentials",
                            "aws iam update-access-key --status Inactive --access-key-id <key-id>"),
                    step("Review CloudTrail for calls made with the key id.", "https://console.aws.amazon.com/cloudtrail/home", ""),
                    step("Use short-lived credentials instead (IAM Identity Center: aws sso login).",
                            "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html", "aws sso login"));
            case AWS_TEMPORARY_KEY -> List.of(
                    step("Revoke the role's active sessions if the credentials may have been copied.",
                            "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html", ""),
                    step("Remove them from the file; let the CLI fetch them on demand (aws sso login, credential_process).",
                            "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html", "aws sso login"));
            case SLACK_TOKEN -> List.of(
                    step("Revoke the token (auth.revoke) or reinstall the app to rotate it.", "https://api.slack.com/methods/auth.revoke", ""));
            case SLACK_WEBHOOK -> List.of(
                    step("Remove the webhook in the app's Incoming Webhooks settings and create a new one.", "https://api.slack.com/apps", ""));
            case STRIPE_SECRET_KEY -> List.of(
                    step("Roll the key in the Stripe dashboard (API keys).", "https://dashboard.stripe.com/apikeys", ""));
            case GOOGLE_API_KEY -> List.of(
                    step("Regenerate or delete the key in the Cloud console (APIs & Services > Credentials), then restrict the new"
                            + " one to the APIs and referrers it needs.", "https://console.cloud.google.com/apis/credentials", ""));
            case DOCKER_REGISTRY_AUTH -> List.of(
                    step("Revoke the access token (or change the password) at the registry; for Docker Hub, under Personal access"
                            + " tokens.", "https://app.docker.com/settings/personal-access-tokens", ""),
                    step("Log out so the credential leaves config.json.", "", "docker logout <registry>"),
                    step("Log in again with a credential store (credsStore: osxkeychain, wincred, pass or secretservice).",
                            "https://docs.docker.com/reference/cli/docker/login/", ""));
            case GIT_HOST_CREDENTIAL -> List.of(
                    step("Revoke the token (or change the password) on the git host it belongs to.", "", ""),
                    step("Delete the line from the credentials file and use a credential helper that keeps secrets in the"
                            + " system keychain (Git Credential Manager, osxkeychain, libsecret).",
                            "https://git-scm.com/docs/gitcredentials", "git config --global credential.helper manager"));
            case NETRC_PASSWORD -> List.of(
                    step("Change the password or revoke the token at the host named in .netrc.", "", ""),
                    step("Remove the entry; if a tool needs it, keep .netrc at mode 600 and the entry limited to one host.", "",
                            "chmod 600 ~/.netrc"));
            case SSH_PRIVATE_KEY -> List.of(
                    step("Remove the public key from GitHub (and every server that trusts it).", "https://github.com/settings/keys", ""),
                    step("Create a new key kept on a security key, or at least protected by a passphrase.",
                            "https://docs.github.com/en/authentication/connecting-to-github-with-ssh/generating-a-new-ssh-key-and-adding-it-to-the-ssh-agent",
                            "ssh-keygen -t ed25519-sk"));
            case UNKNOWN_SECRET -> List.of(
                    step("Rotate the secret with whoever issued it, then remove it from the file or variable.", "", ""));
        };
    }

    private static RemediationStep step(String text, String url, String command) {
        return new RemediationStep(text, url, command);
    }
}
