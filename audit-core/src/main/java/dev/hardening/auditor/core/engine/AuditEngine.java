package dev.hardening.auditor.core.engine;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.MemoizedFacts;
import dev.hardening.auditor.core.model.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs the checks of an audit in parallel, with bounded concurrency and a time limit per check,
 * over facts that are collected lazily and memoised for the whole audit.
 */
public final class AuditEngine {

    /**
     * @param concurrency  how many checks run at once (a check waiting for a fact another thread is
     *                     collecting does not count, see {@code RunningAudit})
     * @param checkTimeout how long one check may take before it is reported UNKNOWN
     */
    public record Settings(int concurrency, Duration checkTimeout) {
        public Settings {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
            Objects.requireNonNull(checkTimeout, "checkTimeout");
        }

        public static Settings defaults() {
            return new Settings(8, Duration.ofSeconds(120));
        }
    }

    private final CheckRegistry registry;
    private final Settings settings;

    public AuditEngine(CheckRegistry registry, Settings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    /**
     * The checks this request selects, in catalog order: those named by {@code checkIds}, or without any,
     * those reading a platform the audit can read.
     *
     * @throws UnknownCheckException when {@code checkIds} names a check the registry does not hold
     */
    public List<RegisteredCheck> select(AuditRequest request) {
        List<String> unknown = request.checkIds().stream().filter(id -> registry.find(id).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownCheckException(unknown);
        }
        List<RegisteredCheck> selected = new ArrayList<>();
        for (RegisteredCheck c : registry.all()) {
            boolean wanted = request.checkIds().isEmpty()
                    ? !Collections.disjoint(c.metadata().platforms(), request.platforms())
                    : request.checkIds().contains(c.id());
            if (wanted) {
                selected.add(c);
            }
        }
        return selected;
    }

    /**
     * Starts the audit in the background. A check named in {@code checkIds} that reads none of the
     * platforms the audit can read is not run: it reports NOT_APPLICABLE, saying what would bring its
     * platform in (see {@link NotAudited}).
     *
     * @throws UnknownCheckException when {@code checkIds} names a check the registry does not hold
     *
     * @param collectors      where facts come from
     * @param cancelInFlight  stops in-flight I/O when the audit is cancelled (e.g. cancels HTTP calls)
     */
    public AuditRun start(AuditRequest request, CollectorRegistry collectors, ProgressListener listener,
                          Runnable cancelInFlight) {
        List<RegisteredCheck> checks = select(request).stream().map(c -> NotAudited.unlessAudited(c, request.platforms())).toList();
        RunningAudit run = new RunningAudit(checks, settings, listener, cancelInFlight, request.clock());
        MemoizedFacts facts = new MemoizedFacts(collectors, run::isCancelled, run.readAheadLanes(), run::progressed, run.factWaits());
        run.start(check -> new CheckContext(check.metadata(), request.targets(), facts, request.policy(), request.clock()));
        return run;
    }

    /** Runs the audit and waits for it. */
    public AuditResult run(AuditRequest request, CollectorRegistry collectors, ProgressListener listener)
            throws InterruptedException {
        AuditRun run = start(request, collectors, listener, () -> { });
        try {
            return run.await();
        } catch (InterruptedException e) {
            run.cancel();
            throw e;
        }
    }

    static List<Finding> sorted(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing(Finding::stage).thenComparing(Finding::check).thenComparing(Finding::subject));
        return out;
    }
}
