package dev.hardening.auditor.core.passwords;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The SHA-1 of a password, computed from a {@code char[]} without ever making a {@code String} of
 * the password; the UTF-8 bytes are wiped as soon as they are hashed, and the digest when this is
 * closed. Only {@link #rangePrefix()} — 5 of its 40 hexadecimal characters — is meant to leave the
 * process.
 */
public final class PasswordHash implements AutoCloseable {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    public static final int PREFIX_LENGTH = 5;

    private final byte[] digest;

    private PasswordHash(byte[] digest) {
        this.digest = digest;
    }

    /** Hashes the password; the caller keeps ownership of (and wipes) the array. */
    public static PasswordHash of(char[] password) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer bytes;
        try {
            bytes = encoder.encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException cannotHappenWithReplace) {
            throw new IllegalStateException("UTF-8 encoding failed", cannotHappenWithReplace);
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes.duplicate());
            return new PasswordHash(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    /** The first 5 hexadecimal characters (upper case): what the range API is sent. */
    public String rangePrefix() {
        char[] hex = hex();
        try {
            return new String(hex, 0, PREFIX_LENGTH);
        } finally {
            Arrays.fill(hex, '\0');
        }
    }

    /** Whether a 35-character suffix from the range answer completes this hash (case-insensitive). */
    public boolean hasSuffix(CharSequence suffix) {
        if (suffix.length() != 40 - PREFIX_LENGTH) {
            return false;
        }
        char[] hex = hex();
        try {
            int diff = 0;
            for (int i = 0; i < suffix.length(); i++) {
                diff |= hex[PREFIX_LENGTH + i] ^ Character.toUpperCase(suffix.charAt(i));
            }
            return diff == 0;
        } finally {
            Arrays.fill(hex, '\0');
        }
    }

    private char[] hex() {
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return out;
    }

    @Override
    public void close() {
        Arrays.fill(digest, (byte) 0);
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
