package dev.hardening.auditor.checks.workstation.credentials;

import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.workstation.IgnoredValue;
import dev.hardening.auditor.core.facts.workstation.InspectedSource;
import dev.hardening.auditor.core.facts.workstation.SafeStorage;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredential;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredentials;
import dev.hardening.auditor.core.facts.workstation.WorkstationFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.playbook.CredentialEvidence;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code workstation.credentials}: what an install script running as this user could steal now.
 * One finding per credential: publish-capable ones in plain text FAIL, other long-lived ones WARN,
 * temporary ones WARN at low severity; nothing found PASS, with what was looked at. Values that are
 * not credentials (placeholders, documented examples, tokens with a wrong checksum) are listed, never
 * reported as tokens. Only kinds, places and fingerprints appear, never a value; each credential's
 * fingerprint is also in its finding's {@code tokens} attribute.
 */
public final class WorkstationCredentialsCheck implements Check {
    static final String SUBJECT = "workstation";
    /** The finding attribute that lists credential fingerprints, read by snapshot diffs and the team view. */
    static final String TOKENS_ATTRIBUTE = "tokens";

    @Override
    public List<Finding> evaluate(CheckContext context) {
        WorkstationCredentials found = context.facts().require(WorkstationFacts.CREDENTIALS);
        List<Finding> findings = new ArrayList<>();
        found.gaps().forEach(gap -> findings.add(context.unknown(SUBJECT, gap)));
        for (WorkstationCredential c : found.credentials()) {
            // The fingerprint in the tokens attribute lets snapshot diffs show credentials added and removed.
            findings.add(judge(context, c).withAttribute(TOKENS_ATTRIBUTE, List.of(c.fingerprint())));
        }
        List<Evidence> context1 = background(found);
        if (found.credentials().isEmpty()) {
            findings.add(context.pass(SUBJECT, "No credential in plain text that an install script could read: "
                    + found.inspected().size() + " places inspected.", context1));
        } else if (!found.ignored().isEmpty() || !found.safe().isEmpty()) {
            findings.add(context.finding(Status.NOT_APPLICABLE, SUBJECT + ":not-credentials", "Also seen, and not a risk:"
                    + " values that only look like credentials, and credentials kept in a system store.", "", context1));
        }
        return findings;
    }

    private static Finding judge(CheckContext context, WorkstationCredential c) {
        String subject = SUBJECT + ":" + c.location();
        String where = c.variable().isEmpty() ? "in plain text in " + c.location() : "in the environment variable " + c.variable();
        String what = article(c.kind().description()) + (c.target().isEmpty() ? "" : " for " + c.target());
        List<Evidence> evidence = new ArrayList<>(CredentialEvidence.of(c.kind(), c.location(), c.target(), c.canPublish(),
                c.capability(), c.validity().description(), c.fingerprint(), c.location()));
        if (!c.field().isEmpty()) {
            evidence.add(1, Evidence.of("field", c.field(), c.file()));
        }
        String exposure = c.variable().isEmpty()
                ? "any install script or other program running as you can read the file"
                : "every program started from this shell inherits it, install scripts included";
        if (c.canPublish()) {
            return context.fail(subject, capitalised(what) + " is " + where + ": " + exposure + ", and with it "
                    + c.capability() + ". This is how the eslint-scope (2018) and Shai-Hulud (2025) worms spread.", evidence);
        }
        if (c.temporary()) {
            return context.warn(subject, capitalised(what) + " is " + where + "; it expires on its own, but until then "
                    + exposure + ".", evidence).withSeverity(Severity.LOW);
        }
        return context.warn(subject, capitalised(what) + " is " + where + ": " + exposure + ", and with it "
                + c.capability() + ".", evidence).withSeverity(Severity.MEDIUM);
    }

    private static List<Evidence> background(WorkstationCredentials found) {
        List<Evidence> evidence = new ArrayList<>();
        for (InspectedSource s : found.inspected()) {
            evidence.add(Evidence.of("inspected", s.location() + ": " + s.state(), "workstation scan"));
        }
        for (SafeStorage s : found.safe()) {
            evidence.add(Evidence.of("kept safely", s.description(), s.location()));
        }
        for (IgnoredValue i : found.ignored()) {
            evidence.add(Evidence.of("not a credential", i.reason(), i.location()));
        }
        return evidence;
    }

    private static String article(String description) {
        // Said as letters: "an npm token", "an SSH key".
        boolean vowelSound = "aeiou".indexOf(Character.toLowerCase(description.charAt(0))) >= 0
                || description.startsWith("npm") || description.startsWith("SSH");
        return (vowelSound ? "an " : "a ") + description;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
