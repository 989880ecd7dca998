package dev.hardening.auditor.core.clients.artifacts;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The digest a registry published for an artifact: npm's {@code dist.integrity} (Subresource
 * Integrity, {@code sha512-<base64>}, possibly several space-separated) or PyPI's
 * {@code digests.sha256} (hex).
 *
 * @param algorithm Java's name, e.g. {@code SHA-512}
 * @param value     the expected digest bytes
 * @param label     how to name it to the user, e.g. {@code dist.integrity (sha512)}
 */
public record ExpectedDigest(String algorithm, byte[] value, String label) {
    public ExpectedDigest {
        Objects.requireNonNull(algorithm, "algorithm");
        value = value.clone();
    }

    /** The strongest supported hash of an SRI string ({@code sha512} over {@code sha384}, {@code sha256}, {@code sha1}). */
    public static Optional<ExpectedDigest> fromSri(String integrity) {
        if (integrity == null) {
            return Optional.empty();
        }
        ExpectedDigest best = null;
        int bestRank = -1;
        for (String part : integrity.trim().split("\\s+")) {
            int dash = part.indexOf('-');
            if (dash <= 0) {
                continue;
            }
            String alg = part.substring(0, dash).toLowerCase(Locale.ROOT);
            String b64 = part.substring(dash + 1);
            int q = b64.indexOf('?');
            if (q >= 0) {
                b64 = b64.substring(0, q);
            }
            int rank = switch (alg) {
                case "sha512" -> 4;
                case "sha384" -> 3;
                case "sha256" -> 2;
                case "sha1" -> 1;
                default -> -1;
            };
            if (rank <= bestRank) {
                continue;
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(b64);
                String javaName = switch (alg) {
                    case "sha512" -> "SHA-512";
                    case "sha384" -> "SHA-384";
                    case "sha256" -> "SHA-256";
                    default -> "SHA-1";
                };
                best = new ExpectedDigest(javaName, bytes, "dist.integrity (" + alg + ")");
                bestRank = rank;
            } catch (IllegalArgumentException e) {
                // not base64: ignored, another entry may be usable
            }
        }
        return Optional.ofNullable(best);
    }

    /** PyPI's {@code digests.sha256}. */
    public static Optional<ExpectedDigest> sha256Hex(String hex) {
        if (hex == null || hex.length() != 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExpectedDigest("SHA-256", HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)), "digests.sha256"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }
}
