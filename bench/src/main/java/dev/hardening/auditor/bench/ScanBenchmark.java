package dev.hardening.auditor.bench;

import dev.hardening.auditor.core.scan.SecretScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the full rule set on plain text, one thread: the labelled corpus generator's files
 * (code, configuration, prose, lock-file noise, planted secrets and decoys) concatenated into
 * chunks of {@code chunkKb} and scanned from memory. MB/s = chunk size / time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ScanBenchmark {
    @Param({"1024"})
    public int chunkKb;

    private final SecretScanner scanner = SecretScanner.standard();
    private byte[][] chunks;

    @Setup(Level.Trial)
    public void setUp() {
        try {
            Path dir = Files.createTempDirectory("scan-bench");
            corpus = dir;
            new CorpusGenerator(7).generate(dir, 32L << 20, 20);
            byte[] all;
            try (var files = Files.walk(dir)) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.write(Files.readAllBytes(p));
                }
                all = out.toByteArray();
            }
            int size = chunkKb * 1024;
            chunks = new byte[all.length / size][];
            for (int i = 0; i < chunks.length; i++) {
                chunks[i] = java.util.Arrays.copyOfRange(all, i * size, (i + 1) * size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int next;
    private Path corpus;

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.walk(corpus)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public void scanOneChunk(Blackhole bh) {
        byte[] chunk = chunks[next++ % chunks.length];
        bh.consume(scanner.scan("bench/chunk.txt", chunk));
    }
}
