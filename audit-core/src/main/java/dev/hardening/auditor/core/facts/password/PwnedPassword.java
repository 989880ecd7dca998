package dev.hardening.auditor.core.facts.password;

/**
 * The Pwned Passwords answer for a password typed by the user: how often it appears in known
 * breaches (0: never). Holds nothing of the password or its hash.
 *
 * @param occurrences     how often the password was seen in breaches
 * @param suffixesInRange how many hashes shared its 5-character prefix (the k-anonymity set)
 */
public record PwnedPassword(long occurrences, int suffixesInRange) {
    public boolean pwned() {
        return occurrences > 0;
    }
}
