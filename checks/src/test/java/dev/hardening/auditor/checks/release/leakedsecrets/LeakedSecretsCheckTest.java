package dev.hardening.auditor.checks.release.leakedsecrets;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.artifacts.ArtifactFacts;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScan;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScans;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.scan.ArtifactScanner;
import dev.hardening.auditor.core.scan.ScanResult;
import dev.hardening.auditor.core.scan.SyntheticSecrets;
import dev.hardening.auditor.core.scan.archive.ScanLimits;
import dev.hardening.auditor.core.scan.archive.TestArchives;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeakedSecretsCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new LeakedSecretsCheck())
            .targets(targets().npmPackage("pkg").build());
    private static final SyntheticSecrets GEN = new SyntheticSecrets(new Random(42));
    private static final String TOKEN = GEN.githubToken("npm");

    static ScanResult scanned(String file, byte[] archive) {
        return ArtifactScanner.standard().scanArchive(file, new ByteArrayInputStream(archive));
    }

    static ArtifactScan version(String v, TestArchives contents) {
        String file = "pkg-" + v + ".tgz";
        return ArtifactScan.scanned(v, file, "dist.integrity (sha512)", scanned(file, contents.tgz()));
    }

    static FakeFacts npm(ArtifactScan... artifacts) {
        return FakeFacts.none().with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of("pkg"), List.of()))
                .with(ArtifactFacts.npm("pkg"), new ArtifactScans("npm:pkg", List.of(artifacts)));
    }

    static TestArchives clean() {
        return TestArchives.of().file("package/package.json", "{\"name\":\"pkg\"}").file("package/index.js", "module.exports = 1;\n");
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("clean versions", npm(version("1.1.0", clean()), version("1.0.0", clean())), Status.PASS,
                        "No secret was found in npm:pkg (1.1.0 pkg-1.1.0.tgz, 1.0.0 pkg-1.0.0.tgz)"),
                Arguments.of("a token in the latest version", npm(version("1.1.0", clean().file("package/.npmrc",
                        "//registry.npmjs.org/:_authToken=" + TOKEN + "\n")), version("1.0.0", clean())), Status.FAIL,
                        "npm access token in npm:pkg 1.1.0, package/.npmrc line 1: npm_… (40 chars) (checksum verified)"),
                Arguments.of("a decoy with a wrong checksum", npm(version("1.1.0", clean().file("package/a.js",
                        "t = '" + TOKEN.substring(0, 39) + (TOKEN.endsWith("a") ? "b" : "a") + "'\n"))), Status.PASS, "No secret"),
                Arguments.of("a bomb: nothing found, not fully scanned", npm(ArtifactScan.scanned("1.0.0", "pkg-1.0.0.tgz", "x",
                        new ArtifactScanner(dev.hardening.auditor.core.scan.SecretScanner.standard(),
                                ScanLimits.defaults().withMaxRatio(20)).scanArchive("pkg-1.0.0.tgz",
                                new ByteArrayInputStream(TestArchives.gzipBomb(30L << 20))))), Status.WARN, "could not be scanned"),
                Arguments.of("download refused", npm(ArtifactScan.failed("1.0.0", "pkg-1.0.0.tgz", Unavailability.of(Cause.MALFORMED,
                        "the download of pkg-1.0.0.tgz does not match its dist.integrity (sha512)", "retry"))), Status.UNKNOWN,
                        "does not match"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void verdictPerPackage(String name, FakeFacts facts, Status expected, String mentioned) {
        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(mentioned);
    }

    @Test
    void theSameSecretInSeveralVersionsIsOneFindingNamingThemAll() {
        TestArchives leaky = clean().file("package/config.js", "// cfg\nmodule.exports = { token: '" + TOKEN + "' };\n");
        List<Finding> findings = HARNESS.run(npm(version("1.2.0", leaky), version("1.1.0", leaky), version("1.0.0", clean())));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.subject()).isEqualTo("npm:pkg@1.2.0 package/config.js:2");
            assertThat(f.message()).contains("also in [1.2.0, 1.1.0]");
            assertThat(f.evidence()).extracting(Evidence::label).contains("1.2.0 pkg-1.2.0.tgz", "1.1.0 pkg-1.1.0.tgz");
        });
    }

    @Test
    void secretsInTestDirectoriesAreReportedAtLowerSeverity() {
        Finding f = HARNESS.runSingle(npm(version("1.0.0", clean().file("package/test/fixtures/creds.js",
                "const k = 'AKIA" + GEN.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + "';\n"))));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.evidence()).extracting(Evidence::value).anyMatch(v -> v.contains("severity lowered"));
    }

    @Test
    void noFindingOrEvidenceEverHoldsTheSecret() {
        List<Finding> findings = HARNESS.run(npm(version("1.0.0", clean().file("package/.env", "NPM_TOKEN=" + TOKEN + "\n"))));

        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.message()).doesNotContain(TOKEN.substring(4));
            assertThat(f.subject()).doesNotContain(TOKEN.substring(4));
            assertThat(f.evidence()).allSatisfy(e -> assertThat(e.label() + e.value() + e.source()).doesNotContain(TOKEN.substring(4)));
        });
    }

    @Test
    void unreadablePackageIsUnknownAndPyPIProjectsAreCovered() {
        FakeFacts facts = FakeFacts.none().with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of("proj"), List.of()))
                .unavailable(ArtifactFacts.pypi("proj"), Cause.SERVER_ERROR);

        Finding f = CheckHarness.of(new LeakedSecretsCheck()).targets(targets().pypiProject("proj").build()).runSingle(facts);

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.subject()).isEqualTo("pypi:proj");
    }

    @Test
    void localScanOfTheScanCommandIsJudgedToo() {
        ScanResult r = scanned("dist.tgz", clean().file("package/k.txt", "k=" + TOKEN + "\n").tgz());
        FakeFacts facts = FakeFacts.none().with(ArtifactFacts.LOCAL, new ArtifactScans("dist.tgz",
                List.of(ArtifactScan.scanned("", "dist.tgz", "", r))));

        Finding f = CheckHarness.of(new LeakedSecretsCheck()).targets(targets().build()).runSingle(facts);

        assertThat(f.subject()).isEqualTo("dist.tgz!/package/k.txt:1");
        assertThat(f.message()).startsWith("npm access token in dist.tgz!/package/k.txt line 1");
    }
}
