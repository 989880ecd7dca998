package dev.hardening.auditor.core.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.attest.AttestationStore.AttestationStoreException;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.attest.MfaAttestation;
import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.model.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileAttestationStoreTest {
    private static final Instant WHEN = Instant.parse("2026-05-01T09:30:00Z");

    @TempDir
    Path dir;

    @Test
    void noFileMeansNothingDeclared() throws Exception {
        assertThat(new FileAttestationStore(dir.resolve("none.json")).load()).isEqualTo(Attestations.none());
    }

    @Test
    void savedDeclarationsLoadBackInPrivateFilesWithNoTemporaryLeftBehind() throws Exception {
        FileAttestationStore store = new FileAttestationStore(dir.resolve("config/attestations.json"));
        Attestations declared = Attestations.none().with(new MfaAttestation(Platform.GITHUB, MfaMethod.SECURITY_KEY, WHEN))
                .with(new MfaAttestation(Platform.PYPI, MfaMethod.TOTP, WHEN.plusSeconds(60)));

        store.save(declared);

        assertThat(store.load()).isEqualTo(declared);
        assertThat(Files.list(store.file().getParent())).containsExactly(store.file());
        assertThat(Files.readString(store.file())).contains("\"version\" : 1", "\"security-key\"", "2026-05-01T09:30:00Z");
        if (!System.getProperty("os.name").toLowerCase().contains("win")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ not json", "[]", "{\"mfa\": {\"gitlab\": {\"method\": \"totp\", \"attestedAt\": \"2026-05-01T09:30:00Z\"}}}",
            "{\"mfa\": {\"npm\": {\"method\": \"carrier-pigeon\", \"attestedAt\": \"2026-05-01T09:30:00Z\"}}}",
            "{\"mfa\": {\"npm\": {\"method\": \"totp\", \"attestedAt\": \"yesterday\"}}}"})
    void aDamagedFileIsAClearErrorNamingIt(String content) throws Exception {
        Path file = dir.resolve("attestations.json");
        Files.writeString(file, content);

        assertThatThrownBy(() -> new FileAttestationStore(file).load()).isInstanceOf(AttestationStoreException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void unknownFieldsFromANewerVersionAreTolerated() throws Exception {
        Path file = dir.resolve("attestations.json");
        Files.writeString(file, "{\"version\": 2, \"other\": {}, \"mfa\": {\"npm\": {\"method\": \"passkey\","
                + " \"attestedAt\": \"2026-05-01T09:30:00Z\", \"note\": \"x\"}}}");

        assertThat(new FileAttestationStore(file).load().mfaFor(Platform.NPM).orElseThrow().method()).isEqualTo(MfaMethod.PASSKEY);
    }
}
