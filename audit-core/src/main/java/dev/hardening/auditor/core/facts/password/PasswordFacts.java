package dev.hardening.auditor.core.facts.password;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;

/** The password facts. Only {@code auditor password-check} (or the app's dialog) supplies one. */
public final class PasswordFacts {
    private PasswordFacts() {
    }

    /** The Pwned Passwords result of a password typed by the user. */
    public static final FactKey<PwnedPassword> PWNED = FactKey.of("password.pwned", Platform.HIBP, PwnedPassword.class);
}
