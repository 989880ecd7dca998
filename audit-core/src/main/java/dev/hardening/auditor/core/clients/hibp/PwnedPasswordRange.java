package dev.hardening.auditor.core.clients.hibp;

import java.util.Locale;
import java.util.Map;

/**
 * One Pwned Passwords range: the SHA-1 suffixes (upper-case hex) that share a 5-character prefix,
 * with how often each was seen in breaches. Padding entries (count 0) are already left out.
 */
public record PwnedPasswordRange(String prefix, Map<String, Long> counts) {
    public PwnedPasswordRange {
        counts = Map.copyOf(counts);
    }

    /** How often the password with this SHA-1 (40 hex characters) was seen; 0 when never. */
    public long occurrences(String sha1Hex) {
        String h = sha1Hex.toUpperCase(Locale.ROOT);
        if (h.length() != 40 || !h.startsWith(prefix)) {
            throw new IllegalArgumentException("the SHA-1 does not belong to this range");
        }
        return counts.getOrDefault(h.substring(5), 0L);
    }

    @Override
    public String toString() {
        return "PwnedPasswordRange[" + counts.size() + " suffixes]";
    }
}
