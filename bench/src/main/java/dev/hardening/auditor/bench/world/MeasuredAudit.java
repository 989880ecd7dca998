package dev.hardening.auditor.bench.world;

import dev.hardening.auditor.cli.AuditorCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The child JVM of the world benchmark: runs the command line exactly as {@code ./auditor} does
 * ({@link AuditorCommand#main}) and, as it exits, writes what it used: wall time from its start,
 * the peak heap (the sum of every heap pool's peak, an upper bound of the true peak), the heap in use
 * after a final full collection, and the peak number of live threads.
 *
 * <pre>MeasuredAudit STATS_FILE auditor-arguments...</pre>
 */
public final class MeasuredAudit {
    private MeasuredAudit() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Path stats = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(stats, start), "measured-audit-stats"));
        AuditorCommand.main(Arrays.copyOfRange(args, 1, args.length));
    }

    private static void write(Path stats, long start) {
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int threads = ManagementFactory.getThreadMXBean().getPeakThreadCount();
        long max = Runtime.getRuntime().maxMemory();
        // CPU time of the whole child (all threads, JIT and GC included): how much of the wall time was work.
        long cpuMs = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        String json = String.format(Locale.ROOT,
                "{\"wallMs\": %d, \"peakHeapBytes\": %d, \"heapAfterGcBytes\": %d, \"peakThreads\": %d, \"maxHeapBytes\": %d,"
                        + " \"cpuMs\": %d}%n",
                wallMs, peak, after, threads, max, cpuMs);
        try {
            Files.writeString(stats, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("measured-audit: cannot write " + stats + ": " + e.getMessage());
        }
    }
}
