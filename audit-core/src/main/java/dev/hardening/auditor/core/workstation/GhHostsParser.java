package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.tokens.CredentialKind;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The GitHub CLI's {@code hosts.yml}: per host an {@code oauth_token} (older releases, or
 * {@code --insecure-storage}), and per account under {@code users} since multi-account support.
 * A host listed without a token keeps it in the system keyring, the default of current releases.
 */
final class GhHostsParser {
    private GhHostsParser() {
    }

    static void parse(String text, String file, ScanResults out) {
        List<LocatedScalars.Scalar> scalars;
        try {
            scalars = LocatedScalars.yaml(text);
        } catch (IOException | RuntimeException e) {
            out.gap(Unavailability.of(Cause.MALFORMED, file + " is not valid YAML, so the GitHub CLI's tokens could not be read",
                    "check the file, or run gh auth status"));
            return;
        }
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> hostsWithToken = new LinkedHashSet<>();
        for (LocatedScalars.Scalar s : scalars) {
            if (s.path().isEmpty()) {
                continue;
            }
            String host = s.path().get(0);
            hosts.add(host);
            if (s.key().equals("oauth_token")) {
                hostsWithToken.add(host);
                String account = s.path().size() >= 4 && s.path().get(1).equals("users") ? " (account " + s.path().get(2) + ")" : "";
                out.candidate(Candidate.inFile(s.value(), file, s.line(), String.join(".", s.path()), host + account,
                        CredentialKind.GITHUB_OAUTH));
            }
        }
        for (String host : hosts) {
            if (!hostsWithToken.contains(host)) {
                out.safe(file, "the GitHub CLI keeps the token for " + host + " in the system keyring");
            }
        }
    }
}
