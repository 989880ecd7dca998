package dev.hardening.auditor.core.facts.email;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;

/** The address facts that checks can ask for. */
public final class EmailFacts {
    private EmailFacts() {
    }

    /**
     * Every address the audit knows: {@code --email}, the GitHub profile, the npm profile, npm
     * {@code maintainers[].email} and PyPI {@code author_email} / {@code maintainer_email} of the
     * audited packages.
     */
    public static final FactKey<KnownEmails> KNOWN = FactKey.of("email.known", Platform.EMAIL, KnownEmails.class);
}
