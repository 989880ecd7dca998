package dev.hardening.auditor.core.clients.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Heap and time of parsing a 50 MB full packument: the streaming {@link PackumentParser} against a
 * Jackson tree of the same bytes. Not part of the build (tag {@code benchmark}); run it with
 * {@code mvn -o -pl audit-core test -Dtest=PackumentParserBenchmark -Dbenchmark.excluded=none}. The
 * figures and the machine are in {@code docs/PERFORMANCE-registries.md}.
 *
 * <p>Three measures: wall time (median of 5 after 2 warm-ups), bytes allocated by the parsing thread,
 * heap retained by the result; and a forked JVM with a small heap that either parses or runs out of
 * memory, which shows the bound directly.
 */
@Tag("benchmark")
class PackumentParserBenchmark {
    static final int TARGET_BYTES = 50 * 1024 * 1024;
    static final int SMALL_HEAP_MB = 192;

    @Test
    void fiftyMegabytePackument() throws Exception {
        byte[] body = generate(TARGET_BYTES);
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "packument: %.1f MB, %d versions", body.length / 1048576.0, versionCount(body)));
        report.add(measure("streaming PackumentParser", () -> PackumentParser.parse("bench", body)));
        report.add(measure("Jackson tree (readTree)", () -> new ObjectMapper().readTree(body)));
        report.add(forked("streaming", SMALL_HEAP_MB));
        report.add(forked("tree", SMALL_HEAP_MB));
        Path out = Path.of("target", "benchmark-registries.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
        assertThat(PackumentParser.parse("bench", body).versions()).hasSize(versionCount(body));
    }

    interface Parse {
        Object run() throws IOException;
    }

    private static String measure(String name, Parse parse) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 2; i++) {
            parse.run();
        }
        long[] nanos = new long[5];
        long allocated = 0;
        for (int i = 0; i < nanos.length; i++) {
            long a0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            parse.run();
            nanos[i] = System.nanoTime() - t0;
            allocated = threads.getCurrentThreadAllocatedBytes() - a0;
        }
        java.util.Arrays.sort(nanos);
        settle();
        long before = memory.getHeapMemoryUsage().getUsed();
        Object kept = parse.run();
        settle();
        long retained = memory.getHeapMemoryUsage().getUsed() - before;
        assertThat(kept).isNotNull();
        return String.format(Locale.ROOT, "%-26s median %5d ms (min %d, max %d), allocated %6.1f MB, retained %6.1f MB",
                name, TimeUnit.NANOSECONDS.toMillis(nanos[2]), TimeUnit.NANOSECONDS.toMillis(nanos[0]),
                TimeUnit.NANOSECONDS.toMillis(nanos[4]), allocated / 1048576.0, retained / 1048576.0);
    }

    private static void settle() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@link #main} in a JVM with {@code -Xmx<heapMb>m}: does the parse fit? */
    private static String forked(String mode, int heapMb) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                PackumentParserBenchmark.class.getName(), mode).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        return String.format(Locale.ROOT, "-Xmx%dm %-9s -> %s", heapMb, mode, finished ? output : "did not finish in 5 minutes");
    }

    /** Forked: generate the packument, parse it one way, print the outcome. */
    public static void main(String[] args) throws Exception {
        byte[] body = generate(TARGET_BYTES);
        long t0 = System.nanoTime();
        try {
            Object parsed = args[0].equals("tree") ? new ObjectMapper().readTree(body) : PackumentParser.parse("bench", body);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.println("parsed in " + ms + " ms (" + (parsed instanceof NpmPackument p ? p.versions().size() + " versions kept"
                    : ((JsonNode) parsed).path("versions").size() + " versions in the tree") + ")");
        } catch (OutOfMemoryError e) {
            System.out.println("OutOfMemoryError after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        }
    }

    private static int versionCount(byte[] body) throws IOException {
        return PackumentParser.parse("bench", body).versions().size();
    }

    /**
     * A deterministic packument of about {@code targetBytes}, shaped like the recorded full packuments
     * (has-package-exports, @inkwell/cli in the demo world): per version the usual metadata, dependency
     * maps, dist with integrity and signatures, _npmUser and maintainers; a top-level readme and time map.
     */
    static byte[] generate(int targetBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(targetBytes + 1_000_000);
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.writeStartObject();
        g.writeStringField("_id", "bench");
        g.writeStringField("name", "bench");
        g.writeObjectFieldStart("dist-tags");
        g.writeEndObject();
        g.writeFieldName("versions");
        g.writeStartObject();
        List<String> versions = new ArrayList<>();
        Instant t = Instant.parse("2015-01-01T00:00:00Z");
        for (int i = 0; out.size() < targetBytes - 400_000; i++) {
            String v = (i / 400) + "." + (i / 20 % 20) + "." + (i % 20);
            versions.add(v);
            g.writeObjectFieldStart(v);
            g.writeStringField("name", "bench");
            g.writeStringField("version", v);
            g.writeStringField("description", "A synthetic package used to measure how the auditor parses very large packuments. ".repeat(3));
            g.writeStringField("main", "./lib/index.js");
            g.writeObjectFieldStart("scripts");
            g.writeStringField("build", "tsc -p .");
            g.writeStringField("test", "node --test");
            if (i % 500 == 499) {
                g.writeStringField("postinstall", "node ./scripts/postinstall.js");
            }
            g.writeEndObject();
            g.writeObjectFieldStart("repository");
            g.writeStringField("type", "git");
            g.writeStringField("url", "git+https://github.com/example/bench.git");
            g.writeEndObject();
            g.writeArrayFieldStart("keywords");
            for (String k : List.of("bench", "parser", "stream", "json")) {
                g.writeString(k);
            }
            g.writeEndArray();
            for (String deps : List.of("dependencies", "devDependencies")) {
                g.writeObjectFieldStart(deps);
                for (int d = 0; d < (deps.equals("dependencies") ? 60 : 40); d++) {
                    g.writeStringField("@scope-" + (d % 7) + "/dependency-" + d, "^" + (d % 9) + "." + (d % 13) + ".0");
                }
                g.writeEndObject();
            }
            g.writeStringField("gitHead", String.format(Locale.ROOT, "%040x", (long) i * 2654435761L));
            g.writeStringField("_id", "bench@" + v);
            g.writeStringField("_nodeVersion", "22.11.0");
            g.writeStringField("_npmVersion", "10.9.0");
            g.writeObjectFieldStart("dist");
            g.writeStringField("integrity", "sha512-" + "A".repeat(86) + "==");
            g.writeStringField("shasum", String.format(Locale.ROOT, "%040x", (long) i));
            g.writeStringField("tarball", "https://registry.npmjs.org/bench/-/bench-" + v + ".tgz");
            g.writeNumberField("fileCount", 42);
            g.writeNumberField("unpackedSize", 123_456);
            g.writeArrayFieldStart("signatures");
            g.writeStartObject();
            g.writeStringField("keyid", "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA");
            g.writeStringField("sig", "MEUCI" + "Q".repeat(90));
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("_npmUser");
            g.writeStringField("name", "maintainer-" + (i % 3));
            g.writeStringField("email", "maintainer-" + (i % 3) + "@example.org");
            g.writeEndObject();
            g.writeArrayFieldStart("maintainers");
            for (int m = 0; m < 3; m++) {
                g.writeStartObject();
                g.writeStringField("name", "maintainer-" + m);
                g.writeStringField("email", "maintainer-" + m + "@example.org");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("_hasShrinkwrap", false);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("time");
        g.writeStringField("created", t.toString());
        for (String v : versions) {
            t = t.plusSeconds(3 * 3600);
            g.writeStringField(v, t.toString());
        }
        g.writeStringField("modified", t.toString());
        g.writeEndObject();
        g.writeArrayFieldStart("maintainers");
        for (int m = 0; m < 3; m++) {
            g.writeStartObject();
            g.writeStringField("name", "maintainer-" + m);
            g.writeStringField("email", "maintainer-" + m + "@example.org");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("readme", "# bench\n\n" + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(5000));
        g.writeEndObject();
        g.close();
        return out.toByteArray();
    }
}
