package dev.hardening.auditor.core.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Base URLs of every service, all changeable (GitHub Enterprise Server, private registries such as
 * Verdaccio or devpi, tests). Flags {@code --github-api-url} and so on; environment variables
 * {@code AUDITOR_GITHUB_API_URL} and so on.
 *
 * @param githubApi      GitHub REST API
 * @param npmRegistry    npm registry
 * @param pypi           PyPI (JSON API and Integrity API)
 * @param hibp           Have I Been Pwned API v3
 * @param pwnedPasswords Pwned Passwords range API
 * @param rdap           a fixed RDAP server; empty to find each TLD's server through the IANA bootstrap
 * @param rdapBootstrap  the IANA RDAP bootstrap file for DNS
 */
public record Endpoints(HttpUrl githubApi, HttpUrl npmRegistry, HttpUrl pypi, HttpUrl hibp, HttpUrl pwnedPasswords,
                        Optional<HttpUrl> rdap, HttpUrl rdapBootstrap) {

    public static final String GITHUB_API_URL = "AUDITOR_GITHUB_API_URL";
    public static final String NPM_REGISTRY_URL = "AUDITOR_NPM_REGISTRY_URL";
    public static final String PYPI_URL = "AUDITOR_PYPI_URL";
    public static final String HIBP_URL = "AUDITOR_HIBP_URL";
    public static final String PWNED_PASSWORDS_URL = "AUDITOR_PWNED_PASSWORDS_URL";
    public static final String RDAP_URL = "AUDITOR_RDAP_URL";

    public Endpoints {
        Objects.requireNonNull(githubApi, "githubApi");
        Objects.requireNonNull(npmRegistry, "npmRegistry");
        Objects.requireNonNull(pypi, "pypi");
        Objects.requireNonNull(hibp, "hibp");
        Objects.requireNonNull(pwnedPasswords, "pwnedPasswords");
        Objects.requireNonNull(rdap, "rdap");
        Objects.requireNonNull(rdapBootstrap, "rdapBootstrap");
    }

    public static Endpoints defaults() {
        return new Endpoints(
                HttpUrl.get("https://api.github.com/"),
                HttpUrl.get("https://registry.npmjs.org/"),
                HttpUrl.get("https://pypi.org/"),
                HttpUrl.get("https://haveibeenpwned.com/api/v3/"),
                HttpUrl.get("https://api.pwnedpasswords.com/"),
                Optional.empty(),
                HttpUrl.get("https://data.iana.org/rdap/dns.json"));
    }

    /** Defaults overridden by the {@code AUDITOR_*_URL} environment variables that are set. */
    public static Endpoints fromEnvironment(Map<String, String> env) {
        Endpoints d = defaults();
        return new Endpoints(
                url(env, GITHUB_API_URL).orElse(d.githubApi),
                url(env, NPM_REGISTRY_URL).orElse(d.npmRegistry),
                url(env, PYPI_URL).orElse(d.pypi),
                url(env, HIBP_URL).orElse(d.hibp),
                url(env, PWNED_PASSWORDS_URL).orElse(d.pwnedPasswords),
                url(env, RDAP_URL).or(d::rdap),
                d.rdapBootstrap);
    }

    public Endpoints withGithubApi(HttpUrl u) {
        return new Endpoints(u, npmRegistry, pypi, hibp, pwnedPasswords, rdap, rdapBootstrap);
    }

    public Endpoints withNpmRegistry(HttpUrl u) {
        return new Endpoints(githubApi, u, pypi, hibp, pwnedPasswords, rdap, rdapBootstrap);
    }

    public Endpoints withPypi(HttpUrl u) {
        return new Endpoints(githubApi, npmRegistry, u, hibp, pwnedPasswords, rdap, rdapBootstrap);
    }

    public Endpoints withHibp(HttpUrl u) {
        return new Endpoints(githubApi, npmRegistry, pypi, u, pwnedPasswords, rdap, rdapBootstrap);
    }

    public Endpoints withPwnedPasswords(HttpUrl u) {
        return new Endpoints(githubApi, npmRegistry, pypi, hibp, u, rdap, rdapBootstrap);
    }

    public Endpoints withRdap(HttpUrl u) {
        return new Endpoints(githubApi, npmRegistry, pypi, hibp, pwnedPasswords, Optional.of(u), rdapBootstrap);
    }

    /** Parses a base URL given by a user, with a message that names the setting. */
    public static HttpUrl parse(String setting, String value) {
        HttpUrl u = HttpUrl.parse(value.trim());
        if (u == null) {
            throw new IllegalArgumentException(setting + " is not a valid http(s) URL: " + value);
        }
        return u;
    }

    private static Optional<HttpUrl> url(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        String u = v.strip();
        // Base URLs are joined with relative paths, so they must end with a slash.
        return Optional.of(parse(name, u.endsWith("/") ? u : u + "/"));
    }
}
