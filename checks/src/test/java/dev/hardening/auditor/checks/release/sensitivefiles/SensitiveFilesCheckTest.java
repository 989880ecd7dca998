package dev.hardening.auditor.checks.release.sensitivefiles;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.artifacts.ArtifactFacts;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScan;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScans;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.scan.ArtifactScanner;
import dev.hardening.auditor.core.scan.archive.TestArchives;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SensitiveFilesCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new SensitiveFilesCheck())
            .targets(targets().pypiProject("proj").build());

    static ArtifactScan file(String version, String name, byte[] archive) {
        return ArtifactScan.scanned(version, name, "digests.sha256",
                ArtifactScanner.standard().scanArchive(name, new ByteArrayInputStream(archive)));
    }

    static FakeFacts pypi(ArtifactScan... artifacts) {
        return FakeFacts.none().with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of("proj"), List.of()))
                .with(ArtifactFacts.pypi("proj"), new ArtifactScans("pypi:proj", List.of(artifacts)));
    }

    static TestArchives wheel() {
        return TestArchives.of().file("proj/__init__.py", "VERSION = '1.0'\n").file("proj-1.0.dist-info/METADATA", "Name: proj\n");
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("clean wheel and sdist", pypi(file("1.0", "proj-1.0-py3-none-any.whl", wheel().zip()),
                        file("1.0", "proj-1.0.tar.gz", TestArchives.of().file("proj-1.0/setup.py", "setup()\n")
                                .file("proj-1.0/.env.example", "KEY=\n").tgz())), Status.PASS, Severity.HIGH, "No .env"),
                Arguments.of(".pth with an import line in a wheel", pypi(file("1.0", "proj-1.0-py3-none-any.whl",
                        wheel().file("proj_init.pth", "import base64;exec(base64.b64decode('cHJpbnQoMSk='))\n").zip())),
                        Status.FAIL, Severity.CRITICAL, "runs code every time Python starts"),
                Arguments.of(".env in an sdist", pypi(file("1.0", "proj-1.0.tar.gz", TestArchives.of()
                        .file("proj-1.0/.env", "DEBUG=1\n").tgz())), Status.FAIL, Severity.HIGH, "proj-1.0/.env"),
                Arguments.of("private key by name", pypi(file("1.0", "proj-1.0.tar.gz", TestArchives.of()
                        .file("proj-1.0/deploy/id_ed25519", "x\n").tgz())), Status.FAIL, Severity.CRITICAL, "SSH private key"),
                Arguments.of("traversal entry", pypi(file("1.0", "proj-1.0.tar.gz", TestArchives.of()
                        .file("../../.bashrc", "echo\n").tgz())), Status.FAIL, Severity.HIGH, "Hostile archive entry"),
                Arguments.of(".npmrc without credentials", pypi(file("1.0", "proj-1.0.tar.gz", TestArchives.of()
                        .file("proj-1.0/.npmrc", "save-exact=true\n").tgz())), Status.WARN, Severity.LOW, ".npmrc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void verdictPerFile(String name, FakeFacts facts, Status status, Severity severity, String mentioned) {
        Finding f = HARNESS.runSingle(facts);

        assertThat(f.status()).isEqualTo(status);
        if (status != Status.PASS) {
            assertThat(f.severity()).isEqualTo(severity);
        }
        assertThat(f.message()).contains(mentioned);
    }

    @Test
    void theSameFileInSeveralReleasesIsOneFinding() {
        byte[] sdist = TestArchives.of().file("proj/.pypirc", "[pypi]\n").tgz();
        List<Finding> findings = HARNESS.run(pypi(file("1.1", "proj-1.1.tar.gz", sdist), file("1.0", "proj-1.0.tar.gz", sdist)));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("pypi:proj@1.1 proj/.pypirc");
            assertThat(f.message()).contains("pypi:proj 1.1, 1.0: proj/.pypirc");
        });
    }

    @Test
    void aDecompressionBombIsAWarningNamingIt() {
        ArtifactScan bomb = ArtifactScan.scanned("1.0", "proj-1.0.tar.gz", "x", new ArtifactScanner(
                dev.hardening.auditor.core.scan.SecretScanner.standard(),
                dev.hardening.auditor.core.scan.archive.ScanLimits.defaults().withMaxRatio(20))
                .scanArchive("proj-1.0.tar.gz", new ByteArrayInputStream(TestArchives.gzipBomb(30L << 20))));

        Finding f = HARNESS.runSingle(pypi(bomb));

        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.message()).contains("decompression bomb");
    }

    @Test
    void manyArchivesNestedTooDeepAreOneWarning() {
        byte[] deep = TestArchives.of().file("x.txt", "x").zip();
        TestArchives middle = TestArchives.of();
        for (int i = 0; i < 16; i++) {
            middle.file("lib" + i + ".zip", deep);
        }
        TestArchives outer = TestArchives.of();
        for (int i = 0; i < 16; i++) {
            outer.file("part" + i + ".zip", middle.zip());
        }

        List<Finding> findings = HARNESS.run(pypi(file("1.0", "proj-1.0.tar.gz", outer.tgz())));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.WARN);
            assertThat(f.message()).contains("and 255 more entries alike");
        });
    }
}
