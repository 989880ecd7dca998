package dev.hardening.auditor.core.attest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.config.AppDirectories;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.attest.MfaAttestation;
import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.model.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Declarations in a small JSON file in the platform's configuration directory
 * ({@code attestations.json}):
 *
 * <pre>
 * { "version": 1,
 *   "mfa": { "github": { "method": "security-key", "attestedAt": "2026-05-01T09:30:00Z" } } }
 * </pre>
 *
 * Written to a temporary file beside it and moved into place, so that a crash never leaves half a
 * file; readable by the user only. Unknown fields are kept out of the model but tolerated, so a
 * newer version's file still loads.
 */
public final class FileAttestationStore implements AttestationStore {
    public static final String FILE_NAME = "attestations.json";
    private static final int VERSION = 1;
    private static final long MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public FileAttestationStore(Path file) {
        this.file = file;
    }

    /** The store in an application's configuration directory. */
    public static FileAttestationStore in(AppDirectories directories) {
        return new FileAttestationStore(directories.config().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    @Override
    public Attestations load() throws AttestationStoreException {
        if (!Files.exists(file)) {
            return Attestations.none();
        }
        JsonNode root;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new AttestationStoreException(file + " is not a small regular file; move it away and attest again");
            }
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new AttestationStoreException(file + " is not valid JSON; fix it or move it away and attest again");
        } catch (IOException e) {
            throw new AttestationStoreException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new AttestationStoreException(file + " does not hold a JSON object; fix it or move it away and attest again");
        }
        Map<Platform, MfaAttestation> mfa = new EnumMap<>(Platform.class);
        JsonNode entries = root.path("mfa");
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            mfa.put(platform(e.getKey()), attestation(platform(e.getKey()), e.getValue()));
        }
        return new Attestations(mfa);
    }

    @Override
    public void save(Attestations attestations) throws AttestationStoreException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode mfa = root.putObject("mfa");
        for (MfaAttestation a : attestations.mfaList()) {
            ObjectNode entry = mfa.putObject(a.platform().id());
            entry.put("method", a.method().id());
            entry.put("attestedAt", a.attestedAt().toString());
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".attestations-", ".tmp");
            try {
                restrictToOwner(tmp);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    JSON.writeValue(out, root);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new AttestationStoreException("cannot write " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private Platform platform(String id) throws AttestationStoreException {
        try {
            Platform p = Platform.parse(id);
            if (Attestations.MFA_PLATFORMS.contains(p)) {
                return p;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        throw new AttestationStoreException(file + " names an unknown platform '" + id + "' (expected github, npm or pypi)");
    }

    private MfaAttestation attestation(Platform platform, JsonNode n) throws AttestationStoreException {
        MfaMethod method = MfaMethod.parse(n.path("method").asText(null)).orElseThrow(() -> new AttestationStoreException(
                file + ": the method for " + platform.id() + " is not one of security-key, passkey, totp, sms, none"));
        try {
            return new MfaAttestation(platform, method, Instant.parse(n.path("attestedAt").asText("")));
        } catch (DateTimeParseException e) {
            throw new AttestationStoreException(file + ": the date for " + platform.id() + " is not an ISO-8601 instant");
        }
    }

    private static void restrictToOwner(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file sits in the user's own profile.
        }
    }
}
