package dev.hardening.auditor.core.workflows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A job that publishes packages, and how it authenticates.
 *
 * @param registries       where it publishes
 * @param publishSteps     the steps that publish, described ({@code step 4 "npm publish --provenance"})
 * @param idTokenWrite     whether it may request an OIDC token ({@code id-token: write}), which trusted
 *                         publishing needs
 * @param registrySecrets  long-lived registry credentials it reads ({@code NPM_TOKEN}, {@code PYPI_API_TOKEN},
 *                         ...), by secret name
 * @param environment      its {@code environment:}, when it names one; an expression is kept as written
 * @param reusableWorkflow the workflow it calls instead of running steps, if any (its steps are not visible)
 */
public record PublishJob(String path, String job, Optional<Integer> line, Set<Registry> registries, List<String> publishSteps,
                         boolean idTokenWrite, List<String> registrySecrets, Optional<String> environment,
                         Optional<String> reusableWorkflow) {
    public PublishJob {
        registries = Set.copyOf(registries);
        publishSteps = List.copyOf(publishSteps);
        registrySecrets = List.copyOf(registrySecrets);
    }

    /** {@code .github/workflows/release.yml job publish}. */
    public String describe() {
        return path + " job " + job;
    }
}
