package dev.hardening.auditor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.Auditor;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.sim.server.SimServer;
import dev.hardening.auditor.sim.testing.SimAudit;
import dev.hardening.auditor.sim.world.World;
import dev.hardening.auditor.sim.world.WorldGenerator;
import dev.hardening.auditor.sim.world.WorldSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Twenty audits in one process, as the desktop app or a long-lived runner would make them: the
 * live threads and the heap left after a collection must not grow from one audit to the next.
 */
class SoakTest {
    private static final int AUDITS = 20;
    /** Threads that may come and go between measurements (idle pool threads, the JVM's own). */
    private static final int THREAD_SLACK = 6;
    /** Heap left after a collection may vary this much (JIT, class data, the collector's own pace). */
    private static final long HEAP_SLACK_BYTES = 24L * 1024 * 1024;

    @Test
    void twenty_audits_leave_no_growing_trail_of_threads_or_heap() throws Exception {
        World world = WorldGenerator.generate(WorldSpec.small());
        List<Integer> threads = new ArrayList<>();
        List<Long> heap = new ArrayList<>();
        try (SimServer server = SimServer.start(world)) {
            for (int i = 1; i <= AUDITS; i++) {
                // A new auditor each time, as each audit of the app builds its own clients.
                Auditor auditor = new Auditor(SimAudit.checks(), SimAudit.patient(server));
                AuditReport report = SimAudit.run(auditor, world);
                assertThat(report.summary().get(Status.PASS)).as("audit %d", i).isPositive();
                assertThat(report.summary().get(Status.UNKNOWN)).as("audit %d: %s", i, report.findings().stream().filter(f -> f.status() == Status.UNKNOWN).map(f -> f.check() + " " + f.message()).toList()).isLessThanOrEqualTo(4);
                server.log().clear();
                threads.add(liveThreads());
                heap.add(heapAfterGc());
            }
        }
        // Audit 2 is the baseline: the first one loads classes and starts the shared pools.
        assertThat(threads.get(AUDITS - 1)).as("live threads per audit %s", threads)
                .isLessThanOrEqualTo(threads.get(1) + THREAD_SLACK);
        assertThat(heap.get(AUDITS - 1)).as("heap after GC per audit %s", heap)
                .isLessThanOrEqualTo(heap.get(1) + HEAP_SLACK_BYTES);
    }

    /**
     * Threads of the finished audit end a moment after its report is complete: the count once it has held
     * still for 100 ms (a loaded machine waits longer, up to 5 s), not after a fixed pause.
     */
    private static int liveThreads() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        int last = ManagementFactory.getThreadMXBean().getThreadCount();
        int unchanged = 0;
        while (unchanged < 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            int now = ManagementFactory.getThreadMXBean().getThreadCount();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }
        return last;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
