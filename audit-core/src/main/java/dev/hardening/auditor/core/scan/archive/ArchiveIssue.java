package dev.hardening.auditor.core.scan.archive;

import java.util.Objects;

/**
 * Something wrong with an archive's structure: a hostile entry, a limit reached, a corrupt stream.
 *
 * @param kind     what happened
 * @param path     the entry (or the archive) concerned, sanitised for display
 * @param detail   one sentence
 */
public record ArchiveIssue(Kind kind, String path, String detail) {
    public ArchiveIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Kind {
        /** An entry name with {@code ../}, an absolute path or a drive letter: it would write outside the target. */
        PATH_TRAVERSAL(true, false),
        /** A symbolic or hard link entry (never followed). */
        LINK(true, false),
        /** A device, FIFO or other special entry. */
        SPECIAL_ENTRY(true, false),
        /** Decompressed far more than it was compressed: a decompression bomb. The walk stopped. */
        COMPRESSION_RATIO(false, true),
        /** The total decompressed size reached its cap. The walk stopped. */
        TOTAL_SIZE(false, true),
        /** More entries than the cap. The walk stopped. */
        ENTRY_COUNT(false, true),
        /** One entry larger than the per-entry cap: only its beginning was scanned. */
        ENTRY_SIZE(false, true),
        /** An archive inside an archive inside an archive: not opened. */
        NESTING_DEPTH(false, true),
        /** Truncated, corrupt or unreadable data. The walk of that archive stopped. */
        CORRUPT(false, true),
        /** A compression method or format the scanner does not read. */
        UNSUPPORTED(false, true);

        private final boolean hostile;
        private final boolean incomplete;

        Kind(boolean hostile, boolean incomplete) {
            this.hostile = hostile;
            this.incomplete = incomplete;
        }

        /** An entry no legitimate package needs: it only makes sense to attack whoever extracts the archive. */
        public boolean hostile() {
            return hostile;
        }

        /** Part of the content was not scanned. */
        public boolean incomplete() {
            return incomplete;
        }
    }
}
