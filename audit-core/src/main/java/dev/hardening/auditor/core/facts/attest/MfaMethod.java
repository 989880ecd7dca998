package dev.hardening.auditor.core.facts.attest;

import java.util.Locale;
import java.util.Optional;

/** The second factor a user says protects an account, strongest first. */
public enum MfaMethod {
    SECURITY_KEY("security-key", "a hardware security key (WebAuthn/FIDO2)"),
    PASSKEY("passkey", "a passkey (WebAuthn)"),
    TOTP("totp", "an authenticator app (TOTP codes)"),
    SMS("sms", "text messages (SMS)"),
    NONE("none", "no second factor");

    private final String id;
    private final String description;

    MfaMethod(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** As typed on the command line and stored: {@code security-key}, {@code totp}, ... */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Phishing-resistant: bound to the site's origin, so a look-alike page gets nothing usable. */
    public boolean phishingResistant() {
        return this == SECURITY_KEY || this == PASSKEY;
    }

    public static Optional<MfaMethod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MfaMethod m : values()) {
            if (m.id.equals(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
