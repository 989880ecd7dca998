package dev.hardening.auditor.core.testing;

import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.engine.StandaloneCheckRunner;
import dev.hardening.auditor.core.facts.FactUnavailableException;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one check the way the engine does, in one line:
 * {@code CheckHarness.of(new MyCheck()).targets(t).run(facts)}.
 *
 * <p>The metadata is loaded and validated through {@link CheckRegistry}, and the findings pass through
 * the engine's rules ({@link StandaloneCheckRunner}). One difference on purpose: a check that throws
 * something other than a missing fact fails the test, where the engine would hide it behind UNKNOWN.
 */
public final class CheckHarness {
    /** The default "now" of every harness: fixed, so tests are reproducible. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final RegisteredCheck check;
    private final AuditTargets targets;
    private final Policy policy;
    private final Clock clock;

    private CheckHarness(RegisteredCheck check, AuditTargets targets, Policy policy, Clock clock) {
        this.check = check;
        this.targets = targets;
        this.policy = policy;
        this.clock = clock;
    }

    public static CheckHarness of(Check check) {
        RegisteredCheck registered = CheckRegistry.of(List.of(check)).all().get(0);
        return new CheckHarness(registered, AuditTargets.none(), Policy.none(), Clock.fixed(DEFAULT_NOW, ZoneOffset.UTC));
    }

    public CheckHarness targets(AuditTargets newTargets) {
        return new CheckHarness(check, newTargets, policy, clock);
    }

    public CheckHarness policy(Policy newPolicy) {
        return new CheckHarness(check, targets, newPolicy, clock);
    }

    public CheckHarness at(Instant now) {
        return new CheckHarness(check, targets, policy, Clock.fixed(now, ZoneOffset.UTC));
    }

    public CheckMetadata metadata() {
        return check.metadata();
    }

    /** The findings, after the engine's rules. */
    public List<Finding> run(Facts facts) {
        AtomicReference<RuntimeException> bug = new AtomicReference<>();
        Check observed = context -> {
            try {
                return check.check().evaluate(context);
            } catch (FactUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                bug.set(e);
                throw e;
            }
        };
        CheckContext context = new CheckContext(check.metadata(), targets, facts, policy, clock);
        List<Finding> findings = StandaloneCheckRunner.run(new RegisteredCheck(check.metadata(), observed), context);
        if (bug.get() != null) {
            throw new AssertionError(check.id() + " threw instead of reporting a verdict", bug.get());
        }
        return findings;
    }

    /** The one finding the check produced; fails if there is not exactly one. */
    public Finding runSingle(Facts facts) {
        List<Finding> findings = run(facts);
        if (findings.size() != 1) {
            throw new AssertionError("expected exactly one finding from " + check.id() + ", got " + findings.size()
                    + ":" + describe(findings));
        }
        return findings.get(0);
    }

    /** The one finding about {@code subject}; fails if there is not exactly one. */
    public Finding runFor(Facts facts, String subject) {
        List<Finding> about = run(facts).stream().filter(f -> f.subject().equals(subject)).toList();
        if (about.size() != 1) {
            throw new AssertionError("expected exactly one finding about " + subject + " from " + check.id()
                    + ", got " + about.size() + ":" + describe(run(facts)));
        }
        return about.get(0);
    }

    /** One line per finding (status, subject, message), for failure messages that stay readable. */
    private static String describe(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        findings.forEach(f -> out.append("\n  ").append(f.status()).append(' ').append(f.subject()).append(": ").append(f.message()));
        return out.toString();
    }
}
