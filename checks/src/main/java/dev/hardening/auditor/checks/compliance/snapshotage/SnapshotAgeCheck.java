package dev.hardening.auditor.checks.compliance.snapshotage;

import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.store.LastSnapshot;
import dev.hardening.auditor.core.facts.store.StoreFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.policy.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code compliance.snapshot-age}: the last snapshot in the snapshot database against the policy's
 * {@code snapshots.cadence}. Older than the cadence, or none at all, FAIL; within it PASS; no cadence
 * in the policy NOT_APPLICABLE; a database that cannot be read UNKNOWN.
 */
public final class SnapshotAgeCheck implements Check {
    static final String SUBJECT = "snapshots";

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Duration> cadence = context.policy().snapshotCadence();
        if (cadence.isEmpty()) {
            return List.of(context.notApplicable(SUBJECT, "The policy sets no snapshot cadence (snapshots.cadence), "
                    + "so the age of the last snapshot is not judged."));
        }
        Fact<LastSnapshot> fact = context.facts().lookup(StoreFacts.LAST_SNAPSHOT);
        if (fact instanceof Fact.Unavailable<LastSnapshot> unavailable) {
            return List.of(context.unknown(SUBJECT, unavailable.unavailability()));
        }
        LastSnapshot last = ((Fact.Available<LastSnapshot>) fact).value();
        String every = DurationText.describe(cadence.get());
        String policySource = context.policy().source().isEmpty() ? "policy" : "policy " + context.policy().source();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("required cadence", "one snapshot every " + every, policySource + " (snapshots.cadence)"));
        evidence.add(Evidence.of("snapshot database", last.database() + " (" + last.count()
                + (last.count() == 1 ? " snapshot)" : " snapshots)"), "snapshot database"));
        if (last.takenAt().isEmpty()) {
            return List.of(context.fail(SUBJECT, "No snapshot has been taken yet, and the policy requires one every "
                    + every + ".", evidence));
        }
        Instant takenAt = last.takenAt().get();
        Duration age = Duration.between(takenAt, context.now());
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        evidence.add(Evidence.of("last snapshot", "#" + last.id() + " taken " + takenAt + " (" + describeAge(age)
                + " ago)", "snapshot database"));
        Instant due = takenAt.plus(cadence.get());
        if (age.compareTo(cadence.get()) > 0) {
            return List.of(context.fail(SUBJECT, "The last snapshot was taken " + describeAge(age) + " ago; the policy "
                    + "requires one every " + every + ", so one was due on " + due + ".", evidence));
        }
        evidence.add(Evidence.of("next due", due.toString(), policySource + " (snapshots.cadence)"));
        return List.of(context.pass(SUBJECT, "The last snapshot was taken " + describeAge(age) + " ago, within the "
                + "policy's cadence of one every " + every + ".", evidence));
    }

    private static String describeAge(Duration age) {
        if (age.toDays() >= 2) {
            return age.toDays() + " days";
        }
        long hours = age.toHours();
        if (hours >= 1) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = age.toMinutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
