package dev.hardening.auditor.core.tokens;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An AWS access key id: {@code AKIA} keys are long-lived (an IAM user's), {@code ASIA} keys are
 * temporary (STS, with a session token). The account id is encoded in the key: base32-decode the
 * characters after the prefix, take the first 6 bytes as a big-endian number, then
 * {@code (n & 0x7fffffffff80) >> 7}. This does not hold for old keys starting {@code AKIAI} or
 * {@code AKIAJ}. Source: aidansteele.github.io 2020-09-26, via REFERENCE.md.
 */
public record AwsAccessKeyId(String prefix, boolean temporary, Optional<String> accountId) {
    private static final Pattern FORMAT = Pattern.compile("(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}");
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** Parses a key id, or empty when it is not one. */
    public static Optional<AwsAccessKeyId> parse(CharSequence keyId) {
        String k = keyId.toString();
        if (!FORMAT.matcher(k).matches()) {
            return Optional.empty();
        }
        String prefix = k.substring(0, 4);
        boolean legacy = k.startsWith("AKIAI") || k.startsWith("AKIAJ");
        return Optional.of(new AwsAccessKeyId(prefix, prefix.equals("ASIA"),
                legacy ? Optional.empty() : Optional.of(accountIdOf(k.substring(4)))));
    }

    private static String accountIdOf(String base32) {
        // 16 base32 characters = 80 bits; only the first 48 are needed.
        long bits = 0;
        int nbits = 0;
        long first48 = 0;
        int taken = 0;
        for (int i = 0; i < base32.length() && taken < 48; i++) {
            bits = bits << 5 | BASE32.indexOf(base32.charAt(i));
            nbits += 5;
            while (nbits >= 8 && taken < 48) {
                int b = (int) (bits >> (nbits - 8)) & 0xff;
                nbits -= 8;
                first48 = first48 << 8 | b;
                taken += 8;
            }
        }
        long account = (first48 & 0x7fffffffff80L) >> 7;
        return String.format("%012d", account);
    }
}
