package dev.hardening.auditor.core.clients.github;

import dev.hardening.auditor.core.http.HttpGateway;
import okhttp3.HttpUrl;

/**
 * GitHub repository endpoints (branch protection, rulesets, workflows, collaborators, deploy keys).
 * Separate from {@link GitHubClient}, which covers accounts and organisations.
 */
public final class GitHubRepoClient {
    private final HttpGateway gateway;
    private final HttpUrl baseUrl;
    private final boolean hasToken;

    public GitHubRepoClient(HttpGateway gateway, HttpUrl baseUrl, boolean hasToken) {
        this.gateway = gateway;
        this.baseUrl = baseUrl;
        this.hasToken = hasToken;
    }
}
