package dev.hardening.auditor.desktop.password;

import dev.hardening.auditor.core.facts.password.PwnedPassword;

/**
 * Checks one password against Pwned Passwords (k-anonymity). The app's implementation sends only
 * the 5-character SHA-1 prefix; tests pass a fake. Called off the UI thread; the caller wipes the array.
 */
@FunctionalInterface
public interface PasswordCheckService {
    PwnedPassword check(char[] password) throws Exception;
}
