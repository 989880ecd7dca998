package dev.hardening.auditor.bench;

import dev.hardening.auditor.core.scan.ArtifactScanner;
import dev.hardening.auditor.core.scan.ScanResult;
import dev.hardening.auditor.core.scan.SecretMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scans a labelled corpus ({@link CorpusGenerator}) and reports precision and recall per kind. A
 * finding is a true positive when a secret of the same kind is labelled on the same line of the same
 * file; any other finding (a decoy's line, an unlabelled line, another kind) is a false positive; a
 * labelled secret with no such finding is a false negative.
 *
 * <pre>java -cp ... dev.hardening.auditor.bench.AccuracyHarness CORPUS_DIR</pre>
 */
public final class AccuracyHarness {
    /** Counts of one kind. */
    public record Counts(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }
    }

    /** Per kind, the overall counts, and the scan's size and time. */
    public record Report(Map<String, Counts> byKind, Counts overall, long bytes, long files, long nanos, long cpuNanos,
                         List<String> falsePositives, List<String> falseNegatives) {
        public double megabytesPerSecond() {
            return bytes / 1048576.0 / (nanos / 1e9);
        }

        /** Per core: bytes over the scanning thread's CPU time (what other processes on the machine do not change). */
        public double megabytesPerCpuSecond() {
            return bytes / 1048576.0 / (cpuNanos / 1e9);
        }

        public String markdown() {
            StringBuilder b = new StringBuilder("| kind | secrets | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|\n");
            byKind.forEach((k, c) -> b.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %d | %.3f | %.3f |%n", k,
                    c.tp() + c.fn(), c.tp(), c.fp(), c.fn(), c.precision(), c.recall())));
            b.append(String.format(Locale.ROOT, "| **overall** | %d | %d | %d | %d | **%.3f** | **%.3f** |%n",
                    overall.tp() + overall.fn(), overall.tp(), overall.fp(), overall.fn(), overall.precision(), overall.recall()));
            return b.toString();
        }
    }

    private AccuracyHarness() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: AccuracyHarness CORPUS_DIR");
            System.exit(2);
        }
        Report r = run(Path.of(args[0]));
        System.out.print(r.markdown());
        System.out.printf(Locale.ROOT, "%nscanned %d files, %.1f MiB in %.2f s wall, %.2f s CPU: %.1f MiB/s wall, %.1f MiB/s per"
                        + " CPU second (one thread, reading files included)%n", r.files(), r.bytes() / 1048576.0, r.nanos() / 1e9,
                r.cpuNanos() / 1e9, r.megabytesPerSecond(), r.megabytesPerCpuSecond());
        r.falsePositives().stream().limit(20).forEach(s -> System.out.println("FP " + s));
        r.falseNegatives().stream().limit(20).forEach(s -> System.out.println("FN " + s));
    }

    public static Report run(Path corpus) throws IOException {
        Map<String, Set<String>> truth = new HashMap<>();
        Set<String> decoys = new HashSet<>();
        Set<String> kinds = new TreeSet<>();
        for (String line : Files.readAllLines(corpus.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f[0].equals("path")) {
                continue;
            }
            String at = f[0] + ":" + f[1];
            kinds.add(f[2]);
            if (f[3].equals("secret")) {
                truth.computeIfAbsent(at, k -> new HashSet<>()).add(f[2]);
            } else {
                decoys.add(at + " " + f[2]);
            }
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        ArtifactScanner scanner = ArtifactScanner.standard();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        ScanResult result = scanner.scanPath(corpus);
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long nanos = System.nanoTime() - start;
        Map<String, Counts> byKind = new TreeMap<>();
        kinds.forEach(k -> byKind.put(k, new Counts(0, 0, 0)));
        Set<String> found = new HashSet<>();
        List<String> fps = new ArrayList<>();
        for (SecretMatch m : result.secrets()) {
            String at = m.path() + ":" + m.line();
            Set<String> expected = truth.getOrDefault(at, Set.of());
            if (expected.contains(m.kind()) && found.add(at + " " + m.kind())) {
                byKind.merge(m.kind(), new Counts(1, 0, 0), Counts::plus);
            } else {
                byKind.merge(m.kind(), new Counts(0, 1, 0), Counts::plus);
                fps.add(at + " " + m.kind() + " " + m.redacted() + (expected.isEmpty() ? "" : " (labelled " + expected + ")"));
            }
        }
        List<String> fns = new ArrayList<>();
        truth.forEach((at, ks) -> ks.forEach(k -> {
            if (!found.contains(at + " " + k)) {
                byKind.merge(k, new Counts(0, 0, 1), Counts::plus);
                fns.add(at + " " + k);
            }
        }));
        Counts overall = byKind.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
        return new Report(byKind, overall, result.bytes(), result.files(), nanos, cpu, fps, fns);
    }
}
