package dev.hardening.auditor.core.signing;

import java.security.SecureRandom;

/** Deterministic keys for tests (a seeded generator: reproducible, never a real key). */
final class SigningTestKeys {
    private SigningTestKeys() {
    }

    static SigningKey key(int n) {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        random.setSeed(("test key " + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return SigningKey.generate(random);
    }
}
