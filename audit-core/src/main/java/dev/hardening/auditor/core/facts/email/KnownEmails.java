package dev.hardening.auditor.core.facts.email;

import dev.hardening.auditor.core.facts.Unavailability;
import java.util.List;

/** Every address the audit knows, with the sources that could not be read. */
public record KnownEmails(List<KnownEmail> emails, List<Unavailability> gaps) {
    public KnownEmails {
        emails = List.copyOf(emails);
        gaps = List.copyOf(gaps);
    }
}
