package dev.hardening.auditor.core.scan.archive;

/**
 * Bounds on what one scan reads, so a hostile archive ends in a finding rather than a full disk,
 * an exhausted heap or a hang. Nothing is ever written to disk; these bound memory and time.
 *
 * @param maxTotalBytes   decompressed bytes read in all, nested archives included
 * @param maxEntries      entries in all
 * @param maxEntryBytes   bytes of one entry held and scanned (the rest is skipped and counted)
 * @param maxRatio        decompressed bytes per compressed byte, beyond a {@link #RATIO_SLACK} allowance
 * @param maxDepth        how deep archives inside archives are opened (1: one level)
 */
public record ScanLimits(long maxTotalBytes, int maxEntries, int maxEntryBytes, double maxRatio, int maxDepth) {
    /** Decompressed bytes allowed before the ratio applies: small, highly compressible files are normal. */
    public static final long RATIO_SLACK = 4L * 1024 * 1024;

    public ScanLimits {
        if (maxTotalBytes <= 0 || maxEntries <= 0 || maxEntryBytes <= 0 || maxRatio <= 1 || maxDepth < 0) {
            throw new IllegalArgumentException("invalid scan limits");
        }
    }

    public static ScanLimits defaults() {
        return new ScanLimits(1024L * 1024 * 1024, 100_000, 32 * 1024 * 1024, 200, 1);
    }

    public ScanLimits withMaxTotalBytes(long bytes) {
        return new ScanLimits(bytes, maxEntries, maxEntryBytes, maxRatio, maxDepth);
    }

    public ScanLimits withMaxEntries(int n) {
        return new ScanLimits(maxTotalBytes, n, maxEntryBytes, maxRatio, maxDepth);
    }

    public ScanLimits withMaxEntryBytes(int n) {
        return new ScanLimits(maxTotalBytes, maxEntries, n, maxRatio, maxDepth);
    }

    public ScanLimits withMaxRatio(double r) {
        return new ScanLimits(maxTotalBytes, maxEntries, maxEntryBytes, r, maxDepth);
    }
}
