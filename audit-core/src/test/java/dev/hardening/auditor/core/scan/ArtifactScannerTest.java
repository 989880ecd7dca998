package dev.hardening.auditor.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.scan.archive.ArchiveIssue;
import dev.hardening.auditor.core.scan.archive.TestArchives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactScannerTest {
    private static final SyntheticSecrets GEN = new SyntheticSecrets(new Random(5));

    @Test
    void directoryScanFindsSecretsSensitiveFilesAndArchivesInside(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/config.js"), "module.exports = {\n  key: '" + GEN.githubToken("npm") + "'\n};\n");
        Files.writeString(dir.resolve(".env"), "A=1\n");
        Files.writeString(dir.resolve(".env.example"), "A=\n");
        Files.createDirectories(dir.resolve("dist"));
        Files.write(dir.resolve("dist/pkg-1.0.0.tgz"), TestArchives.of().file("package/.npmrc",
                "//registry.npmjs.org/:_authToken=" + GEN.githubToken("npm") + "\n").tgz());
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/config"), "[core]\n");
        Files.createDirectories(dir.resolve("node_modules/dep"));
        Files.writeString(dir.resolve("node_modules/dep/x.js"), "t='" + GEN.githubToken("ghp") + "'\n");

        ScanResult r = ArtifactScanner.standard().scanPath(dir);

        assertThat(r.secrets()).extracting(SecretMatch::path, SecretMatch::line, SecretMatch::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("src/config.js", 2, "npm-token"),
                org.assertj.core.groups.Tuple.tuple("dist/pkg-1.0.0.tgz!/package/.npmrc", 1, "npm-token"));
        assertThat(r.sensitiveFiles()).extracting(SensitiveFile::kind, SensitiveFile::path).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("dotenv", ".env"),
                org.assertj.core.groups.Tuple.tuple("npmrc", "dist/pkg-1.0.0.tgz!/package/.npmrc"),
                org.assertj.core.groups.Tuple.tuple("vcs-directory", ".git/"));
    }

    @Test
    void symlinksInADirectoryAreReportedNotFollowed(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("outside.txt"), "k=" + GEN.githubToken("ghp") + "\n");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("link.txt"), secret);

        ScanResult r = ArtifactScanner.standard().scanPath(tree);

        assertThat(r.secrets()).isEmpty();
        assertThat(r.issues()).extracting(ArchiveIssue::kind).containsExactly(ArchiveIssue.Kind.LINK);
    }

    @Test
    void gitDirectoryInsideAnArchiveIsOneFinding() {
        byte[] tgz = TestArchives.of().file("package/.git/config", "[remote]\n").file("package/.git/HEAD", "ref\n")
                .file("package/.git/objects/ab/cd", "x").tgz();

        ScanResult r = ArtifactScanner.standard().scanArchive("p.tgz", new java.io.ByteArrayInputStream(tgz));

        assertThat(r.sensitiveFiles()).extracting(SensitiveFile::path).containsExactly("p.tgz!/package/.git/");
    }

    @Test
    void parallelDirectoryScanGivesTheSameResultInTheSameOrder(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 40; i++) {
            Path sub = Files.createDirectories(dir.resolve("d" + (i % 5)));
            Files.writeString(sub.resolve("f" + i + ".js"), "// " + i + "\nconst k = '" + GEN.githubToken("ghp") + "';\n");
            if (i % 7 == 0) {
                Files.writeString(sub.resolve(".env"), "X=1\n");
                Files.write(sub.resolve("p" + i + ".tgz"), TestArchives.of().file("package/.npmrc", "x=1\n").tgz());
            }
        }
        Files.write(dir.resolve("unreadable.txt"), new byte[] {1});
        dir.resolve("unreadable.txt").toFile().setReadable(false);

        ScanResult one = new ArtifactScanner(SecretScanner.standard(), dev.hardening.auditor.core.scan.archive.ScanLimits.defaults())
                .scanPath(dir);
        ScanResult many = new ArtifactScanner(SecretScanner.standard(), dev.hardening.auditor.core.scan.archive.ScanLimits.defaults(), 4)
                .scanPath(dir);

        assertThat(many).isEqualTo(one);
        assertThat(many.secrets()).hasSize(40);
        assertThat(many.sensitiveFiles()).hasSize(11); // five .env (d0 twice) and six .npmrc in tarballs
    }

    @Test
    void npmrcReferencingAnEnvironmentVariableIsLowNotCritical() {
        byte[] tgz = TestArchives.of().file("a/.npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n")
                .file("b/.npmrc", "//registry.npmjs.org/:_authToken=" + GEN.githubToken("npm") + "\n").tgz();

        ScanResult r = ArtifactScanner.standard().scanArchive("p.tgz", new java.io.ByteArrayInputStream(tgz));

        assertThat(r.sensitiveFiles()).extracting(SensitiveFile::path, SensitiveFile::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("p.tgz!/a/.npmrc", dev.hardening.auditor.core.model.Severity.LOW),
                org.assertj.core.groups.Tuple.tuple("p.tgz!/b/.npmrc", dev.hardening.auditor.core.model.Severity.CRITICAL));
    }

    @Test
    void aSingleArchiveIsNamedAsGiven(@TempDir Path dir) throws IOException {
        Path tgz = Files.write(Files.createDirectories(dir.resolve("dist")).resolve("p-1.0.0.tgz"),
                TestArchives.of().file("package/k.js", "k='" + GEN.githubToken("ghp") + "'\n").tgz());

        ScanResult r = ArtifactScanner.standard().scanPath(tgz);

        assertThat(r.secrets()).singleElement().extracting(SecretMatch::path).isEqualTo(tgz + "!/package/k.js");
    }
}
