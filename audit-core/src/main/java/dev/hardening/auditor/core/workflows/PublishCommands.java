package dev.hardening.auditor.core.workflows;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the steps that publish to npm or PyPI (commands in {@code run:} and the common actions)
 * and the secrets that are long-lived registry credentials.
 */
final class PublishCommands {
    private static final Map<Pattern, Registry> COMMANDS = Map.ofEntries(
            Map.entry(Pattern.compile("\\bnpm\\s+(?:[^\\n;&|]*\\s)?publish\\b"), Registry.NPM),
            Map.entry(Pattern.compile("\\byarn\\s+(?:npm\\s+)?publish\\b"), Registry.NPM),
            Map.entry(Pattern.compile("\\bpnpm\\s+(?:[^\\n;&|]*\\s)?publish\\b"), Registry.NPM),
            Map.entry(Pattern.compile("\\b(?:lerna|changeset)\\s+publish\\b"), Registry.NPM),
            Map.entry(Pattern.compile("\\bsemantic-release\\b"), Registry.NPM),
            Map.entry(Pattern.compile("\\btwine\\s+upload\\b"), Registry.PYPI),
            Map.entry(Pattern.compile("\\b(?:uv|poetry|flit|hatch|pdm)\\s+publish\\b"), Registry.PYPI),
            Map.entry(Pattern.compile("\\bmaturin\\s+(?:publish|upload)\\b"), Registry.PYPI));

    /** Actions that publish, by {@code owner/repo} (lower case). */
    private static final Map<String, Registry> ACTIONS = Map.of(
            "pypa/gh-action-pypi-publish", Registry.PYPI,
            "js-devtools/npm-publish", Registry.NPM,
            "cycjimmy/semantic-release-action", Registry.NPM,
            "changesets/action", Registry.NPM);

    /** Environment variables and action inputs that carry a registry credential. */
    private static final Set<String> CREDENTIAL_VARIABLES = Set.of("NODE_AUTH_TOKEN", "NPM_TOKEN", "NPM_AUTH_TOKEN",
            "NPM_CONFIG__AUTH", "NPM_CONFIG__AUTHTOKEN", "TWINE_PASSWORD", "TWINE_USERNAME", "PYPI_TOKEN", "PYPI_API_TOKEN",
            "PYPI_PASSWORD", "UV_PUBLISH_TOKEN", "UV_PUBLISH_PASSWORD", "FLIT_PASSWORD", "HATCH_INDEX_AUTH", "PDM_PUBLISH_PASSWORD",
            "MATURIN_PYPI_TOKEN", "MATURIN_PASSWORD", "POETRY_PYPI_TOKEN_PYPI", "POETRY_HTTP_BASIC_PYPI_PASSWORD");
    /** Secret names that say what they are. */
    private static final Pattern REGISTRY_SECRET_NAME = Pattern.compile("NPM|PYPI|TWINE|NODE_AUTH|POETRY|FLIT|HATCH|UV_PUBLISH");
    /** Action inputs that carry a registry credential. */
    private static final Set<String> CREDENTIAL_INPUTS = Set.of("password", "token", "npm_token", "npm-token", "user");

    private PublishCommands() {
    }

    /** The registries a {@code run:} script publishes to. */
    static Set<Registry> inScript(String script) {
        Set<Registry> out = EnumSet.noneOf(Registry.class);
        if (script == null) {
            return out;
        }
        String s = script.toLowerCase(Locale.ROOT);
        COMMANDS.forEach((p, r) -> {
            if (p.matcher(s).find()) {
                out.add(r);
            }
        });
        return out;
    }

    /** The registry an action publishes to; {@code changesets/action} only when given a {@code publish} command. */
    static Set<Registry> byAction(String ownerRepo, Map<String, String> with) {
        Registry r = ACTIONS.get(ownerRepo.toLowerCase(Locale.ROOT));
        if (r == null || ownerRepo.equalsIgnoreCase("changesets/action") && !with.containsKey("publish")) {
            return Set.of();
        }
        return Set.of(r);
    }

    /** Whether an environment variable or input named {@code name} carries a registry credential. */
    static boolean isCredentialVariable(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return CREDENTIAL_VARIABLES.contains(n) || n.startsWith("POETRY_PYPI_TOKEN_");
    }

    static boolean isCredentialInput(String name) {
        return CREDENTIAL_INPUTS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether a secret's name says it is a registry credential ({@code GITHUB_TOKEN} never is). */
    static boolean isRegistrySecretName(String secret) {
        String s = secret.toUpperCase(Locale.ROOT);
        return !s.equals("GITHUB_TOKEN") && REGISTRY_SECRET_NAME.matcher(s).find();
    }
}
