package dev.hardening.auditor.core.scan;

import dev.hardening.auditor.core.scan.archive.ArchiveIssue;
import dev.hardening.auditor.core.scan.archive.ArchiveIssue.Kind;
import dev.hardening.auditor.core.scan.archive.ArchiveWalker;
import dev.hardening.auditor.core.scan.archive.ScanLimits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;

/**
 * Scans a published artifact (a stream) or a local directory or file for secrets and files that
 * should not ship. Entries stay in memory; links are reported, never followed.
 */
public final class ArtifactScanner {
    /** Directories a package build never ships and that a directory scan skips. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", ".venv", "venv", "__pycache__", ".tox",
            ".mypy_cache", ".pytest_cache", ".gradle", ".idea");

    private final SecretScanner secrets;
    private final ScanLimits limits;
    private final int threads;

    public ArtifactScanner(SecretScanner secrets, ScanLimits limits) {
        this(secrets, limits, 1);
    }

    /** @param threads files of a directory scanned in parallel (each file by one thread) */
    public ArtifactScanner(SecretScanner secrets, ScanLimits limits, int threads) {
        this.secrets = secrets;
        this.limits = limits;
        this.threads = Math.max(1, threads);
    }

    /** The built-in rules and limits, one thread. */
    public static ArtifactScanner standard() {
        return new ArtifactScanner(SecretScanner.standard(), ScanLimits.defaults());
    }

    /**
     * The built-in rules and limits, a directory's files spread over all cores but one: the JIT
     * compiler and the garbage collector need a core while a fresh JVM warms up (on two cores a
     * second scanning thread made the command slower, measured).
     */
    public static ArtifactScanner parallel() {
        return new ArtifactScanner(SecretScanner.standard(), ScanLimits.defaults(),
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** Scans an archive read from {@code in} (not closed). {@code name} is the artifact's file name. */
    public ScanResult scanArchive(String name, InputStream in) {
        Accumulator acc = new Accumulator();
        List<ArchiveIssue> issues = new ArchiveWalker(limits).walk(name, in, acc);
        acc.issues.addAll(issues);
        return acc.result();
    }

    /** Scans a directory tree, an archive file or a single file. */
    public ScanResult scanPath(Path path) throws IOException {
        Accumulator acc = new Accumulator();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            scanDirectory(path, acc);
        } else {
            // A single file or archive is named as it was given (dist/pkg-1.0.0.tgz!/package/...).
            scanFile(path, path.toString(), acc);
        }
        return acc.result();
    }

    private void scanDirectory(Path root, Accumulator acc) throws IOException {
        List<Map.Entry<String, Path>> regular = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                String rel = relative(root, dir);
                if (name.equals(".git") || name.equals(".hg") || name.equals(".svn")) {
                    acc.sensitive.add(new SensitiveFile("vcs-directory", rel + "/",
                            "version-control metadata: check that your package's files list leaves it out (npm and"
                                    + " most Python build backends do)", dev.hardening.auditor.core.model.Severity.LOW));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (SKIPPED_DIRECTORIES.contains(name)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(root, file);
                if (attrs.isSymbolicLink()) {
                    acc.issues.add(new ArchiveIssue(Kind.LINK, rel, "symbolic link (not followed)"));
                } else if (attrs.isRegularFile()) {
                    regular.add(Map.entry(rel, file));
                } else if (attrs.isOther()) {
                    acc.issues.add(new ArchiveIssue(Kind.SPECIAL_ENTRY, rel, "device, FIFO or socket (not read)"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                acc.issues.add(new ArchiveIssue(Kind.CORRUPT, relative(root, file), "unreadable: " + exc.getClass().getSimpleName()));
                return FileVisitResult.CONTINUE;
            }
        });
        // Sorted, so a report lists files in the same order whatever the file system's order.
        regular.sort(Map.Entry.comparingByKey());
        scanFiles(regular, acc);
    }

    /** Scans files one per task on up to {@link #threads} threads; results are merged in the list's order. */
    private void scanFiles(List<Map.Entry<String, Path>> files, Accumulator acc) throws IOException {
        if (threads == 1 || files.size() < 2) {
            for (Map.Entry<String, Path> f : files) {
                scanOne(f.getValue(), f.getKey(), acc);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), r -> {
            Thread t = new Thread(r, "auditor-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Accumulator>> parts = new ArrayList<>(files.size());
            for (Map.Entry<String, Path> f : files) {
                parts.add(pool.submit(() -> {
                    Accumulator part = new Accumulator();
                    scanOne(f.getValue(), f.getKey(), part);
                    return part;
                }));
            }
            for (Future<Accumulator> part : parts) {
                acc.merge(part.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("scan interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One file; a file that cannot be read becomes an issue, not the end of the scan. */
    private void scanOne(Path file, String rel, Accumulator acc) {
        try {
            scanFile(file, rel, acc);
        } catch (IOException e) {
            acc.issues.add(new ArchiveIssue(Kind.CORRUPT, rel, "unreadable: " + e.getClass().getSimpleName()));
        }
    }

    private void scanFile(Path file, String rel, Accumulator acc) throws IOException {
        long size = Files.size(file);
        if (size <= Math.min(limits.maxEntryBytes(), 64L * 1024 * 1024)) {
            // The common case: one exact-size read, no stream copies.
            byte[] content = Files.readAllBytes(file);
            ArchiveWalker.Format format = ArchiveWalker.detect(content, content.length);
            if (format != ArchiveWalker.Format.NONE && (ArchiveWalker.hasArchiveName(rel) || format == ArchiveWalker.Format.ZIP
                    || format == ArchiveWalker.Format.GZIP)) {
                acc.issues.addAll(new ArchiveWalker(limits).walk(rel, new java.io.ByteArrayInputStream(content), acc));
            } else {
                acc.file(rel, content, content.length, false);
            }
            return;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), 65536)) {
            raw.mark(600);
            byte[] head = raw.readNBytes(512);
            raw.reset();
            ArchiveWalker.Format format = ArchiveWalker.detect(head, head.length);
            if (format != ArchiveWalker.Format.NONE && (ArchiveWalker.hasArchiveName(rel) || format == ArchiveWalker.Format.ZIP
                    || format == ArchiveWalker.Format.GZIP)) {
                acc.issues.addAll(new ArchiveWalker(limits).walk(rel, raw, acc));
                return;
            }
            byte[] content = raw.readNBytes(limits.maxEntryBytes());
            if (raw.read() >= 0) {
                acc.issues.add(new ArchiveIssue(Kind.ENTRY_SIZE, rel, "larger than " + limits.maxEntryBytes()
                        + " bytes; only the first " + limits.maxEntryBytes() + " were scanned"));
            }
            acc.file(rel, content, content.length, false);
        }
    }

    private static String relative(Path root, Path p) {
        String r = root.relativize(p).toString().replace('\\', '/');
        return r.isEmpty() ? p.getFileName().toString() : r;
    }

    /** Collects the findings of every file, folding a VCS directory's files into one finding. */
    private final class Accumulator implements ArchiveWalker.Visitor {
        final List<SecretMatch> found = new ArrayList<>();
        final List<SensitiveFile> sensitive = new ArrayList<>();
        final List<ArchiveIssue> issues = new ArrayList<>();
        final Set<String> vcsRoots = new HashSet<>();
        long files;
        long bytes;

        @Override
        public void file(String path, byte[] content, int length, boolean inWheel) {
            files++;
            bytes += length;
            String lower = path.toLowerCase(Locale.ROOT);
            if (SensitiveFiles.isVcsPath(lower)) {
                String root = vcsRoot(path, lower);
                if (vcsRoots.add(root)) {
                    SensitiveFiles.classify(path, content, length, inWheel).ifPresent(f ->
                            sensitive.add(new SensitiveFile(f.kind(), root + "/", f.reason(), f.severity())));
                }
            } else {
                SensitiveFiles.classify(path, content, length, inWheel).ifPresent(sensitive::add);
            }
            found.addAll(secrets.scan(path, content, length));
        }

        /** {@code a/b/.git/objects/x} -> {@code a/b/.git}. */
        private static String vcsRoot(String path, String lower) {
            String p = "/" + lower;
            for (String dir : new String[] {"/.git/", "/.hg/", "/.svn/"}) {
                int at = p.indexOf(dir);
                if (at >= 0) {
                    return path.substring(0, at + dir.length() - 2);
                }
            }
            return path;
        }

        void merge(Accumulator other) {
            found.addAll(other.found);
            sensitive.addAll(other.sensitive);
            issues.addAll(other.issues);
            files += other.files;
            bytes += other.bytes;
        }

        ScanResult result() {
            return new ScanResult(found, sensitive, issues, files, bytes);
        }
    }
}
