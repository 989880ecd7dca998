package dev.hardening.auditor.core.passwords;

import dev.hardening.auditor.core.clients.hibp.PwnedPasswordRange;
import dev.hardening.auditor.core.clients.hibp.PwnedPasswordsClient;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.http.FetchException;
import java.util.Map;

/**
 * Checks a password against Pwned Passwords with k-anonymity: hashes it here, sends the 5-character
 * prefix of its SHA-1 (with {@code Add-Padding}), and looks for the rest of the hash in the answer,
 * locally. Nothing else about the password leaves the process, and nothing about it is kept.
 */
public final class PwnedPasswordChecker {
    private final PwnedPasswordsClient client;

    public PwnedPasswordChecker(PwnedPasswordsClient client) {
        this.client = client;
    }

    /** The caller keeps ownership of {@code password} and wipes it. */
    public PwnedPassword check(char[] password) throws FetchException {
        if (password.length == 0) {
            throw new IllegalArgumentException("an empty password cannot be checked");
        }
        try (PasswordHash hash = PasswordHash.of(password)) {
            PwnedPasswordRange range = client.range(hash.rangePrefix());
            long occurrences = 0;
            for (Map.Entry<String, Long> e : range.counts().entrySet()) {
                if (hash.hasSuffix(e.getKey())) {
                    occurrences = e.getValue();
                }
            }
            return new PwnedPassword(occurrences, range.counts().size());
        }
    }
}
