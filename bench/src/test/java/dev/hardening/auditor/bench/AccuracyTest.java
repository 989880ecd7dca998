package dev.hardening.auditor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accuracy goal on a small generated corpus, so a rule change that costs precision or recall fails the build. */
class AccuracyTest {
    @Test
    void precisionAndRecallOverallAreAtLeast95Percent(@TempDir Path dir) throws Exception {
        new CorpusGenerator(20260601L).generate(dir, 6L << 20, 150);

        AccuracyHarness.Report r = AccuracyHarness.run(dir);

        assertThat(r.overall().tp() + r.overall().fn()).as("secrets planted").isGreaterThan(300);
        assertThat(r.overall().precision()).as(r.markdown() + r.falsePositives()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.overall().recall()).as(r.markdown() + r.falseNegatives()).isGreaterThanOrEqualTo(0.95);
        r.byKind().forEach((kind, c) -> assertThat(c.recall()).as(kind + " recall").isGreaterThanOrEqualTo(0.9));
    }

    @Test
    void theGeneratorIsDeterministic(@TempDir Path a, @TempDir Path b) throws Exception {
        new CorpusGenerator(5).generate(a, 1L << 20, 50);
        new CorpusGenerator(5).generate(b, 1L << 20, 50);

        assertThat(java.nio.file.Files.readString(a.resolve("labels.tsv"))).isEqualTo(java.nio.file.Files.readString(b.resolve("labels.tsv")));
        assertThat(java.nio.file.Files.mismatch(a.resolve("src/000/file00000.js").getParent().resolve(
                java.nio.file.Files.list(a.resolve("src/000")).sorted().findFirst().orElseThrow().getFileName()),
                b.resolve("src/000").resolve(java.nio.file.Files.list(a.resolve("src/000")).sorted().findFirst().orElseThrow()
                        .getFileName()))).isEqualTo(-1L);
    }
}
