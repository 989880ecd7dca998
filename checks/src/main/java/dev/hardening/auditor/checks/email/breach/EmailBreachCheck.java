package dev.hardening.auditor.checks.email.breach;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.ReadAhead;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.email.EmailFacts;
import dev.hardening.auditor.core.facts.email.KnownEmail;
import dev.hardening.auditor.core.facts.email.KnownEmails;
import dev.hardening.auditor.core.facts.hibp.AccountBreaches;
import dev.hardening.auditor.core.facts.hibp.Breach;
import dev.hardening.auditor.core.facts.hibp.HibpFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.secrets.Masking;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code email.breach}: for every address the audit knows, the breaches Have I Been Pwned lists.
 * A breach that leaked passwords FAIL (a reused password is how eslint-scope was taken over), other
 * breaches WARN, none PASS; without an HIBP API key UNKNOWN, saying how to get one. Fabricated
 * breaches and spam lists are shown but do not count. Addresses appear only masked.
 */
public final class EmailBreachCheck implements Check {
    static final String SOURCE = "HIBP breachedaccount";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Fact<KnownEmails> fact = context.facts().lookup(EmailFacts.KNOWN);
        if (fact instanceof Fact.Unavailable<KnownEmails> unavailable) {
            return List.of(context.unknown("email", unavailable.unavailability()));
        }
        KnownEmails known = ((Fact.Available<KnownEmails>) fact).value();
        List<Finding> findings = new ArrayList<>();
        known.gaps().forEach(gap -> findings.add(context.unknown("email", gap)));
        if (known.emails().isEmpty() && findings.isEmpty()) {
            return List.of(context.notApplicable("email", "The audit found no email addresses to check; pass --email to add one."));
        }
        findings.addAll(ReadAhead.each(context, Platform.HIBP, known.emails(), email -> judge(context, email)));
        return findings;
    }

    private static Finding judge(CheckContext context, KnownEmail email) {
        String masked = Masking.email(email.address());
        String subject = "email:" + masked;
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("address", masked, "seen in " + String.join("; ", email.sources())));
        Fact<AccountBreaches> fact = context.facts().lookup(HibpFacts.breaches(email.address()));
        if (fact instanceof Fact.Unavailable<AccountBreaches> u) {
            Unavailability why = u.unavailability();
            String needed = why.cause() == Unavailability.Cause.NO_CREDENTIAL
                    ? "an HIBP API key (a paid subscription: https://haveibeenpwned.com/API/Key) in HIBP_API_KEY or --hibp-key-file"
                    : why.needed();
            return context.unknown(subject, why.reason(), needed, evidence.toArray(Evidence[]::new));
        }
        List<Breach> breaches = new ArrayList<>(((Fact.Available<AccountBreaches>) fact).value().breaches());
        breaches.sort(Comparator.comparing((Breach b) -> b.breachDate().map(Object::toString).orElse("")).reversed());
        if (breaches.isEmpty()) {
            evidence.add(Evidence.of("breaches", "none (HIBP answered 404: not found)", SOURCE));
            return context.pass(subject, masked + " is not in any breach Have I Been Pwned knows.", evidence);
        }
        List<Breach> counted = breaches.stream().filter(b -> !b.fabricated() && !b.spamList()).toList();
        for (Breach b : breaches) {
            evidence.add(Evidence.of("breach", describe(b), SOURCE + (b.domain().isBlank() ? "" : " (" + b.domain() + ")")));
        }
        List<Breach> withPasswords = counted.stream().filter(Breach::exposesPasswords).toList();
        if (!withPasswords.isEmpty()) {
            String names = String.join(", ", withPasswords.stream().map(Breach::title).toList());
            return context.fail(subject, masked + " is in " + count(withPasswords.size()) + " that leaked passwords (" + names
                    + "). If you used that password anywhere else, an attacker can log in there: the eslint-scope account"
                    + " was taken over this way in 2018.", evidence);
        }
        if (!counted.isEmpty()) {
            return context.warn(subject, masked + " is in " + count(counted.size()) + " without passwords: the address is known"
                    + " to attackers, so expect targeted phishing.", evidence);
        }
        return context.pass(subject, masked + " appears only in spam lists or fabricated breaches, which exposed no account.",
                evidence);
    }

    private static String describe(Breach b) {
        StringBuilder s = new StringBuilder(b.title());
        b.breachDate().ifPresent(d -> s.append(" (").append(d).append(')'));
        s.append(": ").append(b.dataClasses().isEmpty() ? "data classes not listed" : String.join(", ", b.dataClasses()));
        s.append(b.exposesPasswords() ? " — passwords leaked" : " — no passwords");
        if (b.fabricated()) {
            s.append("; fabricated");
        }
        if (b.spamList()) {
            s.append("; spam list");
        }
        if (b.malware()) {
            s.append("; collected by malware");
        }
        b.addedDate().ifPresent(t -> s.append("; added to HIBP ").append(DATE.format(t)));
        return s.toString();
    }

    private static String count(int n) {
        return n == 1 ? "1 breach" : n + " breaches";
    }
}
