package dev.hardening.auditor.checks.password.pwned;

import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.password.PasswordFacts;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.util.List;
import java.util.Locale;

/**
 * {@code password.pwned}: a password the user typed into {@code auditor password-check} (or the
 * app's dialog), looked up in Pwned Passwords with k-anonymity. Seen in breaches FAIL, not seen
 * PASS. An audit never asks for a password and keeps no result, so there the check is
 * NOT_APPLICABLE and says how to run it (an UNKNOWN no audit could ever resolve would only lower the
 * score). The finding holds the count only, never the password or its hash.
 */
public final class PasswordPwnedCheck implements Check {
    static final String SUBJECT = "password";
    static final String SOURCE = "Pwned Passwords range API (k-anonymity, Add-Padding)";

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Fact<PwnedPassword> fact = context.facts().lookup(PasswordFacts.PWNED);
        if (fact instanceof Fact.Unavailable<PwnedPassword> u) {
            if (u.unavailability().cause() == Unavailability.Cause.NOT_CONFIGURED) {
                return List.of(context.notApplicable(SUBJECT, "Passwords are checked only on request, never during an audit:"
                        + " run auditor password-check (or Password check in the app); only 5 characters of the password's"
                        + " SHA-1 leave the machine."));
            }
            return List.of(context.unknown(SUBJECT, u.unavailability()));
        }
        PwnedPassword result = ((Fact.Available<PwnedPassword>) fact).value();
        Evidence kAnonymity = Evidence.of("sent", "the first 5 of the 40 hexadecimal characters of the password's SHA-1; "
                + result.suffixesInRange() + " breached hashes share them", SOURCE);
        if (result.pwned()) {
            return List.of(context.fail(SUBJECT, "This password appears " + String.format(Locale.ROOT, "%,d", result.occurrences())
                    + " times in known breaches: attackers try such passwords first, on every site. Change it wherever"
                    + " you use it.", Evidence.of("seen in breaches", String.format(Locale.ROOT, "%,d times", result.occurrences()),
                    SOURCE), kAnonymity));
        }
        return List.of(context.pass(SUBJECT, "This password is not in Pwned Passwords. Keep it unique to one account.",
                Evidence.of("seen in breaches", "never", SOURCE), kAnonymity));
    }
}
