package dev.hardening.auditor.core.keys;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a public key is: its algorithm, and its size (RSA, DSA and ElGamal modulus bits) or curve.
 *
 * @param algorithm the family
 * @param bits      modulus size for RSA/DSA/ElGamal, field size for elliptic curves; empty when unknown
 * @param curve     the curve's usual name ({@code NIST P-256}, {@code Ed25519}, {@code Curve25519}), for EC keys
 */
public record KeyDescription(KeyAlgorithm algorithm, OptionalInt bits, Optional<String> curve) {
    public KeyDescription {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(bits, "bits");
        Objects.requireNonNull(curve, "curve");
    }

    public static KeyDescription sized(KeyAlgorithm algorithm, int bits) {
        return new KeyDescription(algorithm, OptionalInt.of(bits), Optional.empty());
    }

    public static KeyDescription curve(KeyAlgorithm algorithm, String curve, int bits) {
        return new KeyDescription(algorithm, bits > 0 ? OptionalInt.of(bits) : OptionalInt.empty(), Optional.of(curve));
    }

    public static KeyDescription unknown() {
        return new KeyDescription(KeyAlgorithm.UNKNOWN, OptionalInt.empty(), Optional.empty());
    }

    /** {@code RSA 2048}, {@code EdDSA Ed25519}, {@code ECDSA NIST P-256}. */
    public String display() {
        if (curve.isPresent()) {
            return algorithm.displayName() + " " + curve.get();
        }
        return bits.isPresent() ? algorithm.displayName() + " " + bits.getAsInt() : algorithm.displayName();
    }

    @Override
    public String toString() {
        return display();
    }
}
