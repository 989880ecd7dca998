package dev.hardening.auditor.core.facts.workstation;

import dev.hardening.auditor.core.tokens.CredentialKind;
import dev.hardening.auditor.core.tokens.FormatValidity;
import java.util.Objects;

/**
 * A credential an install script running as this user could read now. Holds no part of its value
 * but a fingerprint.
 *
 * @param kind        what it is
 * @param validity    what its format says (checksum valid, well-formed, unrecognised)
 * @param file        the file, as shown ({@code ~/.npmrc}); empty for an environment variable
 * @param line        1-based line in the file; 0 for a variable
 * @param variable    the environment variable; empty for a file
 * @param field       where in the file, e.g. {@code //registry.npmjs.org/:_authToken} or {@code [default] aws_secret_access_key}
 * @param target      the host, registry or profile it is for, e.g. {@code registry.npmjs.org}; may be empty
 * @param canPublish  whether it can publish packages, images or code
 * @param capability  what a thief could do with it
 * @param temporary   whether it expires by itself within hours (AWS session credentials)
 * @param fingerprint kind prefix and SHA-256 prefix of the value
 */
public record WorkstationCredential(CredentialKind kind, FormatValidity validity, String file, int line, String variable,
                                    String field, String target, boolean canPublish, String capability, boolean temporary,
                                    String fingerprint) {
    public WorkstationCredential {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validity, "validity");
        file = file == null ? "" : file;
        variable = variable == null ? "" : variable;
        field = field == null ? "" : field;
        target = target == null ? "" : target;
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** {@code ~/.npmrc line 3} or {@code environment variable NPM_TOKEN}. */
    public String location() {
        if (!variable.isEmpty()) {
            return "environment variable " + variable;
        }
        return line > 0 ? file + " line " + line : file;
    }
}
