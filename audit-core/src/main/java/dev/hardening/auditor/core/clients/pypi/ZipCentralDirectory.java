package dev.hardening.auditor.core.clients.pypi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads entry names from the end of a ZIP file (a wheel): the end-of-central-directory record (and its
 * ZIP64 form) gives where the central directory starts, and the central directory lists every entry's
 * name. Works on a tail of the file, so only the last bytes need to be downloaded; nothing is unpacked.
 */
final class ZipCentralDirectory {
    static final int EOCD_SIGNATURE = 0x06054b50;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    static final int ENTRY_SIGNATURE = 0x02014b50;
    static final int MAX_ENTRIES = 50_000;

    /** Entry names, or where the central directory starts when the tail does not reach it. */
    record Listing(List<String> names, boolean complete, OptionalLong needsFrom) {
    }

    private ZipCentralDirectory() {
    }

    /**
     * @param tail       the last bytes of the file
     * @param fileLength the length of the whole file
     * @throws IllegalArgumentException when the bytes are not the end of a ZIP file
     */
    static Listing read(byte[] tail, long fileLength) {
        ByteBuffer b = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
        long tailStart = fileLength - tail.length;
        int eocd = -1;
        for (int i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 65_535); i--) {
            if (b.getInt(i) == EOCD_SIGNATURE) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new IllegalArgumentException("no end of central directory record");
        }
        long entries = Short.toUnsignedLong(b.getShort(eocd + 10));
        long cdOffset = Integer.toUnsignedLong(b.getInt(eocd + 16));
        if ((cdOffset == 0xFFFFFFFFL || entries == 0xFFFF) && eocd >= 20 && b.getInt(eocd - 20) == ZIP64_LOCATOR_SIGNATURE) {
            long zip64 = b.getLong(eocd - 20 + 8) - tailStart;
            if (zip64 < 0 || zip64 + 56 > tail.length || b.getInt((int) zip64) != ZIP64_EOCD_SIGNATURE) {
                throw new IllegalArgumentException("unreadable ZIP64 end of central directory");
            }
            entries = b.getLong((int) zip64 + 32);
            cdOffset = b.getLong((int) zip64 + 48);
        }
        if (cdOffset < 0 || cdOffset > fileLength) {
            throw new IllegalArgumentException("central directory outside the file");
        }
        if (cdOffset < tailStart) {
            return new Listing(List.of(), false, OptionalLong.of(cdOffset));
        }
        List<String> names = new ArrayList<>();
        int p = (int) (cdOffset - tailStart);
        while (names.size() < Math.min(entries, MAX_ENTRIES) && p + 46 <= tail.length && b.getInt(p) == ENTRY_SIGNATURE) {
            int nameLength = Short.toUnsignedInt(b.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(p + 32));
            if (p + 46 + nameLength > tail.length) {
                break;
            }
            names.add(new String(tail, p + 46, nameLength, StandardCharsets.UTF_8));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return new Listing(names, names.size() == entries, OptionalLong.empty());
    }
}
