package dev.hardening.auditor.core.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the SSH wire encoding (RFC 4251 §5: {@code uint32}, {@code uint64}, length-prefixed
 * {@code string}) from a key blob. Every length is checked against what is left, so a hostile or
 * truncated blob ends in a {@link KeyFormatException}, never in a huge allocation. Used for public key
 * blobs here and for the clear-text header of OpenSSH private key files in the workstation scan.
 */
public final class SshWireReader {
    private final byte[] data;
    private int position;

    public SshWireReader(byte[] data) {
        this.data = data;
    }

    public int position() {
        return position;
    }

    public boolean hasMore() {
        return position < data.length;
    }

    public long uint32() throws KeyFormatException {
        need(4, "a 32-bit number");
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | (data[position++] & 0xFF);
        }
        return v;
    }

    /** A uint64 as Java's signed long: values above {@code Long.MAX_VALUE} come back negative. */
    public long uint64() throws KeyFormatException {
        need(8, "a 64-bit number");
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (data[position++] & 0xFF);
        }
        return v;
    }

    public byte[] string() throws KeyFormatException {
        long length = uint32();
        if (length > data.length - position) {
            throw new KeyFormatException("the key data is truncated (a field claims " + length + " bytes, "
                    + (data.length - position) + " are left)");
        }
        byte[] out = Arrays.copyOfRange(data, position, position + (int) length);
        position += (int) length;
        return out;
    }

    public String text() throws KeyFormatException {
        return new String(string(), StandardCharsets.UTF_8);
    }

    /** The raw bytes from {@code from} up to the current position (length prefixes included). */
    public byte[] slice(int from) {
        return Arrays.copyOfRange(data, from, position);
    }

    private void need(int bytes, String what) throws KeyFormatException {
        if (data.length - position < bytes) {
            throw new KeyFormatException("the key data is truncated (expected " + what + ")");
        }
    }
}
