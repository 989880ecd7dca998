package dev.hardening.auditor.bench.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.sim.bound.LowerBound;
import dev.hardening.auditor.sim.bound.RequestPlan;
import dev.hardening.auditor.sim.server.Behaviour;
import dev.hardening.auditor.sim.server.Host;
import dev.hardening.auditor.sim.server.RequestLog;
import dev.hardening.auditor.sim.server.SimServer;
import dev.hardening.auditor.sim.world.PyPIProject;
import dev.hardening.auditor.sim.world.World;
import dev.hardening.auditor.sim.world.WorldGenerator;
import dev.hardening.auditor.sim.world.WorldSpec;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end benchmark: generates a world, serves it on loopback with a latency per request,
 * runs {@code auditor audit} against it in a child JVM (as a user would, heap capped), and prints
 * what the audit cost next to the least it could cost: requests per host against the plan's minimum,
 * wall time against the lower bound, bytes, peak heap; then a second run through the HTTP cache,
 * counting GitHub's 304 answers.
 *
 * <pre>
 * WorldBenchmark [--members N] [--npm N] [--versions N] [--pypi N] [--releases N] [--repos N]
 *                [--latency-ms 50] [--xmx 512m] [--runs 2] [--revalidate-wait-s 61] [--check-timeout-s N] [--concurrency N]
 *                [--check ID]... [--jvm-arg ARG]... [--jvm-options-file cli/jvm-options] [--class-data-archive yes|no]
 *                [--log PREFIX] [--out FILE]
 * </pre>
 */
public final class WorldBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorldBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        List<String> checks = new ArrayList<>();
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--check")) {
                checks.add(args[i + 1]);
            } else if (args[i].equals("--jvm-arg")) {
                jvmArgs.add(args[i + 1]);
            } else {
                o.put(args[i], args[i + 1]);
            }
        }
        WorldSpec d = WorldSpec.benchmark();
        WorldSpec spec = new WorldSpec(num(o, "--members", d.members()), num(o, "--npm", d.npmPackages()),
                num(o, "--versions", d.versionsPerPackage()), num(o, "--pypi", d.pypiProjects()),
                num(o, "--releases", d.releasesPerProject()), num(o, "--repos", d.repositories()), d.seed(), d.now());
        Duration latency = Duration.ofMillis(num(o, "--latency-ms", 50));
        // The child audits with the defaults: its per-host limit is the clients' own, read here, not guessed.
        int perHost = HttpSettings.defaults().maxConcurrentPerHost();
        int runs = num(o, "--runs", 2);
        String xmx = o.getOrDefault("--xmx", "512m");
        Duration revalidateWait = Duration.ofSeconds(num(o, "--revalidate-wait-s", 61));
        // 0: the CLI's own default --check-timeout, as a user gets it; the report counts checks it cut short.
        int checkTimeout = num(o, "--check-timeout-s", 0);
        // 0: the CLI's own default --concurrency (checks run at once).
        int concurrency = num(o, "--concurrency", 0);
        Path out = Path.of(o.getOrDefault("--out", "target/world-benchmark.txt"));

        // The launcher's own JVM options first, so that the child runs as `./auditor audit` does.
        List<String> launcherOptions = launcherJvmOptions(Path.of(o.getOrDefault("--jvm-options-file", "cli/jvm-options")));
        jvmArgs.addAll(0, launcherOptions);
        Report report = new Report();
        report.line("world benchmark " + Instant.now());
        report.line(String.format(Locale.ROOT, "world: %d members, %d npm packages x %d versions, %d PyPI projects x %d releases,"
                        + " %d repositories; latency %d ms per request on every host; the auditor allows %d requests in flight per host",
                spec.members(), spec.npmPackages(), spec.versionsPerPackage(), spec.pypiProjects(), spec.releasesPerProject(),
                spec.repositories(), latency.toMillis(), perHost));
        report.line("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, load average "
                + String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + ", java " + System.getProperty("java.version"));

        boolean classData = !"no".equals(o.getOrDefault("--class-data-archive", "yes"));
        report.line("child JVM options: -Xmx" + xmx + (jvmArgs.isEmpty() ? "" : " " + String.join(" ", jvmArgs))
                + (launcherOptions.isEmpty() ? "" : " (the launcher's from cli/jvm-options, then --jvm-arg)")
                + (classData ? "; the CLI's jars and a class-data archive made by one demo run, as ./auditor does" : "; no class-data archive"));

        long genStart = System.nanoTime();
        World world = WorldGenerator.generate(spec);
        Set<String> enabled = checks.isEmpty() ? RequestPlan.NETWORK_CHECKS : new LinkedHashSet<>(checks);
        RequestPlan plan = RequestPlan.of(world, enabled);
        Map<Host, Duration> latencies = new EnumMap<>(Host.class);
        for (Host h : Host.values()) {
            latencies.put(h, latency);
        }
        LowerBound.Result bound = LowerBound.of(plan, latencies, perHost);
        report.line(String.format(Locale.ROOT, "world generated and planned in %d ms: %d requests at least; lower bound %s"
                        + " (bottleneck %s; longest chain %d requests, %s)", (System.nanoTime() - genStart) / 1_000_000, plan.size(),
                secs(bound.time()), bound.bottleneck(), bound.chainLength(), secs(bound.chain())));

        Behaviour behaviour = Behaviour.latency(latency);
        Path work = Files.createTempDirectory("world-benchmark");
        ChildJvm child = ChildJvm.prepare(work, xmx, jvmArgs, classData);
        try (SimServer server = SimServer.start(world, behaviour)) {
            server.behave(Host.GITHUB, behaviour.withHourlyLimit(5000).withMaxConcurrent(100));
            warm(server, plan);
            for (int run = 1; run <= runs; run++) {
                if (run > 1) {
                    report.line("");
                    report.line("waiting " + revalidateWait.toSeconds() + " s, so that GitHub's max-age=60 expires and the cache must revalidate ...");
                    Thread.sleep(revalidateWait.toMillis());
                }
                server.log().clear();
                Run r = audit(server, world, checks, child, work, run, checkTimeout, concurrency);
                server.log().awaitIdle(Duration.ofSeconds(10)); // the last exchanges are logged after their answers
                report.section(run == 1 ? "run 1 (empty HTTP cache)" : "run " + run + " (through the HTTP cache of run 1)");
                describe(report, r, server.log(), plan, bound, latencies, perHost, run == 1);
                if (o.containsKey("--log")) {
                    writeLog(Path.of(o.get("--log") + "." + run + ".tsv"), server.log().entries());
                }
            }
        } finally {
            deleteTree(work);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.text(), StandardCharsets.UTF_8);
        System.out.println("(written to " + out + ")");
    }

    /** The child JVM's own measurements, its exit code and the parent's wall clock. */
    private record Run(int exit, long startNanos, Duration wall, JsonNode stats, JsonNode report) {
    }

    private static Run audit(SimServer server, World world, List<String> checks, ChildJvm child, Path work, int run,
                             int checkTimeout, int concurrency) throws IOException, InterruptedException {
        Path stats = work.resolve("stats-" + run + ".json");
        Path reportFile = work.resolve("report-" + run + ".json");
        List<String> cmd = new ArrayList<>(child.command());
        cmd.add(MeasuredAudit.class.getName());
        cmd.add(stats.toString());
        cmd.add("audit");
        cmd.add("--github-org");
        cmd.add(world.org());
        cmd.add("--npm-user");
        cmd.add(world.owner().login());
        for (PyPIProject p : world.pypiProjects()) {
            cmd.add("--pypi-project");
            cmd.add(p.name());
        }
        for (String c : checks) {
            cmd.add("--check");
            cmd.add(c);
        }
        if (checkTimeout > 0) {
            cmd.addAll(List.of("--check-timeout", Integer.toString(checkTimeout)));
        }
        if (concurrency > 0) {
            cmd.addAll(List.of("--concurrency", Integer.toString(concurrency)));
        }
        cmd.addAll(List.of("--format", "json", "--out", reportFile.toString(), "--cache-dir", work.resolve("cache").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("child-" + run + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AUDITOR_") || k.endsWith("_TOKEN") || k.equals("HIBP_API_KEY"));
        env.putAll(server.environment());
        env.put("HOME", work.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.put("XDG_DATA_HOME", work.resolve("data").toString());
        env.put("XDG_CACHE_HOME", work.resolve("xdg-cache").toString());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the audit did not finish within 30 minutes");
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        JsonNode s = Files.exists(stats) ? JSON.readTree(stats.toFile()) : JSON.createObjectNode();
        JsonNode rep = Files.exists(reportFile) ? JSON.readTree(reportFile.toFile()) : JSON.createObjectNode();
        if (!Files.exists(reportFile)) {
            System.err.println(Files.readString(work.resolve("child-" + run + ".log")));
        }
        return new Run(p.exitValue(), start, wall, s, rep);
    }

    private static void describe(Report report, Run r, RequestLog log, RequestPlan plan, LowerBound.Result bound,
                                 Map<Host, Duration> latencies, int perHost, boolean first) {
        List<RequestLog.Entry> entries = log.entries();
        Map<Host, Long> requests = new EnumMap<>(Host.class);
        Map<Host, Long> bytes = new EnumMap<>(Host.class);
        Map<Host, Long> notModified = new EnumMap<>(Host.class);
        for (RequestLog.Entry e : entries) {
            requests.merge(e.host(), 1L, Long::sum);
            bytes.merge(e.host(), e.bytes(), Long::sum);
            if (e.status() == 304) {
                notModified.merge(e.host(), 1L, Long::sum);
            }
        }
        Map<Host, Integer> minimum = plan.countByHost();
        long inProcess = r.stats().path("wallMs").asLong(-1);
        report.line(String.format(Locale.ROOT, "exit code %d; wall time %s (child JVM start to exit; %s inside it)", r.exit(),
                secs(r.wall()), inProcess < 0 ? "?" : secs(Duration.ofMillis(inProcess))));
        report.line(String.format(Locale.ROOT, "%-26s %9s %9s %7s %11s %9s %10s %9s", "host", "requests", "minimum", "ratio",
                "bytes", "304", "max conc.", "bound"));
        long total = 0;
        long totalBytes = 0;
        for (Host h : Host.values()) {
            long n = requests.getOrDefault(h, 0L);
            int min = minimum.getOrDefault(h, 0);
            if (n == 0 && min == 0) {
                continue;
            }
            total += n;
            totalBytes += bytes.getOrDefault(h, 0L);
            report.line(String.format(Locale.ROOT, "%-26s %9d %9d %7s %11d %9d %10d %9s", h.realName(), n, min,
                    min == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) n / min), bytes.getOrDefault(h, 0L),
                    notModified.getOrDefault(h, 0L), log.maxInFlight().getOrDefault(h, 0),
                    bound.perHost().containsKey(h) ? secs(bound.perHost().get(h)) : "-"));
        }
        report.line(String.format(Locale.ROOT, "%-26s %9d %9d %7.3f %11d", "all hosts", total, plan.size(), (double) total / plan.size(),
                totalBytes));
        if (first) {
            report.line(String.format(Locale.ROOT, "wall time %s against the lower bound %s: %.2f x (goal <= 1.3)", secs(r.wall()),
                    secs(bound.time()), r.wall().toNanos() / (double) bound.time().toNanos()));
            report.line(String.format(Locale.ROOT, "requests %d against the minimum %d: %.3f x (goal <= 1.05)", total, plan.size(),
                    (double) total / plan.size()));
        }
        report.line(String.format(Locale.ROOT, "peak heap %.1f MB (sum of the heap pools' peaks), %.1f MB after a final GC, of -Xmx %.0f MB;"
                        + " peak threads %d", mb(r.stats().path("peakHeapBytes").asLong()), mb(r.stats().path("heapAfterGcBytes").asLong()),
                mb(r.stats().path("maxHeapBytes").asLong()), r.stats().path("peakThreads").asInt()));
        if (r.stats().path("cpuMs").asLong(-1) >= 0) {
            report.line(String.format(Locale.ROOT, "CPU time of the child %.1f s (%d CPUs)", r.stats().path("cpuMs").asLong() / 1000.0,
                    Runtime.getRuntime().availableProcessors()));
        }
        long github = requests.getOrDefault(Host.GITHUB, 0L);
        if (!first && github > 0) {
            report.line(String.format(Locale.ROOT, "GitHub: %d of %d requests answered 304 Not Modified (%.1f %%; goal >= 90 %%)",
                    notModified.getOrDefault(Host.GITHUB, 0L), github, 100.0 * notModified.getOrDefault(Host.GITHUB, 0L) / github));
        }
        JsonNode summary = r.report().path("summary");
        report.line("findings: " + summary);
        timeline(report, entries, perHost, r);
        long timedOut = 0;
        for (JsonNode f : r.report().path("findings")) {
            if (f.path("status").asText().equals("UNKNOWN") && f.path("message").asText().contains("did not finish within")) {
                timedOut++;
            }
        }
        report.line("checks stopped by the time limit: " + timedOut);
        // Where requests were spent beyond the plan: repeats and resources outside it.
        RequestPlan.Deviations d = plan.deviations(log.countByResource());
        List<String> repeated = new ArrayList<>();
        d.repeated().forEach((k, n) -> repeated.add(n + "x " + k));
        report.line("resources requested more than once: " + repeated.size() + sample(repeated));
        report.line("resources requested outside the plan: " + d.outsidePlan().size() + sample(new ArrayList<>(d.outsidePlan())));
        if (first) {
            report.line("planned resources never requested: " + d.neverRequested().size()
                    + sample(new ArrayList<>(d.neverRequested())));
        }
        Map<String, Long> faults = new LinkedHashMap<>();
        entries.stream().filter(e -> e.status() >= 400 && e.status() != 404).forEach(e -> faults.merge(e.host() + " " + e.status(), 1L, Long::sum));
        if (!faults.isEmpty()) {
            report.line("error answers (not 404): " + faults);
        }
    }

    /**
     * When each host was busy: from the run's first request, per host the span from its first request
     * to its last answer, the share of its {@code perHost} slots in use over that span, and a strip of
     * 48 columns over the whole run giving the average requests in flight (0-9, 9 meaning 9 or more).
     * A host whose strip shows gaps or low digits while the run goes on is where the time went.
     */
    private static void timeline(Report report, List<RequestLog.Entry> entries, int perHost, Run run) {
        if (entries.isEmpty()) {
            return;
        }
        long t0 = entries.stream().mapToLong(RequestLog.Entry::startNanos).min().orElseThrow();
        long t1 = entries.stream().mapToLong(RequestLog.Entry::endNanos).max().orElseThrow();
        int columns = 48;
        double width = Math.max(1, t1 - t0) / (double) columns;
        report.line(String.format(Locale.ROOT, "timeline: %s from the first request to the last answer (the first request %s after"
                        + " the child JVM started, the last answer %s before it ended); each column %.2f s, the digit the average"
                        + " requests in flight", secs(Duration.ofNanos(t1 - t0)), secs(Duration.ofNanos(t0 - run.startNanos())),
                secs(Duration.ofNanos(run.startNanos() + run.wall().toNanos() - t1)), width / 1e9));
        for (Host h : Host.values()) {
            List<RequestLog.Entry> mine = entries.stream().filter(e -> e.host() == h).toList();
            if (mine.isEmpty()) {
                continue;
            }
            long first = mine.stream().mapToLong(RequestLog.Entry::startNanos).min().orElseThrow();
            long last = mine.stream().mapToLong(RequestLog.Entry::endNanos).max().orElseThrow();
            double[] busy = new double[columns];
            long busyNanos = 0;
            for (RequestLog.Entry e : mine) {
                busyNanos += e.endNanos() - e.startNanos();
                for (int c = (int) ((e.startNanos() - t0) / width); c < columns && t0 + c * width < e.endNanos(); c++) {
                    double from = Math.max(e.startNanos(), t0 + c * width);
                    double to = Math.min(e.endNanos(), t0 + (c + 1) * width);
                    busy[c] += Math.max(0, to - from) / width;
                }
            }
            StringBuilder strip = new StringBuilder();
            for (double b : busy) {
                strip.append(b < 0.05 ? '.' : (char) ('0' + Math.min(9, (int) Math.round(b))));
            }
            report.line(String.format(Locale.ROOT, "  %-24s %s  %6.2f-%6.2f s, slots busy %3.0f %%", h.realName(), strip,
                    (first - t0) / 1e9, (last - t0) / 1e9, 100.0 * busyNanos / ((double) perHost * Math.max(1, last - first))));
        }
    }

    /** The JVM options ./auditor uses for an audit: the file's lines but blank ones and comments. */
    private static List<String> launcherJvmOptions(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Every exchange of a run, one per line: host, start and end in ms from the run's first request, status, resource. */
    private static void writeLog(Path file, List<RequestLog.Entry> entries) throws IOException {
        long t0 = entries.stream().mapToLong(RequestLog.Entry::startNanos).min().orElse(0);
        StringBuilder b = new StringBuilder("host\tstart_ms\tend_ms\tstatus\tresource\n");
        entries.stream().sorted(java.util.Comparator.comparingLong(RequestLog.Entry::startNanos)).forEach(e -> b.append(e.host().realName())
                .append('\t').append((e.startNanos() - t0) / 1_000_000).append('\t').append((e.endNanos() - t0) / 1_000_000)
                .append('\t').append(e.status()).append('\t').append(e.resourceKey()).append('\n'));
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /** Builds the server's kept answers once, so that the first run does not pay for the server's own work. */
    private static void warm(SimServer server, RequestPlan plan) {
        long start = System.nanoTime();
        warmAll(server, plan);
        System.out.printf(Locale.ROOT, "server warmed in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void warmAll(SimServer server, RequestPlan plan) {
        HttpClient client = HttpClient.newHttpClient();
        // Many at once: each answer waits out the host's latency, so a CPU-sized pool would take minutes.
        ExecutorService pool = Executors.newFixedThreadPool(48);
        List<Future<?>> done = new ArrayList<>();
        plan.requests().forEach(n -> done.add(pool.submit(() -> {
            String key = n.key();
            String range = null;
            int bracket = key.indexOf(" [");
            if (bracket > 0) {
                range = key.substring(bracket + 2, key.length() - 1);
                key = key.substring(0, bracket);
            }
            String base = server.baseUrl(n.host());
            String root = base.substring(0, base.indexOf('/', "http://".length()));
            var b = HttpRequest.newBuilder(URI.create(root + key.replace(" ", "%20")));
            if (n.host() == Host.GITHUB) {
                b.header("Authorization", "Bearer " + World.GITHUB_TOKEN);
            } else if (n.host() == Host.NPM) {
                b.header("Authorization", "Bearer " + World.NPM_TOKEN);
            } else if (n.host() == Host.HIBP) {
                b.header("hibp-api-key", World.HIBP_KEY).header("User-Agent", "warm-up");
            }
            if (range != null) {
                b.header("Range", range);
            }
            try {
                client.send(b.build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("warming " + n.id() + " failed", e);
            }
        })));
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming the server", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String sample(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        return " (e.g. " + String.join("; ", items.subList(0, Math.min(6, items.size()))) + ")";
    }

    private static String secs(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static int num(Map<String, String> o, String name, int fallback) {
        return o.containsKey(name) ? Integer.parseInt(o.get(name)) : fallback;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** Collects the report and echoes it as it goes. */
    private static final class Report {
        private final StringBuilder text = new StringBuilder();
        private final PrintStream echo = System.out;

        void line(String s) {
            text.append(s).append('\n');
            echo.println(s);
        }

        void section(String title) {
            line("");
            line("== " + title);
        }

        String text() {
            return text.toString();
        }
    }
}
