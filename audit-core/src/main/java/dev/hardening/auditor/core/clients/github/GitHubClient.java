package dev.hardening.auditor.core.clients.github;

import dev.hardening.auditor.core.facts.github.GitHubUser;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.secrets.Secret;
import java.util.Optional;
import okhttp3.HttpUrl;

/** GitHub REST API client. STUB: signatures agreed, implementation in progress. */
public final class GitHubClient {
    public GitHubClient(HttpGateway gateway, HttpUrl baseUrl, Optional<Secret> token) {
    }

    public GitHubViewer viewer() throws FetchException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public GitHubUser user(String login) throws FetchException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
