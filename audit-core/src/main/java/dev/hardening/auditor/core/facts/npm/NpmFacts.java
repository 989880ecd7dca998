package dev.hardening.auditor.core.facts.npm;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.model.Platform;

/** The npm facts that checks can ask for. */
public final class NpmFacts {
    private NpmFacts() {
    }

    /** {@code GET /-/npm/v1/user} with the supplied token. Unavailable without NPM_TOKEN. */
    public static final FactKey<NpmProfile> PROFILE = FactKey.of("npm.profile", Platform.NPM, NpmProfile.class);

    /** {@code GET /-/npm/v1/tokens} with the supplied token: the account's tokens, never their values. */
    public static final FactKey<NpmTokens> TOKENS = FactKey.of("npm.tokens", Platform.NPM, NpmTokens.class);

    /** The packages this audit covers: {@code --npm-package} plus those of each {@code --npm-user}. */
    public static final FactKey<NameList> AUDITED_PACKAGES = FactKey.of("npm.audited-packages", Platform.NPM, NameList.class);

    private static final FactKey<NpmPackument> PACKUMENT = FactKey.of("npm.packument", Platform.NPM, NpmPackument.class);
    private static final FactKey<NpmUserPackages> USER_PACKAGES =
            FactKey.of("npm.user-packages", Platform.NPM, NpmUserPackages.class);

    /** {@code GET /{name}}: the full packument. */
    public static FactKey<NpmPackument> packument(String name) {
        return PACKUMENT.about(name);
    }

    /** Packages maintained by an npm user. */
    public static FactKey<NpmUserPackages> userPackages(String user) {
        return USER_PACKAGES.about(user);
    }
}
