package dev.hardening.auditor.core.secrets;

/**
 * Argon2id cost of the key file's passphrase hashing. The defaults follow RFC 9106's second
 * recommended option (64 MiB, 3 passes); the parameters used are written into the file, so a file
 * keeps opening when the defaults change. Tests use {@link #cheap()}.
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {
    public static final int MAX_MEMORY_KIB = 1024 * 1024;

    public Argon2Parameters {
        if (parallelism < 1 || parallelism > 16 || iterations < 1 || iterations > 100
                || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 parameters out of range: memory " + memoryKiB + " KiB, "
                    + iterations + " iterations, parallelism " + parallelism);
        }
    }

    public static Argon2Parameters recommended() {
        return new Argon2Parameters(64 * 1024, 3, 4);
    }

    /** For tests only: fast, and far too weak for a real passphrase. */
    public static Argon2Parameters cheap() {
        return new Argon2Parameters(64, 1, 1);
    }
}
