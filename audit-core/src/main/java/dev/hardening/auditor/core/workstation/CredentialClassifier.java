package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.facts.workstation.IgnoredValue;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredential;
import dev.hardening.auditor.core.secrets.Masking;
import dev.hardening.auditor.core.tokens.CredentialKind;
import dev.hardening.auditor.core.tokens.FormatValidity;
import dev.hardening.auditor.core.tokens.Placeholders;
import dev.hardening.auditor.core.tokens.TokenInspection;
import dev.hardening.auditor.core.tokens.TokenRecognizers;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a value found in a credential's place is a credential: a reference to an
 * environment variable, a placeholder, a documented example or a token whose checksum does not
 * match is not; a recognised token is one of its kind; anything else is taken for a credential of
 * the kind its place implies, as an install script would take it.
 */
final class CredentialClassifier {
    private final TokenRecognizers recognizers;
    private final Map<String, String> environment;

    CredentialClassifier(TokenRecognizers recognizers, Map<String, String> environment) {
        this.recognizers = recognizers;
        this.environment = environment;
    }

    /** Exactly one of the two is set. */
    record Verdict(WorkstationCredential credential, IgnoredValue ignored) {
    }

    Verdict judge(Candidate c) {
        String value = c.value() == null ? "" : c.value().strip();
        Optional<String> variable = Placeholders.variableReference(value);
        if (variable.isPresent()) {
            String set = environment.containsKey(variable.get()) ? "" : " (not set in this environment)";
            return ignored(c, "refers to the environment variable " + variable.get() + set + ", which is checked on its own");
        }
        Optional<TokenInspection> inspection = recognizers.inspect(value);
        if (inspection.isPresent()) {
            TokenInspection t = inspection.get();
            if (!t.plausible()) {
                return ignored(c, "not a real credential: " + t.kind().description() + ", " + t.validity().description());
            }
            return credential(c, t.kind(), t.validity(), t.canPublish(), t.capability(), value);
        }
        if (Placeholders.isPlaceholder(value)) {
            return ignored(c, "a placeholder, not a credential");
        }
        CredentialKind kind = c.fallbackKind();
        return credential(c, kind, FormatValidity.UNRECOGNISED, kind.canPublish(), kind.capability(), value);
    }

    private static Verdict credential(Candidate c, CredentialKind kind, FormatValidity validity, boolean canPublish,
                                      String capability, String value) {
        String shown = c.capability().isEmpty() ? capability : c.capability();
        boolean publishes = c.canPublish() != null ? c.canPublish() : canPublish;
        boolean temporary = kind == CredentialKind.AWS_TEMPORARY_KEY || kind == CredentialKind.GITHUB_INSTALLATION
                || kind == CredentialKind.GITHUB_USER_TO_SERVER;
        return new Verdict(new WorkstationCredential(kind, validity, c.file(), c.line(), c.variable(), c.field(), c.target(),
                publishes, shown, temporary, Masking.token(value)), null);
    }

    private static Verdict ignored(Candidate c, String reason) {
        return new Verdict(null, new IgnoredValue(c.location(), reason));
    }
}
