package dev.hardening.auditor.core.signing;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The installation's Ed25519 signing key. Its 32-byte private seed lives only in memory and in a
 * {@link SigningKeyStore}; {@link #toString()} never shows it.
 */
public final class SigningKey {
    private final Ed25519PrivateKeyParameters privateKey;
    private final PublicKey publicKey;

    private SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = PublicKey.ofRaw(privateKey.generatePublicKey().getEncoded());
    }

    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random")));
    }

    /** From the 32-byte seed a key store kept. */
    public static SigningKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, found " + seed.length);
        }
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** The seed, for a key store to keep; the caller wipes the copy when done. */
    byte[] seed() {
        return privateKey.getEncoded();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + publicKey.keyId() + "]";
    }
}
