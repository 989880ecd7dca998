package dev.hardening.auditor.desktop.setup;

/**
 * A credential the audit can use, with the least privilege each check needs and where to create
 * it. The same table is in the README ("Credentials: least privilege").
 */
public enum CredentialSlot {
    GITHUB("github-token", "GitHub token", "GITHUB_TOKEN",
            "A fine-grained personal access token with a short expiry, read-only: no repository write, no admin."
                    + " Public repositories are enough for the account checks; add \"Email addresses: read\" to check"
                    + " that your primary address is private, and \"Members: read\" as an organisation owner to list"
                    + " members without 2FA.",
            "https://github.com/settings/personal-access-tokens/new"),
    NPM("npm-token", "npm token", "NPM_TOKEN",
            "A granular access token, read-only for packages and scopes, no organisation access, 7-day expiry:"
                    + " npm.2fa reads your profile and npm.tokens lists your tokens (key prefixes and dates only).",
            "https://docs.npmjs.com/creating-and-viewing-access-tokens"),
    HIBP("hibp-api-key", "Have I Been Pwned API key", "HIBP_API_KEY",
            "An API key for breach lookups by address (email.breach); without it that check is UNKNOWN.",
            "https://haveibeenpwned.com/API/Key"),
    PYPI("pypi-token", "PyPI token (inspected offline)", "PYPI_TOKEN",
            "Optional: the API token you upload with. It is only decoded on this computer (scope, expiry) by"
                    + " pypi.token-scope and never sent anywhere. Project data on PyPI is public and needs no token.",
            "https://pypi.org/manage/account/token/");

    private final String storeName;
    private final String displayName;
    private final String environmentVariable;
    private final String leastPrivilege;
    private final String createUrl;

    CredentialSlot(String storeName, String displayName, String environmentVariable, String leastPrivilege,
                   String createUrl) {
        this.storeName = storeName;
        this.displayName = displayName;
        this.environmentVariable = environmentVariable;
        this.leastPrivilege = leastPrivilege;
        this.createUrl = createUrl;
    }

    /** The name in the credential store. */
    public String storeName() {
        return storeName;
    }

    public String displayName() {
        return displayName;
    }

    /** Used when nothing is stored, as on the command line. */
    public String environmentVariable() {
        return environmentVariable;
    }

    public String leastPrivilege() {
        return leastPrivilege;
    }

    /** The page where it is created. */
    public String createUrl() {
        return createUrl;
    }

    /** For node ids: {@code github}, {@code npm}, … */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
