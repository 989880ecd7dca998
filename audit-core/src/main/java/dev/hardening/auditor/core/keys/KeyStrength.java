package dev.hardening.auditor.core.keys;

import java.util.Objects;

/**
 * How strong a public key is by today's guidance (NIST SP 800-57 Part 1 Rev. 5, FIPS 186-5): RSA
 * and other finite-field keys below 2048 bits are breakable and DSA is withdrawn for new signatures
 * (OpenSSH 10.0 removed it in 2025); RSA from 2048 up to 3071 bits gives 112-bit security, accepted only
 * until 2030; RSA of 3072 bits or more, EdDSA and ECDSA on 256-bit or larger curves are strong.
 */
public enum KeyStrength {
    WEAK, LEGACY, STRONG, UNKNOWN;

    /** The verdict on one key and why, in words fit for evidence. */
    public record Assessment(KeyStrength strength, String reason) {
        public Assessment {
            Objects.requireNonNull(strength, "strength");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public static Assessment of(KeyDescription key) {
        int bits = key.bits().orElse(0);
        return switch (key.algorithm()) {
            case RSA, ELGAMAL -> finiteField(key, bits);
            case DSA -> new Assessment(WEAK, "DSA is withdrawn for new signatures (FIPS 186-5) and removed from OpenSSH 10.0");
            case ECDSA, ECDH -> bits == 0
                    ? new Assessment(UNKNOWN, "the curve of this " + key.display() + " key is not known")
                    : bits < 224 ? new Assessment(WEAK, key.display() + " is a curve below 224 bits")
                    : bits < 256 ? new Assessment(LEGACY, key.display() + " gives 112-bit security, accepted only until 2030")
                    : new Assessment(STRONG, key.display() + " is a strong curve");
            case EDDSA -> new Assessment(STRONG, key.display() + " is a strong curve");
            case UNKNOWN -> new Assessment(UNKNOWN, "the key's algorithm is not known");
        };
    }

    private static Assessment finiteField(KeyDescription key, int bits) {
        String name = key.algorithm().displayName();
        if (bits == 0) {
            return new Assessment(UNKNOWN, "the size of this " + name + " key is not known");
        }
        if (bits < 2048) {
            return new Assessment(WEAK, name + " " + bits + " is below 2048 bits and can be broken with today's means");
        }
        if (bits < 3072) {
            return new Assessment(LEGACY, name + " " + bits + " gives 112-bit security, accepted only until 2030; "
                    + "use Ed25519 or RSA 3072+");
        }
        return new Assessment(STRONG, name + " " + bits + " is strong");
    }
}
