package dev.hardening.auditor.desktop.setup;

import dev.hardening.auditor.core.model.AuditTargets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a real audit looks at, as typed on the Setup screen: the targets and an optional policy
 * file. Immutable, so it can be handed to a background thread.
 */
public record AuditPlan(AuditTargets targets, Optional<Path> policyFile) {
    public AuditPlan {
        Objects.requireNonNull(targets, "targets");
        policyFile = policyFile == null ? Optional.empty() : policyFile;
    }

    /** A short description for the Run screen, e.g. {@code github-user:octocat, npm-package:left-pad}. */
    public String describe() {
        List<String> parts = new ArrayList<>(targets.describe());
        policyFile.ifPresent(p -> parts.add("policy " + p.getFileName()));
        return parts.isEmpty() ? "the accounts of the stored tokens" : String.join(", ", parts);
    }

    /**
     * Names typed into one field, separated by commas, spaces or new lines; duplicates dropped, order
     * kept. A name with characters no account or package name has is refused with a message naming the field.
     */
    public static List<String> names(String field, String typed) {
        List<String> out = new ArrayList<>();
        if (typed == null) {
            return out;
        }
        for (String part : typed.split("[,\\s]+")) {
            String name = part.strip();
            if (name.isEmpty() || out.contains(name)) {
                continue;
            }
            if (name.length() > 214 || !name.matches("[A-Za-z0-9@._~/+-]+")) {
                throw new IllegalArgumentException(field + ": '" + name + "' is not a valid name");
            }
            out.add(name);
        }
        return out;
    }
}
