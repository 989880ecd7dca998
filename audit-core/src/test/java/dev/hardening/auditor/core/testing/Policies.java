package dev.hardening.auditor.core.testing;

import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;

/** Team policies for tests, written as in a policy file: {@code Policies.of("tokens: {max-age: 90d}")}. */
public final class Policies {
    /** The name the policies of these tests are read from; findings name rules with it. */
    public static final String SOURCE = "team.yaml";

    private Policies() {
    }

    /** The policy file text, read as {@value #SOURCE}; a test with a malformed policy fails at once. */
    public static Policy of(String yaml) {
        try {
            return PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), SOURCE);
        } catch (PolicyLoader.InvalidPolicyException e) {
            throw new AssertionError("the test's policy is invalid: " + e.getMessage(), e);
        }
    }
}
