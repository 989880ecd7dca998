package dev.hardening.auditor.core.tokens.pypi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds PyPI-style tokens for tests, written independently of the decoder: the pymacaroons v2
 * binary serialisation (version byte 2; fields as tag, LEB128 length, bytes; EOS = 0; location 1,
 * identifier 2, vid 4, signature 6), URL-safe base64 without padding, the HMAC-SHA256 signature
 * chain pymacaroons computes, and the {@code pypi-} prefix warehouse adds. The key is a test value;
 * no real token is ever made here.
 */
public final class PyMacaroonV2Encoder {
    private static final byte[] KEY_GENERATOR = "macaroons-key-generator".getBytes(StandardCharsets.UTF_8);

    private String location = "pypi.org";
    private String identifier = "8a3b1c9e-3f1f-4c55-9a5e-6d0f2e7b4c11";
    private final List<byte[]> caveats = new ArrayList<>();
    private final List<byte[]> thirdPartyVids = new ArrayList<>();
    private boolean standardAlphabetWithPadding;

    public static PyMacaroonV2Encoder token() {
        return new PyMacaroonV2Encoder();
    }

    public PyMacaroonV2Encoder location(String l) {
        this.location = l;
        return this;
    }

    public PyMacaroonV2Encoder identifier(String i) {
        this.identifier = i;
        return this;
    }

    /** A first-party caveat, e.g. {@code [1,["sampleproject"]]}. */
    public PyMacaroonV2Encoder caveat(String json) {
        caveats.add(json.getBytes(StandardCharsets.UTF_8));
        thirdPartyVids.add(null);
        return this;
    }

    public PyMacaroonV2Encoder rawCaveat(byte[] bytes) {
        caveats.add(bytes.clone());
        thirdPartyVids.add(null);
        return this;
    }

    public PyMacaroonV2Encoder thirdPartyCaveat(String id) {
        caveats.add(id.getBytes(StandardCharsets.UTF_8));
        thirdPartyVids.add(new byte[40]);
        return this;
    }

    /** Base64 with {@code +/} and {@code =} padding, as some tools re-encode tokens. */
    public PyMacaroonV2Encoder standardBase64() {
        this.standardAlphabetWithPadding = true;
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(2);
        if (location != null) {
            field(out, 1, location.getBytes(StandardCharsets.UTF_8));
        }
        field(out, 2, identifier.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        byte[] signature = hmac(hmac(KEY_GENERATOR, "test-only-root-key".getBytes(StandardCharsets.UTF_8)),
                identifier.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < caveats.size(); i++) {
            field(out, 2, caveats.get(i));
            if (thirdPartyVids.get(i) != null) {
                field(out, 4, thirdPartyVids.get(i));
            }
            out.write(0);
            signature = hmac(signature, caveats.get(i));
        }
        out.write(0);
        field(out, 6, signature);
        return out.toByteArray();
    }

    public String build() {
        byte[] raw = bytes();
        String b64 = standardAlphabetWithPadding ? Base64.getEncoder().encodeToString(raw)
                : Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return "pypi-" + b64;
    }

    private static void field(ByteArrayOutputStream out, int tag, byte[] data) {
        out.write(tag);
        int n = data.length;
        while (n >= 0x80) {
            out.write((n & 0x7f) | 0x80);
            n >>>= 7;
        }
        out.write(n);
        out.writeBytes(data);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
