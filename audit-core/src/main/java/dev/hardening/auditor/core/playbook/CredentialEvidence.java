package dev.hardening.auditor.core.playbook;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.tokens.CredentialKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evidence a finding carries about one credential, in a form both people and the incident
 * playbook read: {@code credential} ("npm access token (npm-token)"), {@code location},
 * {@code for}, {@code can publish} ("yes: ..." / "no: ..."), {@code format} and
 * {@code fingerprint}. A check that reports credentials (workstation files, a platform's token
 * list, a token given to the audit) builds its evidence here, and the playbook lists them.
 */
public final class CredentialEvidence {
    public static final String CREDENTIAL = "credential";
    public static final String LOCATION = "location";
    public static final String TARGET = "for";
    public static final String CAN_PUBLISH = "can publish";
    public static final String FORMAT = "format";
    public static final String FINGERPRINT = "fingerprint";
    private static final Pattern KIND_ID = Pattern.compile("\\(([a-z0-9-]+)\\)$");

    private CredentialEvidence() {
    }

    /**
     * @param source where the observation came from (a file and line, a variable, an API resource)
     */
    public static List<Evidence> of(CredentialKind kind, String location, String target, boolean canPublish, String capability,
                                    String format, String fingerprint, String source) {
        List<Evidence> out = new ArrayList<>();
        out.add(Evidence.of(CREDENTIAL, kind.description() + " (" + kind.id() + ")", source));
        out.add(Evidence.of(LOCATION, location, source));
        if (!target.isBlank()) {
            out.add(Evidence.of(TARGET, target, source));
        }
        out.add(Evidence.of(CAN_PUBLISH, (canPublish ? "yes: " : "no: ") + capability, source));
        if (!format.isBlank()) {
            out.add(Evidence.of(FORMAT, format, source));
        }
        out.add(Evidence.of(FINGERPRINT, fingerprint, source));
        return out;
    }

    /** The credential a finding describes, when its evidence follows this form. */
    static Optional<PlaybookCredential> read(Finding finding) {
        Optional<String> credential = value(finding, CREDENTIAL);
        Optional<String> fingerprint = value(finding, FINGERPRINT);
        if (credential.isEmpty() || fingerprint.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = KIND_ID.matcher(credential.get());
        Optional<CredentialKind> kind = m.find() ? CredentialKind.byId(m.group(1)) : Optional.empty();
        String description = m.reset().find() ? credential.get().substring(0, m.start()).strip() : credential.get();
        String canPublish = value(finding, CAN_PUBLISH).orElse("");
        return Optional.of(new PlaybookCredential(kind.map(CredentialKind::id).orElse(""), description,
                List.of(value(finding, LOCATION).orElse(finding.subject())), value(finding, TARGET).orElse(""),
                canPublish.startsWith("yes"), canPublish.replaceFirst("^(yes|no): ", ""), fingerprint.get(),
                finding.check(), kind.map(dev.hardening.auditor.core.tokens.Revocation::stepsFor).orElse(finding.remediation())));
    }

    static Optional<String> value(Finding finding, String label) {
        return finding.evidence().stream().filter(e -> e.label().equals(label)).map(Evidence::value).findFirst();
    }
}
