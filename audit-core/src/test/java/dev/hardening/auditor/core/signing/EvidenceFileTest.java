package dev.hardening.auditor.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.store.NewSnapshot;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.StoredSnapshot;
import dev.hardening.auditor.core.testing.ReportBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFileTest {
    private static final SigningKey KEY = SigningTestKeys.key(1);
    private static final SigningKey OTHER = SigningTestKeys.key(2);

    @TempDir
    Path dir;

    private StoredSnapshot stored;

    @BeforeEach
    void store() {
        try (SnapshotStore store = SnapshotStore.open(dir.resolve("s.db"))) {
            var report = ReportBuilder.report().targets("npm-user:alice")
                    .with("npm.2fa", "npm:~alice", Status.PASS, Evidence.of("tfa.mode", "auth-and-writes", "GET /-/npm/v1/user"))
                    .with("publishers.roster", "npm:left-pad", Status.WARN, Evidence.of("note", "é € \"quoted\" \\ \n", ""))
                    .build();
            long id = store.save(NewSnapshot.of(report, "alice@laptop", "c0ffee", null)).id();
            stored = store.get(id).orElseThrow();
        }
    }

    @Test
    void an_exported_snapshot_verifies_against_its_key_with_every_field() throws Exception {
        byte[] file = EvidenceFile.export(stored, KEY);

        VerifiedSnapshot v = EvidenceFile.verify(file, KEY.publicKey());

        assertThat(v.keyId()).isEqualTo(KEY.publicKey().keyId());
        assertThat(v.snapshotId()).isEqualTo(stored.id());
        assertThat(v.takenBy()).isEqualTo("alice@laptop");
        assertThat(v.policySha256()).isEqualTo("c0ffee");
        assertThat(v.toolVersion()).isEqualTo("9.9.9-test");
        assertThat(v.targets()).containsExactly("npm-user:alice");
        assertThat(v.report().findings()).isEqualTo(stored.report().findings());
        assertThat(EvidenceFile.claimedKeyId(file)).isEqualTo(KEY.publicKey().keyId());
        // Exporting again gives the same bytes: Ed25519 is deterministic and the JSON canonical.
        assertThat(EvidenceFile.export(stored, KEY)).isEqualTo(file);
    }

    @Test
    void every_single_changed_byte_is_refused() {
        byte[] file = EvidenceFile.export(stored, KEY);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < file.length; i++) {
            for (int delta : new int[] {1, 0x20}) {
                byte[] changed = file.clone();
                changed[i] = (byte) (changed[i] ^ delta);
                try {
                    EvidenceFile.verify(changed, KEY.publicKey());
                    accepted.add("byte " + i + " ^ " + delta);
                } catch (EvidenceException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
        assertThat(accepted).as("changes that verified").isEmpty();
    }

    @Test
    void a_wrong_key_is_refused_naming_both_keys() {
        byte[] file = EvidenceFile.export(stored, KEY);

        assertThatThrownBy(() -> EvidenceFile.verify(file, OTHER.publicKey())).isInstanceOf(EvidenceException.class)
                .hasMessageContaining(KEY.publicKey().keyId()).hasMessageContaining(OTHER.publicKey().keyId());
    }

    @Test
    void a_file_re_signed_by_another_key_with_the_first_key_s_id_is_refused() throws Exception {
        String text = new String(EvidenceFile.export(stored, OTHER), StandardCharsets.UTF_8)
                .replace(OTHER.publicKey().keyId(), KEY.publicKey().keyId());

        assertThatThrownBy(() -> EvidenceFile.verify(text.getBytes(StandardCharsets.UTF_8), KEY.publicKey()))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("altered");
    }

    @Test
    void every_truncation_is_refused() {
        byte[] file = EvidenceFile.export(stored, KEY);
        for (int length = 0; length < file.length; length += Math.max(1, length / 7)) {
            byte[] cut = Arrays.copyOf(file, length);
            assertThatThrownBy(() -> EvidenceFile.verify(cut, KEY.publicKey())).as("truncated to %d", length)
                    .isInstanceOf(EvidenceException.class);
        }
        byte[] withoutNewline = Arrays.copyOf(file, file.length - 1);
        assertThatThrownBy(() -> EvidenceFile.verify(withoutNewline, KEY.publicKey()))
                .hasMessageContaining("truncated");
    }

    @Test
    void reformatting_is_a_change_even_when_the_json_means_the_same() throws Exception {
        byte[] file = EvidenceFile.export(stored, KEY);
        byte[] pretty = (CanonicalJson.parse(file).toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EvidenceFile.verify(pretty, KEY.publicKey()))
                .hasMessageContaining("not byte for byte as it was signed");
    }

    @Test
    void a_plain_report_or_garbage_is_not_a_signed_snapshot() {
        assertThatThrownBy(() -> EvidenceFile.verify(stored.reportJson().getBytes(StandardCharsets.UTF_8), KEY.publicKey()))
                .hasMessageContaining("not a signed snapshot");
        assertThatThrownBy(() -> EvidenceFile.verify("<html>\n".getBytes(StandardCharsets.UTF_8), KEY.publicKey()))
                .hasMessageContaining("not a signed snapshot");
        assertThatThrownBy(() -> EvidenceFile.verify(new byte[0], KEY.publicKey())).hasMessageContaining("empty");
    }
}
