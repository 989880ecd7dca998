package dev.hardening.auditor.core.check;

import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import java.util.List;
import java.util.Set;

/**
 * Registries of checks written in code, for engine tests that need many similar checks (ten
 * readers of one fact, a pool of blocking checks). Checks of the product are always loaded with
 * their validated {@code metadata.yaml} through {@link CheckRegistry#of} or {@link CheckRegistry#load}.
 */
public final class TestRegistries {
    private TestRegistries() {
    }

    public static CheckMetadata metadata(String id, Platform... platforms) {
        return new CheckMetadata(id, "Test check " + id, Stage.EVALUATE, Set.of(platforms), Severity.MEDIUM,
                "A check written in a test.", "Tests the engine.", List.of(),
                List.of(RemediationStep.of("Nothing to do.")),
                List.of(new Reference("Engine tests", "https://example.com/engine")));
    }

    public static RegisteredCheck check(String id, Check check, Platform... platforms) {
        return new RegisteredCheck(metadata(id, platforms.length == 0 ? new Platform[] {Platform.GITHUB} : platforms), check);
    }

    /** In the order given (the product's registry sorts by stage, then id). */
    public static CheckRegistry of(List<RegisteredCheck> checks) {
        return new CheckRegistry(checks);
    }
}
