package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.tokens.CredentialKind;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Docker's {@code config.json}: {@code auths.<registry>.auth} is {@code base64(user:password)} in
 * plain text (or {@code identitytoken} / {@code registrytoken}); {@code credsStore} and
 * {@code credHelpers} mean the credentials live in a system store instead, which is fine.
 */
final class DockerConfigParser {
    private DockerConfigParser() {
    }

    static void parse(String text, String file, ScanResults out) {
        List<LocatedScalars.Scalar> scalars;
        try {
            scalars = LocatedScalars.json(text);
        } catch (IOException | RuntimeException e) {
            out.gap(Unavailability.of(Cause.MALFORMED, file + " is not valid JSON, so docker's credentials could not be read",
                    "check the file, or run docker logout and docker login again"));
            return;
        }
        for (LocatedScalars.Scalar s : scalars) {
            List<String> p = s.path();
            if (p.size() == 1 && p.get(0).equals("credsStore") && !s.value().isBlank()) {
                out.safe(file, "docker keeps registry credentials in the credential store " + s.value());
            } else if (p.size() == 2 && p.get(0).equals("credHelpers")) {
                out.safe(file, "docker uses the credential helper " + s.value() + " for " + p.get(1));
            } else if (p.size() == 3 && p.get(0).equals("auths") && !s.value().isBlank()) {
                String registry = p.get(1);
                String field = "auths." + registry + "." + p.get(2);
                switch (p.get(2)) {
                    case "auth" -> {
                        Candidate c = candidate(s, file, field, registry);
                        Optional<Base64Credentials.UserPassword> decoded = Base64Credentials.decode(s.value());
                        out.candidate(decoded.map(up -> c.withValue(up.password())).orElse(c));
                    }
                    case "identitytoken", "registrytoken", "password" -> out.candidate(candidate(s, file, field, registry));
                    default -> {
                        // username, email and the like are not secrets.
                    }
                }
            }
        }
    }

    private static Candidate candidate(LocatedScalars.Scalar s, String file, String field, String registry) {
        String host = registry.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        return Candidate.inFile(s.value(), file, s.line(), field, host, CredentialKind.DOCKER_REGISTRY_AUTH)
                .withCapability("push images to " + host + " as the account it belongs to", true);
    }
}
