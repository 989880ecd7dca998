package dev.hardening.auditor.core.clients;

import dev.hardening.auditor.core.clients.artifacts.ArtifactDownloader;
import dev.hardening.auditor.core.clients.github.GitHubClient;
import dev.hardening.auditor.core.clients.github.GitHubRepoClient;
import dev.hardening.auditor.core.clients.hibp.HibpClient;
import dev.hardening.auditor.core.clients.hibp.PwnedPasswordsClient;
import dev.hardening.auditor.core.clients.npm.NpmRegistryClient;
import dev.hardening.auditor.core.clients.pypi.PyPIClient;
import dev.hardening.auditor.core.clients.rdap.RdapClient;
import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.http.HttpGateway;

/** The API clients of one audit, all sharing one gateway. */
public record Clients(GitHubClient github, GitHubRepoClient githubRepos, NpmRegistryClient npm, PyPIClient pypi,
                      RdapClient rdap, HibpClient hibp, PwnedPasswordsClient pwnedPasswords, ArtifactDownloader artifacts) {

    public static Clients create(HttpGateway gateway, Endpoints endpoints, Credentials credentials) {
        return new Clients(
                new GitHubClient(gateway, endpoints.githubApi(), credentials.github()),
                new GitHubRepoClient(gateway, endpoints.githubApi(), credentials.github().isPresent()),
                new NpmRegistryClient(gateway, endpoints.npmRegistry(), credentials.npm().isPresent()),
                new PyPIClient(gateway, endpoints.pypi(), credentials.pypi()),
                new RdapClient(gateway, endpoints.rdap(), endpoints.rdapBootstrap()),
                new HibpClient(gateway, endpoints.hibp(), credentials.hibp().isPresent()),
                new PwnedPasswordsClient(gateway, endpoints.pwnedPasswords()),
                new ArtifactDownloader(gateway));
    }
}
