package dev.hardening.auditor.core.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.ECPublicBCPGKey;
import org.bouncycastle.bcpg.Packet;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Reads ASCII-armored OpenPGP public keys (GitHub's {@code raw_key}) with Bouncy Castle: algorithm,
 * size or curve, creation, expiry, revocation and key flags, each from signatures that verify.
 * A revocation certificate given after the key (as {@code gpg --import} would take it) is applied.
 * Bad input never escapes as anything but a {@link KeyFormatException} with a readable reason.
 */
public final class OpenPgpKeys {
    /** Far above any real public key (the largest fixture, with hundreds of certifications, is 49 KB). */
    static final int MAX_INPUT_CHARS = 1 << 20;

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN PGP ([A-Z0-9 ,/]{1,40})-----.*?(?:-----END PGP \\1-----|\\z)", Pattern.DOTALL);
    private static final int[] CERTIFICATIONS = {
        PGPSignature.POSITIVE_CERTIFICATION, PGPSignature.CASUAL_CERTIFICATION,
        PGPSignature.NO_CERTIFICATION, PGPSignature.DEFAULT_CERTIFICATION};
    private static final Map<String, Curve> CURVES = Map.ofEntries(
            Map.entry("1.2.840.10045.3.1.7", new Curve("NIST P-256", 256)),
            Map.entry("1.3.132.0.34", new Curve("NIST P-384", 384)),
            Map.entry("1.3.132.0.35", new Curve("NIST P-521", 521)),
            Map.entry("1.3.132.0.10", new Curve("secp256k1", 256)),
            Map.entry("1.3.36.3.3.2.8.1.1.7", new Curve("brainpoolP256r1", 256)),
            Map.entry("1.3.36.3.3.2.8.1.1.11", new Curve("brainpoolP384r1", 384)),
            Map.entry("1.3.36.3.3.2.8.1.1.13", new Curve("brainpoolP512r1", 512)),
            Map.entry("1.3.6.1.4.1.11591.15.1", new Curve("Ed25519", 255)),
            Map.entry("1.3.101.112", new Curve("Ed25519", 255)),
            Map.entry("1.3.101.113", new Curve("Ed448", 448)),
            Map.entry("1.3.6.1.4.1.3029.1.5.1", new Curve("Curve25519", 255)),
            Map.entry("1.3.101.110", new Curve("Curve25519", 255)),
            Map.entry("1.3.101.111", new Curve("Curve448", 448)));

    private record Curve(String name, int bits) {
    }

    private OpenPgpKeys() {
    }

    /** The first key in {@code armored}, with any revocation signatures that follow it applied. */
    public static OpenPgpCertificate parse(String armored) throws KeyFormatException {
        if (armored == null || armored.isBlank()) {
            throw new KeyFormatException("no key material");
        }
        if (armored.length() > MAX_INPUT_CHARS) {
            throw new KeyFormatException("the key block is larger than " + (MAX_INPUT_CHARS >> 10) + " KiB");
        }
        PGPPublicKeyRing ring = null;
        boolean fromSecret = false;
        List<PGPSignature> detached = new ArrayList<>();
        Matcher block = BLOCK.matcher(armored);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String text = block.group();
            if (!text.contains("-----END PGP ")) {
                throw new KeyFormatException("the armored block is truncated (no -----END PGP " + block.group(1) + "----- line)");
            }
            for (Object o : objects(dearmor(text))) {
                if (o instanceof PGPPublicKeyRing r && ring == null) {
                    ring = r;
                } else if (o instanceof PGPSecretKeyRing s && ring == null) {
                    ring = publicPart(s);
                    fromSecret = true;
                } else if (o instanceof PGPSignatureList sigs) {
                    sigs.forEach(detached::add);
                }
            }
        }
        if (blocks == 0) {
            throw new KeyFormatException("not an ASCII-armored OpenPGP key (no -----BEGIN PGP line)");
        }
        if (ring == null) {
            throw new KeyFormatException(detached.isEmpty() ? "the armored block holds no OpenPGP key"
                    : "the armored block holds a signature (such as a revocation certificate) but no key");
        }
        try {
            return certificate(ring, detached, fromSecret);
        } catch (RuntimeException e) {
            throw new KeyFormatException("the key is malformed (" + reason(e) + ")", e);
        }
    }

    /**
     * What a single public-key or public-subkey packet is (GitHub's {@code public_key}, base64-decoded):
     * used when GitHub has no {@code raw_key}. A lone packet carries no signatures, so no expiry or revocation.
     */
    public static KeyDescription describePacket(byte[] packet) throws KeyFormatException {
        if (packet == null || packet.length == 0) {
            throw new KeyFormatException("no key packet");
        }
        try {
            Packet p = new BCPGInputStream(new ByteArrayInputStream(packet)).readPacket();
            if (!(p instanceof PublicKeyPacket pk)) {
                throw new KeyFormatException("the data is not an OpenPGP public key packet");
            }
            return describe(new PGPPublicKey(pk, new BcKeyFingerprintCalculator()));
        } catch (IOException | PGPException | RuntimeException e) {
            throw new KeyFormatException("the key packet is malformed or truncated (" + reason(e) + ")", e);
        }
    }

    /** Algorithm and size or curve of a key. */
    static KeyDescription describe(PGPPublicKey key) {
        int algorithm = key.getAlgorithm();
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT, PublicKeyAlgorithmTags.RSA_SIGN ->
                    KeyDescription.sized(KeyAlgorithm.RSA, key.getBitStrength());
            case PublicKeyAlgorithmTags.DSA -> KeyDescription.sized(KeyAlgorithm.DSA, key.getBitStrength());
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL ->
                    KeyDescription.sized(KeyAlgorithm.ELGAMAL, key.getBitStrength());
            case PublicKeyAlgorithmTags.ECDSA -> curve(KeyAlgorithm.ECDSA, key);
            case PublicKeyAlgorithmTags.ECDH -> curve(KeyAlgorithm.ECDH, key);
            case PublicKeyAlgorithmTags.EDDSA_LEGACY -> curve(KeyAlgorithm.EDDSA, key);
            case PublicKeyAlgorithmTags.Ed25519 -> KeyDescription.curve(KeyAlgorithm.EDDSA, "Ed25519", 255);
            case PublicKeyAlgorithmTags.Ed448 -> KeyDescription.curve(KeyAlgorithm.EDDSA, "Ed448", 448);
            case PublicKeyAlgorithmTags.X25519 -> KeyDescription.curve(KeyAlgorithm.ECDH, "Curve25519", 255);
            case PublicKeyAlgorithmTags.X448 -> KeyDescription.curve(KeyAlgorithm.ECDH, "Curve448", 448);
            default -> KeyDescription.unknown();
        };
    }

    private static KeyDescription curve(KeyAlgorithm algorithm, PGPPublicKey key) {
        if (!(key.getPublicKeyPacket().getKey() instanceof ECPublicBCPGKey ec)) {
            return new KeyDescription(algorithm, OptionalInt.empty(), Optional.empty());
        }
        ASN1ObjectIdentifier oid = ec.getCurveOID();
        Curve c = CURVES.get(oid.getId());
        return c != null ? KeyDescription.curve(algorithm, c.name(), c.bits())
                : KeyDescription.curve(algorithm, "curve " + oid.getId(), 0);
    }

    private static OpenPgpCertificate certificate(PGPPublicKeyRing ring, List<PGPSignature> detached, boolean fromSecret) {
        Iterator<PGPPublicKey> keys = ring.getPublicKeys();
        PGPPublicKey primary = keys.next();
        boolean primaryRevoked = revoked(primary, primary, detached);
        OpenPgpKey primaryKey = key(primary, selfSignatures(primary), primaryRevoked);
        List<OpenPgpKey> subkeys = new ArrayList<>();
        while (keys.hasNext()) {
            PGPPublicKey sub = keys.next();
            List<PGPSignature> bindings = new ArrayList<>();
            sub.getSignaturesOfType(PGPSignature.SUBKEY_BINDING).forEachRemaining(s -> {
                if (verifies(s, primary, sig -> sig.verifyCertification(primary, sub))) {
                    bindings.add(s);
                }
            });
            Optional<PGPSignature> binding = latest(bindings);
            if (binding.isEmpty()) {
                // Not bound to the primary by a valid signature: not part of this key, as gpg treats it.
                continue;
            }
            // A revoked primary key takes its subkeys with it (gpg lists them as revoked too).
            subkeys.add(key(sub, binding.map(List::of).orElse(List.of()), primaryRevoked || revoked(sub, primary, detached)));
        }
        return new OpenPgpCertificate(primaryKey, subkeys, fromSecret);
    }

    /**
     * @param self the self-signatures that describe the key, most authoritative first; the first that
     *             carries a subpacket decides it (key flags and expiry are looked up separately)
     */
    private static OpenPgpKey key(PGPPublicKey key, List<PGPSignature> self, boolean revoked) {
        Instant created = key.getCreationTime().toInstant();
        Optional<Instant> expires;
        Set<KeyUsage> usage;
        if (!self.isEmpty()) {
            long seconds = self.stream().map(PGPSignature::getHashedSubPackets)
                    .filter(h -> h != null && h.hasSubpacket(SignatureSubpacketTags.KEY_EXPIRE_TIME))
                    .mapToLong(PGPSignatureSubpacketVector::getKeyExpirationTime).findFirst().orElse(0);
            expires = seconds > 0 ? Optional.of(created.plusSeconds(seconds)) : Optional.empty();
            int flags = self.stream().map(PGPSignature::getHashedSubPackets)
                    .filter(h -> h != null && h.getKeyFlags() != 0)
                    .mapToInt(PGPSignatureSubpacketVector::getKeyFlags).findFirst().orElse(0);
            usage = flags != 0 ? usage(flags) : defaultUsage(key.getAlgorithm());
        } else {
            // Version 3 keys carry their validity in the key packet and have no key flags.
            long seconds = key.getValidSeconds();
            expires = seconds > 0 ? Optional.of(created.plusSeconds(seconds)) : Optional.empty();
            usage = defaultUsage(key.getAlgorithm());
        }
        if (!describe(key).algorithm().canSign()) {
            usage.remove(KeyUsage.SIGN);
            usage.remove(KeyUsage.CERTIFY);
        }
        return new OpenPgpKey(keyId(key.getKeyID()), HexFormat.of().withUpperCase().formatHex(key.getFingerprint()),
                key.getVersion(), describe(key), created, expires, revoked, usage);
    }

    /**
     * The primary key's verified self-signatures in the order GnuPG consults them: the latest
     * certification of the primary user ID (else of any user ID), then the latest direct-key signature.
     * A later direct-key signature without an expiry does not clear the expiry a user ID's gives.
     */
    private static List<PGPSignature> selfSignatures(PGPPublicKey primary) {
        List<PGPSignature> certifications = new ArrayList<>();
        List<PGPSignature> direct = new ArrayList<>();
        for (PGPSignature s : verifiedSelfCertifications(primary)) {
            (s.getSignatureType() == PGPSignature.DIRECT_KEY ? direct : certifications).add(s);
        }
        List<PGPSignature> primaryUid = certifications.stream()
                .filter(s -> s.getHashedSubPackets() != null && s.getHashedSubPackets().isPrimaryUserID()).toList();
        List<PGPSignature> out = new ArrayList<>();
        latest(primaryUid.isEmpty() ? certifications : primaryUid).ifPresent(out::add);
        latest(direct).ifPresent(out::add);
        return out;
    }

    /** Self-certifications of the user IDs and direct-key self-signatures that verify with the key itself. */
    private static List<PGPSignature> verifiedSelfCertifications(PGPPublicKey primary) {
        List<PGPSignature> out = new ArrayList<>();
        Iterator<byte[]> ids = primary.getRawUserIDs();
        while (ids.hasNext()) {
            byte[] id = ids.next();
            primary.getSignaturesForID(id).forEachRemaining(s -> {
                if (isCertification(s) && issuedBy(s, primary) && verifies(s, primary, sig -> sig.verifyCertification(id, primary))) {
                    out.add(s);
                }
            });
        }
        primary.getSignaturesOfType(PGPSignature.DIRECT_KEY).forEachRemaining(s -> {
            if (issuedBy(s, primary) && verifies(s, primary, sig -> sig.verifyCertification(primary))) {
                out.add(s);
            }
        });
        return out;
    }

    private static boolean revoked(PGPPublicKey key, PGPPublicKey primary, List<PGPSignature> detached) {
        boolean isPrimary = key == primary;
        int type = isPrimary ? PGPSignature.KEY_REVOCATION : PGPSignature.SUBKEY_REVOCATION;
        List<PGPSignature> candidates = new ArrayList<>();
        key.getSignaturesOfType(type).forEachRemaining(candidates::add);
        detached.stream().filter(s -> s.getSignatureType() == type).forEach(candidates::add);
        for (PGPSignature s : candidates) {
            // Only revocations the key's own primary made are counted: a designated revoker's key is not at hand.
            if (issuedBy(s, primary) && verifies(s, primary,
                    sig -> isPrimary ? sig.verifyCertification(primary) : sig.verifyCertification(primary, key))) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Verification {
        boolean verify(PGPSignature signature) throws PGPException;
    }

    private static boolean verifies(PGPSignature signature, PGPPublicKey signer, Verification verification) {
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), signer);
            return verification.verify(signature);
        } catch (PGPException | RuntimeException e) {
            // An unsupported algorithm or a broken signature simply does not count.
            return false;
        }
    }

    private static boolean issuedBy(PGPSignature s, PGPPublicKey primary) {
        long issuer = s.getKeyID();
        return issuer == 0 || issuer == primary.getKeyID();
    }

    private static boolean isCertification(PGPSignature s) {
        for (int t : CERTIFICATIONS) {
            if (s.getSignatureType() == t) {
                return true;
            }
        }
        return false;
    }

    private static Optional<PGPSignature> latest(List<PGPSignature> signatures) {
        return signatures.stream().max((a, b) -> a.getCreationTime().compareTo(b.getCreationTime()));
    }

    private static Set<KeyUsage> usage(int flags) {
        Set<KeyUsage> out = EnumSet.noneOf(KeyUsage.class);
        if ((flags & KeyFlags.CERTIFY_OTHER) != 0) {
            out.add(KeyUsage.CERTIFY);
        }
        if ((flags & KeyFlags.SIGN_DATA) != 0) {
            out.add(KeyUsage.SIGN);
        }
        if ((flags & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0) {
            out.add(KeyUsage.ENCRYPT);
        }
        if ((flags & KeyFlags.AUTHENTICATION) != 0) {
            out.add(KeyUsage.AUTHENTICATE);
        }
        return out;
    }

    /** What the algorithm allows when no key flags were given (RFC 4880 keys made before flags existed). */
    private static Set<KeyUsage> defaultUsage(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL -> EnumSet.of(KeyUsage.CERTIFY, KeyUsage.SIGN, KeyUsage.ENCRYPT);
            case PublicKeyAlgorithmTags.RSA_SIGN, PublicKeyAlgorithmTags.DSA, PublicKeyAlgorithmTags.ECDSA,
                 PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519, PublicKeyAlgorithmTags.Ed448 ->
                    EnumSet.of(KeyUsage.CERTIFY, KeyUsage.SIGN);
            case PublicKeyAlgorithmTags.RSA_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT,
                 PublicKeyAlgorithmTags.ELGAMAL_GENERAL, PublicKeyAlgorithmTags.ECDH, PublicKeyAlgorithmTags.X25519,
                 PublicKeyAlgorithmTags.X448 -> EnumSet.of(KeyUsage.ENCRYPT);
            default -> EnumSet.noneOf(KeyUsage.class);
        };
    }

    private static byte[] dearmor(String block) throws KeyFormatException {
        try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)))) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException("the armored block cannot be decoded (" + reason(e) + ")", e);
        }
    }

    private static List<Object> objects(byte[] data) throws KeyFormatException {
        List<Object> out = new ArrayList<>();
        PGPObjectFactory factory = new PGPObjectFactory(new ByteArrayInputStream(data), new BcKeyFingerprintCalculator());
        try {
            Object o;
            while ((o = factory.nextObject()) != null) {
                if (!(o instanceof PGPMarker)) {
                    out.add(o);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException("the key data is malformed or truncated (" + reason(e) + ")", e);
        }
        return out;
    }

    private static PGPPublicKeyRing publicPart(PGPSecretKeyRing secret) {
        List<PGPPublicKey> keys = new ArrayList<>();
        secret.getPublicKeys().forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    static String keyId(long id) {
        return String.format(Locale.ROOT, "%016X", id);
    }

    /** A short, secret-free reason: the exception's message without any key bytes, or its kind. */
    private static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.length() > 120) {
            return e.getClass().getSimpleName();
        }
        return m.trim();
    }
}
