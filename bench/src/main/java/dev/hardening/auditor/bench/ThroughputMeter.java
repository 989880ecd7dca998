package dev.hardening.auditor.bench;

import dev.hardening.auditor.core.scan.SecretScanner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the full rule set on the corpus's files held in memory (no disk, no archive), one
 * thread, after warm-up: for each measured pass both wall-clock and this thread's CPU time, so a
 * machine shared with other work still gives a per-core figure (CPU time does not count the time
 * the thread waited for a core).
 *
 * <pre>java -cp ... dev.hardening.auditor.bench.ThroughputMeter CORPUS_DIR [WARMUP_PASSES] [PASSES]</pre>
 */
public final class ThroughputMeter {
    private ThroughputMeter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<byte[]> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long total = 0;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] b = Files.readAllBytes(p);
                files.add(b);
                names.add(dir.relativize(p).toString());
                total += b.length;
            }
        }
        SecretScanner scanner = SecretScanner.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[passes];
        double[] cpu = new double[passes];
        int found = 0;
        for (int pass = -warmup; pass < passes; pass++) {
            long w = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            found = 0;
            for (int i = 0; i < files.size(); i++) {
                found += scanner.scan(names.get(i), files.get(i)).size();
            }
            if (pass >= 0) {
                wall[pass] = total / 1048576.0 / ((System.nanoTime() - w) / 1e9);
                cpu[pass] = total / 1048576.0 / ((threads.getCurrentThreadCpuTime() - c) / 1e9);
                System.out.printf(Locale.ROOT, "pass %d: %.1f MiB/s wall, %.1f MiB/s per CPU second%n", pass + 1, wall[pass], cpu[pass]);
            }
        }
        System.out.printf(Locale.ROOT, "%.1f MiB in %d files, %d findings; wall best %.1f median %.1f MiB/s;"
                + " CPU best %.1f median %.1f MiB/s%n", total / 1048576.0, files.size(), found, max(wall), median(wall),
                max(cpu), median(cpu));
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
