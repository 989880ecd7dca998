package dev.hardening.auditor.core.tokens;

/** What can be said offline about a value that has the shape of a token. */
public enum FormatValidity {
    /** The format's checksum matches: the platform issued a token of this shape. */
    CHECKSUM_VALID("format valid, checksum matches", true),
    /** The format is right; this kind carries no checksum that could be verified offline. */
    WELL_FORMED("format valid (this kind has no checksum to verify offline)", true),
    /**
     * No known family: a value found where a credential is kept (an {@code _authToken}, a password
     * field) that is not a placeholder, so it is treated as one.
     */
    UNRECOGNISED("format not recognised; treated as a credential because of where it is kept", true),
    /** The prefix is right but the checksum is not: a placeholder, a typo or a test value. */
    CHECKSUM_INVALID("checksum does not match: not a token the platform issued", false),
    /** The prefix is right but the length or characters are not. */
    MALFORMED("prefix recognised, but the length or characters are wrong", false),
    /** A documented example or an obvious placeholder, never a real credential. */
    EXAMPLE("a documented example or placeholder value", false);

    private final String description;
    private final boolean plausible;

    FormatValidity(String description, boolean plausible) {
        this.description = description;
        this.plausible = plausible;
    }

    public String description() {
        return description;
    }

    /** Whether the value may be a real credential. */
    public boolean plausible() {
        return plausible;
    }
}
