package dev.hardening.auditor.core.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.InvalidReportException;
import dev.hardening.auditor.core.report.JsonReportReader;
import dev.hardening.auditor.core.signing.CanonicalJson.CanonicalFormException;
import dev.hardening.auditor.core.store.StoredSnapshot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A snapshot exported as signed evidence (docs/EVIDENCE.md): one file holding the canonical JSON of
 * <pre>
 * {"format": "maintainer-hardening-auditor/signed-snapshot", "formatVersion": 1,
 *  "signature": {"algorithm": "Ed25519", "keyId": ..., "publicKey": base64, "value": base64},
 *  "snapshot": {"snapshotId", "takenAt", "takenBy", "toolVersion", "policySha256", "targets", "report"}}
 * </pre>
 * followed by one line feed. The signature covers {@link #SIGNING_CONTEXT}, a line feed, and the
 * canonical bytes of {@code snapshot}. Because the whole file must be exactly its own canonical
 * form, every changed byte is detected: outside the signed part the file stops being canonical, inside
 * it the signature stops matching.
 */
public final class EvidenceFile {
    public static final String FORMAT = "maintainer-hardening-auditor/signed-snapshot";
    public static final int FORMAT_VERSION = 1;
    /** Domain separation: a signature made for this purpose cannot be replayed as anything else. */
    public static final String SIGNING_CONTEXT = FORMAT + "/v1";
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> ENVELOPE = Set.of("format", "formatVersion", "signature", "snapshot");
    private static final Set<String> SIGNATURE = Set.of("algorithm", "keyId", "publicKey", "value");
    private static final Set<String> SNAPSHOT = Set.of("snapshotId", "takenAt", "takenBy", "toolVersion",
            "policySha256", "targets", "report");

    private EvidenceFile() {
    }

    /** The signed file of a stored snapshot. */
    public static byte[] export(StoredSnapshot stored, SigningKey key) {
        ObjectNode snapshot = NODES.objectNode();
        snapshot.put("snapshotId", stored.id());
        snapshot.put("takenAt", stored.summary().takenAt().toString());
        snapshot.put("takenBy", stored.summary().takenBy());
        snapshot.put("toolVersion", stored.summary().toolVersion());
        snapshot.put("policySha256", stored.summary().policySha256());
        ArrayNode targets = snapshot.putArray("targets");
        stored.summary().targets().forEach(targets::add);
        snapshot.set("report", CanonicalJson.parse(stored.reportJson().getBytes(StandardCharsets.UTF_8)));

        byte[] signature = key.sign(message(CanonicalJson.bytes(snapshot)));
        ObjectNode envelope = NODES.objectNode();
        envelope.put("format", FORMAT);
        envelope.put("formatVersion", FORMAT_VERSION);
        ObjectNode sig = envelope.putObject("signature");
        sig.put("algorithm", "Ed25519");
        sig.put("keyId", key.publicKey().keyId());
        sig.put("publicKey", key.publicKey().base64());
        sig.put("value", Base64.getEncoder().encodeToString(signature));
        envelope.set("snapshot", snapshot);
        byte[] body = CanonicalJson.bytes(envelope);
        byte[] file = Arrays.copyOf(body, body.length + 1);
        file[body.length] = '\n';
        return file;
    }

    /**
     * The key id a file claims to be signed with, so that the right trusted key can be looked up.
     * Nothing in the file is trusted yet: {@link #verify} must still be called.
     */
    public static String claimedKeyId(byte[] file) throws EvidenceException {
        JsonNode envelope = envelope(file);
        return text(object(envelope, "signature", "$"), "keyId", "$.signature");
    }

    /** Checks the file byte for byte and its signature against {@code trusted}; the reason when refused. */
    public static VerifiedSnapshot verify(byte[] file, PublicKey trusted) throws EvidenceException {
        JsonNode envelope = envelope(file);
        byte[] canonical;
        try {
            canonical = CanonicalJson.bytes(envelope);
        } catch (CanonicalFormException e) {
            throw new EvidenceException("not a signed snapshot: " + e.getMessage());
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream(canonical.length + 1);
        expected.writeBytes(canonical);
        expected.write('\n');
        if (!Arrays.equals(expected.toByteArray(), file)) {
            throw new EvidenceException("the file is not byte for byte as it was signed: it was changed after "
                    + "signing (reformatting counts), or it was not written by the auditor");
        }
        JsonNode sig = object(envelope, "signature", "$");
        onlyKeys(sig, SIGNATURE, "$.signature");
        if (!"Ed25519".equals(text(sig, "algorithm", "$.signature"))) {
            throw new EvidenceException("unsupported signature algorithm '" + sig.get("algorithm").asText()
                    + "' (expected Ed25519)");
        }
        PublicKey embedded = PublicKey.ofRaw(base64(sig, "publicKey", 32));
        if (!embedded.keyId().equals(text(sig, "keyId", "$.signature"))) {
            throw new EvidenceException("the key id in the file does not belong to the public key in the file: "
                    + "the signature block was altered");
        }
        if (!embedded.equals(trusted)) {
            throw new EvidenceException("signed with key " + embedded.keyId() + ", but the expected key is "
                    + trusted.keyId() + " (wrong key, or not signed by whom you think)");
        }
        byte[] value = base64(sig, "value", 64);
        JsonNode snapshot = object(envelope, "snapshot", "$");
        if (!trusted.verify(message(CanonicalJson.bytes(snapshot)), value)) {
            throw new EvidenceException("the signature does not match: the snapshot was changed after it was signed");
        }
        return read(snapshot, trusted.keyId());
    }

    private static JsonNode envelope(byte[] file) throws EvidenceException {
        if (file.length > MAX_BYTES) {
            throw new EvidenceException("not a signed snapshot: larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (file.length == 0) {
            throw new EvidenceException("the file is empty");
        }
        if (file[file.length - 1] != '\n') {
            throw new EvidenceException("the file is truncated: a signed snapshot ends with a line feed");
        }
        JsonNode envelope;
        try {
            envelope = CanonicalJson.parse(file);
        } catch (CanonicalFormException e) {
            throw new EvidenceException("not a signed snapshot: " + e.getMessage());
        }
        if (!envelope.isObject()) {
            throw new EvidenceException("not a signed snapshot: the top level is not a JSON object");
        }
        if (!FORMAT.equals(envelope.path("format").asText(null))) {
            throw new EvidenceException("not a signed snapshot: format is not " + FORMAT
                    + " (a plain JSON report has no signature; export one with 'auditor export')");
        }
        JsonNode version = envelope.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || version.asInt() != FORMAT_VERSION) {
            throw new EvidenceException("unsupported formatVersion " + version + " (this auditor reads "
                    + FORMAT_VERSION + ")");
        }
        onlyKeys(envelope, ENVELOPE, "$");
        return envelope;
    }

    private static byte[] message(byte[] canonicalSnapshot) {
        byte[] context = (SIGNING_CONTEXT + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(context, context.length + canonicalSnapshot.length);
        System.arraycopy(canonicalSnapshot, 0, message, context.length, canonicalSnapshot.length);
        return message;
    }

    private static VerifiedSnapshot read(JsonNode snapshot, String keyId) throws EvidenceException {
        onlyKeys(snapshot, SNAPSHOT, "$.snapshot");
        JsonNode id = snapshot.get("snapshotId");
        if (id == null || !id.canConvertToLong()) {
            throw new EvidenceException("$.snapshot.snapshotId: expected an integer");
        }
        Instant takenAt;
        try {
            takenAt = Instant.parse(text(snapshot, "takenAt", "$.snapshot"));
        } catch (DateTimeParseException e) {
            throw new EvidenceException("$.snapshot.takenAt: not an ISO-8601 time");
        }
        JsonNode targetNodes = snapshot.get("targets");
        if (targetNodes == null || !targetNodes.isArray()) {
            throw new EvidenceException("$.snapshot.targets: expected an array");
        }
        List<String> targets = new ArrayList<>();
        for (JsonNode t : targetNodes) {
            if (!t.isTextual()) {
                throw new EvidenceException("$.snapshot.targets: expected strings");
            }
            targets.add(t.textValue());
        }
        AuditReport report;
        try {
            report = new JsonReportReader().read(object(snapshot, "report", "$.snapshot").toString());
        } catch (InvalidReportException e) {
            throw new EvidenceException("the signed report cannot be read by this version: " + e.getMessage());
        }
        return new VerifiedSnapshot(keyId, id.asLong(), takenAt, text(snapshot, "takenBy", "$.snapshot"),
                text(snapshot, "toolVersion", "$.snapshot"), text(snapshot, "policySha256", "$.snapshot"), targets,
                report);
    }

    private static void onlyKeys(JsonNode node, Set<String> expected, String path) throws EvidenceException {
        Set<String> actual = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            actual.add(it.next());
        }
        if (!actual.equals(new TreeSet<>(expected))) {
            throw new EvidenceException(path + ": expected exactly the fields " + new TreeSet<>(expected)
                    + ", found " + actual);
        }
    }

    private static JsonNode object(JsonNode parent, String name, String path) throws EvidenceException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw new EvidenceException(path + "." + name + ": expected an object");
        }
        return node;
    }

    private static String text(JsonNode parent, String name, String path) throws EvidenceException {
        JsonNode node = parent.get(name);
        if (node == null || !node.isTextual()) {
            throw new EvidenceException(path + "." + name + ": expected a string");
        }
        return node.textValue();
    }

    /** Decodes base64 and insists on the one canonical encoding of the bytes (no ignored bits). */
    private static byte[] base64(JsonNode sig, String name, int length) throws EvidenceException {
        String text = text(sig, name, "$.signature");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new EvidenceException("$.signature." + name + " is not base64");
        }
        if (bytes.length != length || !Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new EvidenceException("$.signature." + name + " is damaged (expected " + length
                    + " bytes in canonical base64)");
        }
        return bytes;
    }
}
