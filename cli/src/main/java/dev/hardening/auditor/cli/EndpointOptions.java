package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.config.Endpoints;
import java.util.Map;
import picocli.CommandLine.Option;

/** Base URL flags; each falls back to its AUDITOR_*_URL environment variable, then to the public service. */
final class EndpointOptions {
    @Option(names = "--github-api-url", paramLabel = "URL", description = "GitHub API base URL (GitHub Enterprise Server: https://HOST/api/v3/). Env: AUDITOR_GITHUB_API_URL.")
    String githubApiUrl;

    @Option(names = "--npm-registry-url", paramLabel = "URL", description = "npm registry base URL. Env: AUDITOR_NPM_REGISTRY_URL.")
    String npmRegistryUrl;

    @Option(names = "--pypi-url", paramLabel = "URL", description = "PyPI base URL. Env: AUDITOR_PYPI_URL.")
    String pypiUrl;

    @Option(names = "--hibp-url", paramLabel = "URL", description = "Have I Been Pwned API v3 base URL. Env: AUDITOR_HIBP_URL.")
    String hibpUrl;

    @Option(names = "--pwned-passwords-url", paramLabel = "URL", description = "Pwned Passwords range API base URL. Env: AUDITOR_PWNED_PASSWORDS_URL.")
    String pwnedPasswordsUrl;

    @Option(names = "--rdap-url", paramLabel = "URL", description = "One RDAP server for every domain (default: each TLD's server from the IANA bootstrap). Env: AUDITOR_RDAP_URL.")
    String rdapUrl;

    Endpoints resolve(Map<String, String> env) {
        Endpoints e;
        try {
            e = Endpoints.fromEnvironment(env);
            if (githubApiUrl != null) {
                e = e.withGithubApi(Endpoints.parse("--github-api-url", slash(githubApiUrl)));
            }
            if (npmRegistryUrl != null) {
                e = e.withNpmRegistry(Endpoints.parse("--npm-registry-url", slash(npmRegistryUrl)));
            }
            if (pypiUrl != null) {
                e = e.withPypi(Endpoints.parse("--pypi-url", slash(pypiUrl)));
            }
            if (hibpUrl != null) {
                e = e.withHibp(Endpoints.parse("--hibp-url", slash(hibpUrl)));
            }
            if (pwnedPasswordsUrl != null) {
                e = e.withPwnedPasswords(Endpoints.parse("--pwned-passwords-url", slash(pwnedPasswordsUrl)));
            }
            if (rdapUrl != null) {
                e = e.withRdap(Endpoints.parse("--rdap-url", slash(rdapUrl)));
            }
        } catch (IllegalArgumentException ex) {
            throw UserError.usage(ex.getMessage());
        }
        return e;
    }

    /** Base URLs are joined with relative paths, so they must end with a slash. */
    private static String slash(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u : u + "/";
    }
}
