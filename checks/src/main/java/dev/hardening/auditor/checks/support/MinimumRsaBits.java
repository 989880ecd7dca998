package dev.hardening.auditor.checks.support;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.keys.KeyAlgorithm;
import dev.hardening.auditor.core.keys.KeyDescription;
import dev.hardening.auditor.core.model.Evidence;
import java.util.Optional;

/**
 * The policy's {@code keys.min-rsa-bits}: the least RSA size the team accepts for signing and SSH
 * keys. It only tightens the checks' own rule (RSA under 2048 bits is weak with or without a policy).
 *
 * @param bits the least size accepted
 * @param rule how findings name the rule, e.g. {@code policy team.yaml (keys.min-rsa-bits)}
 */
public record MinimumRsaBits(int bits, String rule) {
    public static final String KEY = "keys.min-rsa-bits";

    /** The policy's minimum, when it sets one. */
    public static Optional<MinimumRsaBits> of(CheckContext context) {
        return context.policy().minRsaBits().isPresent()
                ? Optional.of(new MinimumRsaBits(context.policy().minRsaBits().getAsInt(), context.policy().describe(KEY)))
                : Optional.empty();
    }

    /** Whether an RSA key of known size is below the minimum; other algorithms and unknown sizes are not judged here. */
    public boolean rejects(KeyAlgorithm algorithm, int keyBits) {
        return algorithm == KeyAlgorithm.RSA && keyBits > 0 && keyBits < bits;
    }

    public boolean rejects(KeyDescription key) {
        return rejects(key.algorithm(), key.bits().orElse(0));
    }

    public Evidence evidence() {
        return Evidence.of("least RSA size accepted", bits + " bits", rule);
    }

    /** {@code the team policy accepts RSA keys of at least 3072 bits (policy team.yaml (keys.min-rsa-bits))}. */
    public String requirement() {
        return "the team policy accepts RSA keys of at least " + bits + " bits (" + rule + ")";
    }
}
