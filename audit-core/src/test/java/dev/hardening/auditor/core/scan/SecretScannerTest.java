package dev.hardening.auditor.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretScannerTest {
    private static final SecretScanner SCANNER = SecretScanner.standard();

    static Stream<Arguments> kinds() {
        return SyntheticSecrets.KINDS.stream().map(Arguments::of);
    }

    private static List<SecretMatch> scan(SyntheticSecrets.Sample s) {
        String name = s.fileName() == null ? "src/app.conf" : "pkg/" + s.fileName();
        String text = "# header line\n" + s.text() + "\n# trailer\n";
        return SCANNER.scan(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKindIsFoundWithItsKindAndLine(String kind) {
        for (int seed = 0; seed < 20; seed++) {
            SyntheticSecrets.Sample s = new SyntheticSecrets(new Random(seed)).secret(kind);

            List<SecretMatch> found = scan(s);

            assertThat(found).as("seed %d: %s", seed, s.text()).extracting(SecretMatch::kind).contains(kind);
            SecretMatch m = found.stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
            assertThat(m.line()).isEqualTo(2 + s.lineOffset());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void decoysOfEveryKindAreNotReported(String kind) {
        for (int seed = 0; seed < 20; seed++) {
            SyntheticSecrets.Sample s = new SyntheticSecrets(new Random(seed)).decoy(kind);

            assertThat(scan(s)).as("seed %d: %s", seed, s.text()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void noMatchEverContainsTheWholeSecret(String kind) {
        SyntheticSecrets.Sample s = new SyntheticSecrets(new Random(7)).secret(kind);
        for (SecretMatch m : scan(s)) {
            for (String token : s.text().split("[\\s\"'=:;,()<>{}]+")) {
                // key names are letters and underscores; the values planted all hold digits or symbols
                if (token.length() >= 12 && !token.matches("[A-Za-z_.-]+")) {
                    assertThat(m.redacted()).doesNotContain(token);
                }
            }
            assertThat(m.fingerprint()).startsWith("sha256:").hasSize(19);
        }
    }

    @Test
    void checksummedTokensAreMarkedValidated() {
        SyntheticSecrets g = new SyntheticSecrets(new Random(1));
        List<SecretMatch> found = SCANNER.scan("a.txt", ("x " + g.githubToken("ghp") + "\ny " + g.githubToken("npm") + "\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(found).extracting(SecretMatch::kind).containsExactly("github-pat", "npm-token");
        assertThat(found).allMatch(SecretMatch::validated);
    }

    @Test
    void publishedGitHubChecksumExampleIsValid() {
        // github.blog / coolaj86 gist example body and checksum (REFERENCE.md)
        assertThat(Validators.crc32Token("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")).isEqualTo(Validation.VALID);
        assertThat(Validators.crc32Token("ghp_zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ0mLq18")).isEqualTo(Validation.INVALID);
    }

    @Test
    void testDirectoriesLowerTheSeverityButKeepTheFinding() {
        String line = "k = \"" + new SyntheticSecrets(new Random(3)).githubToken("ghp") + "\"\n";
        SecretMatch inSrc = SCANNER.scan("src/index.js", line.getBytes(StandardCharsets.US_ASCII)).get(0);
        SecretMatch inTest = SCANNER.scan("test/fixtures/index.js", line.getBytes(StandardCharsets.US_ASCII)).get(0);

        assertThat(inSrc.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(inTest.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(inTest.testPath()).isTrue();
    }

    @Test
    void overlappingRulesReportOneFinding() {
        String token = new SyntheticSecrets(new Random(4)).githubToken("npm");
        List<SecretMatch> found = SCANNER.scan(".npmrc", ("//registry.npmjs.org/:_authToken=" + token + "\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(found).extracting(SecretMatch::kind).containsExactly("npm-token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_", "AKIA", "password=", "postgres://a:", "-----BEGIN PRIVATE KEY-----\n", "eyJ", "xoxb-1-",
            "sk-ant-api03-", "\"auth\": \"", ":AA", "SK", "T3BlbkFJ", "hooks.slack.com/services/T"})
    void adversarialRepetitionsFinishQuickly(String unit) {
        // 4 MiB of one rule's keyword and near-misses: a backtracking pattern would take minutes.
        StringBuilder b = new StringBuilder();
        while (b.length() < 4 * 1024 * 1024) {
            b.append(unit).append("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0:");
        }
        byte[] data = b.toString().getBytes(StandardCharsets.US_ASCII);
        // CPU time of this thread: the bound is about the work done, not about other processes on the machine
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();

        SCANNER.scan("x", data);

        assertThat((threads.getCurrentThreadCpuTime() - start) / 1_000_000).as("CPU milliseconds").isLessThan(5_000);
    }

    @Test
    void pemKeyEscapedInsideJsonIsFound() {
        String pem = new SyntheticSecrets(new Random(8)).privateKeyPem("").replace("\n", "\\n");
        String json = "{\n  \"type\": \"service_account\",\n  \"private_key\": \"" + pem + "\\n\",\n}\n";

        List<SecretMatch> found = SCANNER.scan("sa.json", json.getBytes(StandardCharsets.US_ASCII));

        assertThat(found).extracting(SecretMatch::kind, SecretMatch::line).containsExactly(org.assertj.core.groups.Tuple.tuple("private-key", 3));
        assertThat(found.get(0).validated()).isTrue();
    }

    @Test
    void formatsWithoutAChecksumAreReportedUnvalidatedWhenTheirStructureIsUnusual() {
        String pypi = "pypi-AgEIcHlwaS5vcmc" + new SyntheticSecrets(new Random(1)).pick(SyntheticSecrets.ALNUM, 80);
        String key = "-----BEGIN RSA PRIVATE KEY-----\n" + new SyntheticSecrets(new Random(2)).pick("abcdefghijklmnopqrstuvwxyz", 64) + "\n";

        assertThat(SCANNER.scan("a", ("t=" + pypi + "\n" + key).getBytes(StandardCharsets.US_ASCII)))
                .extracting(SecretMatch::kind, SecretMatch::validation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pypi-token", Validation.UNCHECKED),
                        org.assertj.core.groups.Tuple.tuple("private-key", Validation.UNCHECKED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASS=Xk9mP2vL7qRt", "MYSQL_ROOT_PWD: 'Zq7Lm2Np9Rt4'", "PGPASSWORD=Hn3Kd8Wq2Zx5"})
    void shortPasswordNamesAreKeywordsToo(String line) {
        assertThat(SCANNER.scan(".env", (line + "\n").getBytes(StandardCharsets.US_ASCII)))
                .extracting(SecretMatch::kind).containsExactly("generic-secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"compass = \"NorthEast12x\"", "tests_passed: Yes42Again", "bypass=Abc123Xyz789", "cwd = /home/u1/Proj"})
    void wordsContainingThemAreNot(String line) {
        assertThat(SCANNER.scan("a.py", (line + "\n").getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void atLeastTwentyFiveKinds() {
        assertThat(StandardRules.kinds()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(StandardRules.kinds()).containsAll(SyntheticSecrets.KINDS);
    }
}
