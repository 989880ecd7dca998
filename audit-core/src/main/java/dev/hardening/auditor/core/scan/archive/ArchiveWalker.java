package dev.hardening.auditor.core.scan.archive;

import dev.hardening.auditor.core.scan.archive.ArchiveIssue.Kind;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Streams the files of an archive (tar, tar.gz/tgz, tar.bz2, zip/whl/jar) to a visitor, entirely in
 * memory: no entry is ever written to disk, so entry names cannot traverse anywhere and links are
 * never followed (they are reported instead). Archives inside the archive are opened up to
 * {@link ScanLimits#maxDepth()} levels. Every read is counted against {@link ScanLimits}; a limit
 * reached, a corrupt stream or a hostile entry becomes an {@link ArchiveIssue}, never an exception.
 *
 * <p>Not thread-safe: one walker per thread.
 */
public final class ArchiveWalker {
    private final ScanLimits limits;

    /** Receives each regular file. {@code content} is reused after the call returns. */
    @FunctionalInterface
    public interface Visitor {
        void file(String path, byte[] content, int length, boolean inWheel);
    }

    public ArchiveWalker(ScanLimits limits) {
        this.limits = limits;
    }

    /** The container formats recognised by their first bytes. */
    public enum Format {
        GZIP, BZIP2, XZ, ZSTD, ZIP, TAR, NONE
    }

    /** Whether the bytes start like an archive or compressed stream this walker opens (or reports). */
    public static Format detect(byte[] head, int n) {
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Format.GZIP;
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6
                || head[2] == 7 && head[3] == 8)) {
            return Format.ZIP;
        }
        if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return Format.BZIP2;
        }
        if (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z') {
            return Format.XZ;
        }
        if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return Format.ZSTD;
        }
        if (n >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a' && head[261] == 'r') {
            return Format.TAR;
        }
        return Format.NONE;
    }

    /** Whether a file name says archive; the content's first bytes decide in the end. */
    public static boolean hasArchiveName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".tgz") || n.endsWith(".tar.gz") || n.endsWith(".tar") || n.endsWith(".zip") || n.endsWith(".whl")
                || n.endsWith(".jar") || n.endsWith(".egg") || n.endsWith(".tar.bz2") || n.endsWith(".tbz2")
                || n.endsWith(".gz") || n.endsWith(".war") || n.endsWith(".nupkg") || n.endsWith(".crate")
                || n.endsWith(".tar.xz") || n.endsWith(".tar.zst");
    }

    /**
     * Walks an archive read from {@code raw} (not closed here).
     *
     * @param name the archive's display name; entries are reported as {@code name!/entry}
     * @return what was wrong with the archive; empty for a clean one
     */
    public List<ArchiveIssue> walk(String name, InputStream raw, Visitor visitor) {
        Walk walk = new Walk(visitor, new CountingInputStream(raw));
        try {
            walk.archive(display(name), walk.counter, 0, isWheel(name));
        } catch (Stop stop) {
            walk.issues.add(stop.issue);
        }
        return walk.issues;
    }

    private static boolean isWheel(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".whl");
    }

    /** One walk's state: budgets shared by all nesting levels. */
    private final class Walk {
        final Visitor visitor;
        final CountingInputStream counter;
        final List<ArchiveIssue> issues = new ArrayList<>();
        long total;
        int entries;
        private final byte[][] buffers = new byte[limits.maxDepth() + 1][];

        Walk(Visitor visitor, CountingInputStream counter) {
            this.visitor = visitor;
            this.counter = counter;
        }

        void archive(String name, InputStream in, int depth, boolean wheel) {
            BufferedInputStream buffered = new BufferedInputStream(in, 8192);
            Format format;
            try {
                format = sniff(buffered);
            } catch (IOException e) {
                throw new Stop(new ArchiveIssue(Kind.CORRUPT, name, "unreadable: " + reason(e)));
            }
            try {
                switch (format) {
                    // Concatenated members are read too (gunzip does), so nothing can hide after the first;
                    // the budget bounds them like any other data.
                    case GZIP -> compressed(name, new GzipCompressorInputStream(buffered, true), depth, wheel);
                    case BZIP2 -> compressed(name, new BZip2CompressorInputStream(buffered, true), depth, wheel);
                    // Stored entries with a data descriptor are refused (an UNSUPPORTED issue): reading them
                    // means buffering the whole entry before its size is known, which no bound could cap.
                    case ZIP -> entries(name, new ZipArchiveInputStream(buffered, "UTF-8", true, false), depth, wheel, true);
                    case TAR -> entries(name, new TarArchiveInputStream(buffered), depth, wheel, true);
                    case XZ, ZSTD -> issues.add(new ArchiveIssue(Kind.UNSUPPORTED, name,
                            format.name().toLowerCase(Locale.ROOT) + " compression is not read by the scanner"));
                    case NONE -> issues.add(new ArchiveIssue(Kind.UNSUPPORTED, name, "not an archive format the scanner reads"));
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof Stop s) {
                    throw s;
                }
                issues.add(new ArchiveIssue(Kind.CORRUPT, name, "truncated or corrupt archive: " + reason(e)));
            }
        }

        /** A compressed stream: a tar inside, or a single compressed file. */
        private void compressed(String name, InputStream decompressed, int depth, boolean wheel) throws IOException {
            BufferedInputStream inner = new BufferedInputStream(new Budgeted(decompressed, name), 8192);
            Format f = sniff(inner);
            if (f == Format.TAR) {
                // already counted as it is decompressed, skipped entries included
                entries(name, new TarArchiveInputStream(inner), depth, wheel, false);
            } else {
                String single = name.replaceFirst("(?i)\\.(gz|bz2)$", "");
                file(single.equals(name) ? name + "!/content" : single, inner, depth, wheel);
            }
        }

        /**
         * @param budget whether entry data must be counted here (false when the decompressed stream
         *               under the archive is counted already)
         */
        private void entries(String name, ArchiveInputStream<? extends ArchiveEntry> archive, int depth, boolean wheel,
                             boolean budget) throws IOException {
            InputStream counted = budget ? new Budgeted(archive, name) : new NotClosing(archive);
            ArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new Stop(new ArchiveIssue(Kind.ENTRY_COUNT, name, "more than " + limits.maxEntries()
                            + " entries; the rest was not scanned"));
                }
                String entryName = display(entry.getName());
                String path = name + "!/" + entryName;
                if (isTraversal(entry.getName())) {
                    issues.add(new ArchiveIssue(Kind.PATH_TRAVERSAL, path,
                            "entry name leaves the extraction directory (../, absolute path or drive letter)"));
                }
                if (entry instanceof TarArchiveEntry tar) {
                    if (tar.isSymbolicLink() || tar.isLink()) {
                        issues.add(new ArchiveIssue(Kind.LINK, path, (tar.isSymbolicLink() ? "symbolic" : "hard")
                                + " link to " + display(tar.getLinkName()) + " (not followed)"));
                        drain(counted);
                        continue;
                    }
                    if (tar.isCharacterDevice() || tar.isBlockDevice() || tar.isFIFO()) {
                        issues.add(new ArchiveIssue(Kind.SPECIAL_ENTRY, path, "device or FIFO entry"));
                        drain(counted);
                        continue;
                    }
                    if (!tar.isFile()) {
                        drain(counted);
                        continue;
                    }
                } else if (entry instanceof ZipArchiveEntry zip) {
                    if (zip.isUnixSymlink()) {
                        issues.add(new ArchiveIssue(Kind.LINK, path, "symbolic link (not followed)"));
                        drain(counted);
                        continue;
                    }
                    if (zip.isDirectory()) {
                        drain(counted);
                        continue;
                    }
                    if (!archive.canReadEntryData(zip)) {
                        issues.add(new ArchiveIssue(Kind.UNSUPPORTED, path, "encrypted or unsupported compression method"));
                        continue;
                    }
                } else if (entry.isDirectory()) {
                    continue;
                }
                file(path, counted, depth, wheel);
            }
        }

        /** Reads a skipped entry's data through the budget, so skipping cannot decompress unbounded data unseen. */
        private void drain(InputStream in) throws IOException {
            byte[] skip = new byte[8192];
            while (in.read(skip) >= 0) {
                // counted and discarded
            }
        }

        /** Reads one file (bounded), then hands it to the visitor or, if it is an archive, walks it. */
        private void file(String path, InputStream source, int depth, boolean wheel) throws IOException {
            byte[] buf = buffer(depth);
            int n = 0;
            int max = limits.maxEntryBytes();
            while (n < max) {
                int r = source.read(buf, n, Math.min(buf.length, max) - n);
                if (r < 0) {
                    break;
                }
                n += r;
                if (n == buf.length && n < max) {
                    buf = grow(depth, n);
                }
            }
            if (n >= max && source.read() >= 0) {
                issues.add(new ArchiveIssue(Kind.ENTRY_SIZE, path, "larger than " + max + " bytes; only the first "
                        + max + " were scanned"));
                byte[] skip = new byte[65536];
                while (source.read(skip) >= 0) {
                    // drained through the budget, which stops a bomb
                }
            }
            String lower = path.toLowerCase(Locale.ROOT);
            Format inner = detect(buf, n);
            boolean nested = inner != Format.NONE && (hasArchiveName(lower) || inner == Format.ZIP || inner == Format.GZIP);
            if (nested) {
                if (depth >= limits.maxDepth()) {
                    issues.add(new ArchiveIssue(Kind.NESTING_DEPTH, path, "archive nested more than " + limits.maxDepth()
                            + " level(s) deep; not opened"));
                    return;
                }
                archive(path, new ByteArrayInputStream(buf, 0, n), depth + 1, wheel || isWheel(path));
                return;
            }
            visitor.file(path, buf, n, wheel);
        }

        private byte[] buffer(int depth) {
            if (buffers[depth] == null) {
                buffers[depth] = new byte[Math.min(limits.maxEntryBytes(), 1 << 16)];
            }
            return buffers[depth];
        }

        private byte[] grow(int depth, int used) {
            byte[] bigger = java.util.Arrays.copyOf(buffers[depth], (int) Math.min(limits.maxEntryBytes(), (long) used * 2));
            buffers[depth] = bigger;
            return bigger;
        }

        /** Counts decompressed bytes against the total cap and the compression ratio. */
        private final class Budgeted extends FilterInputStream {
            private final String name;

            Budgeted(InputStream in, String name) {
                super(in);
                this.name = name;
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    charge(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    charge(n);
                }
                return n;
            }

            @Override
            public void close() {
                // the archive stream belongs to the walker
            }

            private void charge(int n) {
                total += n;
                if (total > limits.maxTotalBytes()) {
                    throw new Stop(new ArchiveIssue(Kind.TOTAL_SIZE, name, "more than " + limits.maxTotalBytes()
                            + " bytes decompressed; the rest was not scanned"));
                }
                long raw = Math.max(1, counter.count);
                if (total > ScanLimits.RATIO_SLACK && total > limits.maxRatio() * raw) {
                    throw new Stop(new ArchiveIssue(Kind.COMPRESSION_RATIO, name, "decompression bomb: " + total
                            + " bytes out of " + raw + " compressed (ratio over " + (long) limits.maxRatio()
                            + "); the walk stopped"));
                }
            }
        }
    }

    private static Format sniff(BufferedInputStream in) throws IOException {
        in.mark(600);
        byte[] head = new byte[512];
        int n = 0;
        while (n < head.length) {
            int r = in.read(head, n, head.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        in.reset();
        return detect(head, n);
    }

    /** {@code ../}, a leading slash or backslash, or a drive letter. */
    static boolean isTraversal(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.length() >= 2 && n.charAt(1) == ':' && Character.isLetter(n.charAt(0))) {
            return true;
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** An entry name made safe to print: no control characters, bounded length. */
    static String display(String name) {
        if (name == null) {
            return "(unnamed)";
        }
        StringBuilder b = new StringBuilder(Math.min(name.length(), 300));
        for (int i = 0; i < name.length() && b.length() < 300; i++) {
            char c = name.charAt(i);
            b.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
        }
        return name.length() > 300 ? b + "…" : b.toString();
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return display(text.length() > 200 ? text.substring(0, 200) : text);
    }

    /** Hands an archive stream to readers without letting them close it. */
    private static final class NotClosing extends FilterInputStream {
        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream belongs to the walker
        }
    }

    /** Counts the compressed bytes read from the source. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }

        @Override
        public void close() {
            // owned by the caller
        }
    }

    /** Unwinds the walk when a limit is reached. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ArchiveIssue issue;

        Stop(ArchiveIssue issue) {
            super(issue.detail(), null, false, false);
            this.issue = issue;
        }
    }
}
