package dev.hardening.auditor.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a check is, declared once in the check's own {@code metadata.yaml} and carried by every
 * finding it produces.
 *
 * @param id          stable identifier, e.g. {@code github.2fa}
 * @param title       short imperative title of the hardened state
 * @param stage       where the item sits in the hardening cycle
 * @param platforms   sources the check reads; the engine skips a check when none is targeted
 * @param severity    default severity of its FAIL and WARN findings
 * @param summary     one sentence: what the check decides, from which data
 * @param why         why it matters
 * @param incidents   real incidents it would have caught or prevented
 * @param remediation ordered steps, with the settings page URL where there is one
 * @param references  standards and docs (CIS, OpenSSF Scorecard, SLSA, registry docs)
 */
public record CheckMetadata(
        String id,
        String title,
        Stage stage,
        Set<Platform> platforms,
        Severity severity,
        String summary,
        String why,
        List<Incident> incidents,
        List<RemediationStep> remediation,
        List<Reference> references) {

    public CheckMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(severity, "severity");
        platforms = Set.copyOf(platforms);
        summary = summary == null ? "" : summary;
        why = why == null ? "" : why;
        incidents = List.copyOf(incidents);
        remediation = List.copyOf(remediation);
        references = List.copyOf(references);
    }
}
