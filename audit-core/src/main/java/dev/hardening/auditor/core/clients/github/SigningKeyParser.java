package dev.hardening.auditor.core.clients.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.facts.github.GitHubGpgKey;
import dev.hardening.auditor.core.facts.github.GitHubGpgSubkey;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKey;
import dev.hardening.auditor.core.keys.KeyDescription;
import dev.hardening.auditor.core.keys.KeyFormatException;
import dev.hardening.auditor.core.keys.OpenPgpCertificate;
import dev.hardening.auditor.core.keys.OpenPgpKeys;
import dev.hardening.auditor.core.keys.SshPublicKey;
import dev.hardening.auditor.core.keys.SshPublicKeys;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns GitHub's GPG and SSH signing key objects into facts, parsing the key material. A key that
 * cannot be read becomes a fact with a {@code problem}, never an exception: one odd key must not
 * hide the others.
 */
final class SigningKeyParser {
    private SigningKeyParser() {
    }

    static GitHubGpgKey gpgKey(JsonNode json) {
        Optional<String> raw = JsonFields.text(json, "raw_key");
        Optional<OpenPgpCertificate> certificate = Optional.empty();
        Optional<String> problem = Optional.empty();
        if (raw.isEmpty()) {
            problem = Optional.of("GitHub has no armored copy of this key (raw_key is null), so its expiry and "
                    + "revocation cannot be read");
        } else {
            try {
                certificate = Optional.of(OpenPgpKeys.parse(raw.get()));
            } catch (KeyFormatException e) {
                problem = Optional.of("its raw_key cannot be read: " + e.getMessage());
            }
        }
        List<GitHubGpgSubkey> subkeys = new ArrayList<>();
        for (JsonNode sub : JsonFields.elements(JsonFields.field(json, "subkeys"))) {
            subkeys.add(new GitHubGpgSubkey(JsonFields.textOrEmpty(sub, "key_id"),
                    JsonFields.bool(sub, "can_sign").orElse(false), JsonFields.instant(sub, "expires_at"),
                    JsonFields.bool(sub, "revoked"), packet(sub)));
        }
        return new GitHubGpgKey(JsonFields.number(json, "id").orElse(0L), JsonFields.textOrEmpty(json, "key_id"),
                JsonFields.bool(json, "can_sign").orElse(false), JsonFields.instant(json, "created_at"),
                JsonFields.instant(json, "expires_at"), JsonFields.bool(json, "revoked"), certificate,
                certificate.isPresent() ? Optional.empty() : packet(json), problem, subkeys);
    }

    /** GitHub's {@code public_key}: the base64 of the bare key packet. */
    private static Optional<KeyDescription> packet(JsonNode json) {
        Optional<String> b64 = JsonFields.text(json, "public_key");
        if (b64.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OpenPgpKeys.describePacket(Base64.getDecoder().decode(b64.get())));
        } catch (IllegalArgumentException | KeyFormatException e) {
            return Optional.empty();
        }
    }

    static GitHubSshSigningKey sshSigningKey(JsonNode json) {
        Optional<SshPublicKey> key = Optional.empty();
        Optional<String> problem = Optional.empty();
        Optional<String> line = JsonFields.text(json, "key");
        if (line.isEmpty()) {
            problem = Optional.of("GitHub listed the key without its key material");
        } else {
            try {
                key = Optional.of(SshPublicKeys.parse(line.get()));
            } catch (KeyFormatException e) {
                problem = Optional.of("its key cannot be read: " + e.getMessage());
            }
        }
        return new GitHubSshSigningKey(JsonFields.number(json, "id").orElse(0L), JsonFields.textOrEmpty(json, "title"),
                JsonFields.instant(json, "created_at"), key, problem);
    }
}
