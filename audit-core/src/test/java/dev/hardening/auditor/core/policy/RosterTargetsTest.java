package dev.hardening.auditor.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.testing.TargetsBuilder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RosterTargetsTest {

    private static Policy policy(String yaml) throws Exception {
        return PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml");
    }

    @Test
    void theRostersPyPIProjectsAreAddedOnceSortedAndWithoutCaseDuplicates() throws Exception {
        AuditTargets targets = TargetsBuilder.targets().pypiProject("Requests").npmPackage("left-pad").build();
        Policy policy = policy("roster:\n  pypi:\n    zest.releaser: [a]\n    requests: [b]\n    attrs: [c]\n"
                + "  npm:\n    left-pad: [d]\n");

        AuditTargets out = RosterTargets.withRosterProjects(targets, policy);

        assertThat(out.pypiProjects()).containsExactly("Requests", "attrs", "zest.releaser");
        assertThat(out.npmPackages()).containsExactly("left-pad");
    }

    @Test
    void withNothingToAddTheTargetsAreKept() throws Exception {
        AuditTargets targets = TargetsBuilder.targets().pypiProject("attrs").build();

        assertThat(RosterTargets.withRosterProjects(targets, Policy.none())).isSameAs(targets);
        assertThat(RosterTargets.withRosterProjects(targets, policy("roster:\n  pypi:\n    ATTRS: [a]\n"))).isSameAs(targets);
    }
}
