package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.tokens.AwsAccessKeyId;
import dev.hardening.auditor.core.tokens.CredentialKind;
import dev.hardening.auditor.core.tokens.TokenInspection;
import dev.hardening.auditor.core.tokens.TokenRecognizers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Credentials in environment variables, which every program started from this shell inherits,
 * install scripts included: the variables publishing tools read ({@code NPM_TOKEN},
 * {@code NODE_AUTH_TOKEN}, {@code GITHUB_TOKEN}, {@code GH_TOKEN}, {@code PYPI_TOKEN},
 * {@code TWINE_PASSWORD}, {@code AWS_SECRET_ACCESS_KEY}, ...), and any other variable whose value
 * is a recognised token.
 */
final class EnvironmentCredentials {
    private record Known(CredentialKind fallback, String target) {
    }

    private static final Map<String, Known> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("NPM_TOKEN", new Known(CredentialKind.NPM_TOKEN, "registry.npmjs.org"));
        KNOWN.put("NODE_AUTH_TOKEN", new Known(CredentialKind.NPM_TOKEN, "registry.npmjs.org"));
        KNOWN.put("GITHUB_TOKEN", new Known(CredentialKind.GITHUB_CLASSIC_PAT, "github.com"));
        KNOWN.put("GH_TOKEN", new Known(CredentialKind.GITHUB_CLASSIC_PAT, "github.com"));
        KNOWN.put("GITHUB_PAT", new Known(CredentialKind.GITHUB_CLASSIC_PAT, "github.com"));
        KNOWN.put("GH_ENTERPRISE_TOKEN", new Known(CredentialKind.GITHUB_CLASSIC_PAT, "GitHub Enterprise Server"));
        KNOWN.put("GITHUB_ENTERPRISE_TOKEN", new Known(CredentialKind.GITHUB_CLASSIC_PAT, "GitHub Enterprise Server"));
        KNOWN.put("PYPI_TOKEN", new Known(CredentialKind.PYPI_TOKEN, "pypi.org"));
        KNOWN.put("PYPI_API_TOKEN", new Known(CredentialKind.PYPI_TOKEN, "pypi.org"));
        KNOWN.put("UV_PUBLISH_TOKEN", new Known(CredentialKind.PYPI_TOKEN, "pypi.org"));
        KNOWN.put("POETRY_PYPI_TOKEN_PYPI", new Known(CredentialKind.PYPI_TOKEN, "pypi.org"));
        KNOWN.put("TWINE_PASSWORD", new Known(CredentialKind.PYPI_PASSWORD, "pypi.org"));
    }

    private EnvironmentCredentials() {
    }

    static void scan(Map<String, String> environment, TokenRecognizers recognizers, ScanResults out) {
        Map<String, String> env = new TreeMap<>(environment);
        KNOWN.forEach((name, known) -> {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                CredentialKind fallback = known.fallback();
                if (name.equals("TWINE_PASSWORD") && "__token__".equals(env.getOrDefault("TWINE_USERNAME", "").strip())) {
                    fallback = CredentialKind.PYPI_TOKEN;
                }
                out.candidate(Candidate.inVariable(value, name, known.target(), fallback));
            }
        });
        // npm reads any setting from npm_config_<key>, whatever the case: npm_config__authToken is an _authToken.
        env.forEach((name, value) -> {
            if (name.equalsIgnoreCase("npm_config__authtoken") && value != null && !value.isBlank()) {
                out.candidate(Candidate.inVariable(value, name, "registry.npmjs.org", CredentialKind.NPM_TOKEN));
            }
        });
        aws(env, out);
        // Any other variable holding a token of a known family.
        env.forEach((name, value) -> {
            if (KNOWN.containsKey(name) || name.startsWith("AWS_") || name.equalsIgnoreCase("npm_config__authtoken")
                    || value == null || value.length() < 16) {
                return;
            }
            Optional<TokenInspection> inspection = recognizers.inspect(value);
            if (inspection.isPresent() && inspection.get().plausible() && !isBareAwsKeyId(inspection.get())) {
                out.candidate(Candidate.inVariable(value, name, "", inspection.get().kind()));
            }
        });
    }

    private static void aws(Map<String, String> env, ScanResults out) {
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (secret == null || secret.isBlank()) {
            return;
        }
        String id = env.getOrDefault("AWS_ACCESS_KEY_ID", "").strip();
        if (id.endsWith("EXAMPLE")) {
            out.ignored("environment variable AWS_SECRET_ACCESS_KEY", "AWS documentation's example key ("
                    + AwsCredentialsParser.masked(id) + "), not a credential");
            return;
        }
        Optional<AwsAccessKeyId> parsed = AwsAccessKeyId.parse(id);
        boolean temporary = env.containsKey("AWS_SESSION_TOKEN") || parsed.map(AwsAccessKeyId::temporary).orElse(false);
        CredentialKind kind = temporary ? CredentialKind.AWS_TEMPORARY_KEY : CredentialKind.AWS_LONG_LIVED_KEY;
        String target = (id.isEmpty() ? "AWS" : "key " + AwsCredentialsParser.masked(id))
                + parsed.flatMap(AwsAccessKeyId::accountId).map(a -> ", account " + a).orElse("");
        out.candidate(new Candidate(secret, "", 0, "AWS_SECRET_ACCESS_KEY", "", target, kind, kind.capability(), kind.canPublish()));
    }

    /** An AWS key id on its own opens nothing; the secret key next to it is what counts. */
    private static boolean isBareAwsKeyId(TokenInspection inspection) {
        return inspection.kind() == CredentialKind.AWS_LONG_LIVED_KEY || inspection.kind() == CredentialKind.AWS_TEMPORARY_KEY;
    }
}
