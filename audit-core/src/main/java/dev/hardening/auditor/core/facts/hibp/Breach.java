package dev.hardening.auditor.core.facts.hibp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One breach an address appears in, as HIBP's {@code breachedaccount} reports it (the HTML
 * {@code Description} and logo are left out).
 *
 * @param name         HIBP's stable identifier, e.g. {@code Adobe}
 * @param title        display name
 * @param domain       the breached site's domain; empty for breaches without one
 * @param breachDate   when the breach happened ({@code BreachDate}, a date)
 * @param addedDate    when HIBP loaded it ({@code AddedDate})
 * @param pwnCount     accounts in the breach
 * @param dataClasses  what leaked, e.g. {@code Passwords}, {@code Password hints}
 * @param verified     {@code IsVerified}: HIBP confirmed the breach is genuine
 * @param fabricated   {@code IsFabricated}: the data is known to be made up
 * @param sensitive    {@code IsSensitive}: HIBP only shows it to the address's verified owner
 * @param retired      {@code IsRetired}
 * @param spamList     {@code IsSpamList}: a spam list, not a site breach
 * @param malware      {@code IsMalware}: collected by malware (stealer logs)
 */
public record Breach(String name, String title, String domain, Optional<LocalDate> breachDate,
                     Optional<Instant> addedDate, long pwnCount, List<String> dataClasses, boolean verified,
                     boolean fabricated, boolean sensitive, boolean retired, boolean spamList, boolean malware) {
    public Breach {
        dataClasses = List.copyOf(dataClasses);
    }

    /** Whether passwords (hashed or not) leaked: the case that calls for a password change. */
    public boolean exposesPasswords() {
        return dataClasses.stream().anyMatch(c -> c.equalsIgnoreCase("Passwords"));
    }
}
