package dev.hardening.auditor.core.tokens;

import java.util.List;
import java.util.Objects;

/**
 * What a token is, judged offline from its text alone. Holds no part of the token but its kind
 * and fingerprint.
 *
 * @param kind        what it is
 * @param validity    whether its format (and checksum, where there is one) holds
 * @param details     further facts read from it, e.g. the AWS account id or a macaroon's scope
 * @param capability  what a holder can do with it
 * @param canPublish  whether a holder could publish packages, images or code with it
 * @param fingerprint kind prefix and SHA-256 prefix ({@link dev.hardening.auditor.core.secrets.Masking#token})
 */
public record TokenInspection(CredentialKind kind, FormatValidity validity, List<String> details, String capability,
                              boolean canPublish, String fingerprint) {
    public TokenInspection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validity, "validity");
        details = List.copyOf(details);
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** An inspection with the kind's own capability text. */
    public static TokenInspection of(CredentialKind kind, FormatValidity validity, List<String> details, CharSequence token) {
        return new TokenInspection(kind, validity, details, kind.capability(), kind.canPublish(),
                dev.hardening.auditor.core.secrets.Masking.token(token));
    }

    /** Whether the value may be a real credential (not a placeholder or a value with a wrong checksum). */
    public boolean plausible() {
        return validity.plausible();
    }
}
