package dev.hardening.auditor.core.playbook;

import dev.hardening.auditor.core.model.RemediationStep;
import java.util.List;

/**
 * One credential in the incident playbook: what it is, everywhere it was seen, what it can
 * publish, and how to rotate it.
 *
 * @param kind        the credential kind's id ({@code npm-token}, ...), empty when not recognised
 * @param description e.g. "npm access token"
 * @param locations   every place it was seen ({@code ~/.npmrc line 2}, {@code environment variable NPM_TOKEN})
 * @param target      the registry, host or account it is for
 * @param canPublish  whether it can publish packages, images or code
 * @param capability  what a thief could do with it
 * @param fingerprint identifies it without revealing it
 * @param foundBy     the check that reported it
 * @param steps       rotation steps, in order
 */
public record PlaybookCredential(String kind, String description, List<String> locations, String target, boolean canPublish,
                                 String capability, String fingerprint, String foundBy, List<RemediationStep> steps) {
    public PlaybookCredential {
        locations = List.copyOf(locations);
        steps = List.copyOf(steps);
    }

    PlaybookCredential alsoAt(List<String> more) {
        List<String> all = new java.util.ArrayList<>(locations);
        more.stream().filter(l -> !all.contains(l)).forEach(all::add);
        return new PlaybookCredential(kind, description, all, target, canPublish, capability, fingerprint, foundBy, steps);
    }
}
