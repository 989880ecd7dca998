package dev.hardening.auditor.core.workstation.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hardening.auditor.core.facts.workstation.SshKeys;
import dev.hardening.auditor.core.facts.workstation.SshPrivateKey;
import dev.hardening.auditor.core.testing.Fixtures;
import dev.hardening.auditor.core.workstation.PlantedHome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshKeyScannerTest {
    @TempDir
    Path root;

    @Test
    void findsEveryPrivateKeyWhateverItsNameAndSkipsTheRest() {
        PlantedHome planted = new PlantedHome(root).sshKeys();
        planted.write(".ssh/deploy-key-without-extension", Fixtures.text("openssh/private/ecdsa_n"));

        SshKeys keys = new SshKeyScanner(planted.local()).scan();

        assertThat(keys.directory()).isEqualTo("~/.ssh");
        assertThat(keys.exists()).isTrue();
        assertThat(keys.keys()).extracting(SshPrivateKey::file, SshPrivateKey::type, SshPrivateKey::bits, SshPrivateKey::encrypted)
                .containsExactlyInAnyOrder(
                        tuple("~/.ssh/id_ed25519", "ssh-ed25519", 256, false),
                        tuple("~/.ssh/legacy_rsa", "ssh-rsa", 1024, true),
                        tuple("~/.ssh/id_dsa", "ssh-dss", 1024, false),
                        tuple("~/.ssh/id_ed25519_sk", "sk-ssh-ed25519@openssh.com", 256, false),
                        tuple("~/.ssh/deploy-key-without-extension", "ecdsa-sha2-nistp256", 256, false));
        assertThat(keys.gaps()).isEmpty();
    }

    @Test
    void noSshDirectory() {
        SshKeys keys = new SshKeyScanner(new PlantedHome(root).local()).scan();

        assertThat(keys.exists()).isFalse();
        assertThat(keys.keys()).isEmpty();
    }

    @Test
    void theKeysNeverAppearInTheFact() {
        PlantedHome planted = new PlantedHome(root).sshKeys();

        String fact = new SshKeyScanner(planted.local()).scan().toString();

        assertThat(fact).doesNotContain("BEGIN").doesNotContain("b3BlbnNzaC1rZXktdjE");
    }
}
