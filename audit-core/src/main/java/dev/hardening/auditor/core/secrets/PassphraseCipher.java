package dev.hardening.auditor.core.secrets;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encryption of small secrets under a passphrase, shared by every encrypted file the auditor writes
 * (the signing key, the stored credentials): Argon2id (version 1.3) derives a 256-bit key from the
 * passphrase and a random salt, and AES-256-GCM encrypts with a fresh 96-bit nonce per value and
 * associated data that binds the ciphertext to its purpose, so values cannot be swapped between
 * entries or files. Bouncy Castle throughout.
 */
public final class PassphraseCipher {
    public static final int SALT_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    public static final int KEY_BYTES = 32;
    private static final int TAG_BITS = 128;

    private PassphraseCipher() {
    }

    /** A new random salt for {@link #deriveKey}. */
    public static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    /** A new random nonce; never reuse one with the same key. */
    public static byte[] newNonce(SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    /** The AES key for a passphrase; the caller wipes both the passphrase and the key when done. */
    public static byte[] deriveKey(char[] passphrase, byte[] salt, Argon2Parameters cost) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(cost.memoryKiB()).withIterations(cost.iterations())
                .withParallelism(cost.parallelism()).build());
        byte[] key = new byte[KEY_BYTES];
        generator.generateBytes(passphrase, key);
        return key;
    }

    /** Ciphertext with the GCM tag appended. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        try {
            return gcm(true, key, nonce, associatedData, plaintext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail", e);
        }
    }

    /**
     * The plaintext, or empty when the tag does not verify: a wrong passphrase, other associated
     * data, or a changed ciphertext (GCM cannot tell these apart, and neither should callers' messages).
     */
    public static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] associatedData, byte[] ciphertext) {
        if (nonce.length != NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(gcm(false, key, nonce, associatedData, ciphertext));
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Overwrites a byte array that held key material; null is ignored. */
    public static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
            throws InvalidCipherTextException {
        GCMBlockCipher cipher = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        n += cipher.doFinal(out, n);
        if (n == out.length) {
            return out;
        }
        byte[] trimmed = Arrays.copyOf(out, n);
        wipe(out);
        return trimmed;
    }
}
