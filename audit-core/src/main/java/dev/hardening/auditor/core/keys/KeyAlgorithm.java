package dev.hardening.auditor.core.keys;

/** Public-key algorithm families, named as users know them from {@code gpg} and {@code ssh-keygen}. */
public enum KeyAlgorithm {
    RSA("RSA"),
    DSA("DSA"),
    ECDSA("ECDSA"),
    EDDSA("EdDSA"),
    ELGAMAL("ElGamal"),
    ECDH("ECDH"),
    UNKNOWN("unknown algorithm");

    private final String displayName;

    KeyAlgorithm(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether the family can make signatures at all (ElGamal signing was removed from OpenPGP; ECDH never signs). */
    public boolean canSign() {
        return this == RSA || this == DSA || this == ECDSA || this == EDDSA;
    }
}
