package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.tokens.CredentialKind;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code .npmrc}: {@code //registry/path/:_authToken} (and the legacy unscoped {@code _authToken}),
 * {@code _auth} ({@code base64(user:password)}) and {@code _password} ({@code base64(password)}).
 * A registry other than npmjs is named as the target; its tokens publish there.
 */
final class NpmrcParser {
    private static final String DEFAULT_REGISTRY = "registry.npmjs.org";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private NpmrcParser() {
    }

    static void parse(String text, String file, ScanResults out) {
        for (IniFile.Entry e : IniFile.parse(text, IniFile.Dialect.NPM)) {
            String key = e.key();
            String scope = "";
            String name = key;
            int colon = key.lastIndexOf(':');
            if (key.startsWith("//") && colon > 0) {
                scope = key.substring(0, colon);
                name = key.substring(colon + 1);
            }
            String target = registryOf(scope);
            switch (name) {
                case "_authToken" -> {
                    CredentialKind fallback = UUID.matcher(e.value().strip()).matches()
                            ? CredentialKind.NPM_LEGACY_TOKEN : CredentialKind.NPM_TOKEN;
                    out.candidate(describe(Candidate.inFile(e.value(), file, e.line(), key, target, fallback), target));
                }
                case "_auth" -> basicAuth(e, file, key, target, out);
                case "_password" -> {
                    Candidate c = Candidate.inFile(e.value(), file, e.line(), key, target, CredentialKind.NPM_PASSWORD);
                    // npm stores base64(password); judge the password itself where it decodes.
                    Optional<String> decoded = isReference(e.value()) ? Optional.empty() : Base64Credentials.decodeText(e.value());
                    out.candidate(describe(decoded.map(c::withValue).orElse(c), target));
                }
                default -> {
                    // registry, email, username, always-auth and the rest hold no secret.
                }
            }
        }
    }

    private static void basicAuth(IniFile.Entry e, String file, String key, String target, ScanResults out) {
        Candidate c = Candidate.inFile(e.value(), file, e.line(), key, target, CredentialKind.NPM_PASSWORD);
        if (isReference(e.value())) {
            out.candidate(c);
            return;
        }
        Optional<Base64Credentials.UserPassword> decoded = Base64Credentials.decode(e.value());
        out.candidate(describe(decoded.map(up -> c.withValue(up.password())).orElse(c), target));
    }

    private static boolean isReference(String value) {
        return value.strip().startsWith("$");
    }

    private static Candidate describe(Candidate c, String target) {
        if (target.equals(DEFAULT_REGISTRY)) {
            return c;
        }
        return c.withCapability("publish packages to the registry " + target + " as the account it belongs to", true);
    }

    /** {@code //registry.npmjs.org/} becomes {@code registry.npmjs.org}; no scope means npm's default registry. */
    static String registryOf(String scope) {
        if (scope.isEmpty()) {
            return DEFAULT_REGISTRY;
        }
        String s = scope.startsWith("//") ? scope.substring(2) : scope;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
