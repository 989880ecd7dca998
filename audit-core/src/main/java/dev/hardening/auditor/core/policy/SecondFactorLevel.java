package dev.hardening.auditor.core.policy;

import java.util.Locale;

/** The least second factor the policy accepts on a platform, weakest first. */
public enum SecondFactorLevel {
    /** Any second factor, SMS included. */
    ENABLED("enabled"),
    /** An authenticator app (TOTP) or better; SMS is not enough (SIM swap). */
    APP("app"),
    /** A security key or passkey (WebAuthn): a phishing page cannot replay it. */
    PHISHING_RESISTANT("phishing-resistant");

    private final String id;

    SecondFactorLevel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean satisfiedBy(SecondFactorLevel actual) {
        return actual.ordinal() >= ordinal();
    }

    public static SecondFactorLevel parse(String text) {
        for (SecondFactorLevel level : values()) {
            if (level.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown second-factor level '" + text
                + "' (expected enabled, app or phishing-resistant)");
    }
}
