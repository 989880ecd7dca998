package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys, signed export, {@code verify} and the team roll-up through the command line, with encrypted
 * key files in a temporary directory (never the OS keychain).
 */
class EvidenceCommandsTest {
    private static final String PASSPHRASE = "a passphrase for tests only";

    @TempDir
    Path dir;

    private Map<String, String> env(String who) {
        Map<String, String> env = new HashMap<>();
        env.put("AUDITOR_KEY_STORE", "file");
        env.put("AUDITOR_KEY_FILE", dir.resolve(who + "-key.json").toString());
        env.put("AUDITOR_KEY_PASSPHRASE", PASSPHRASE);
        env.put("XDG_DATA_HOME", dir.resolve(who + "-data").toString());
        return env;
    }

    @Test
    void a_snapshot_exported_with_signature_verifies_and_any_change_wrong_key_or_truncation_is_refused() throws Exception {
        Map<String, String> alice = env("alice");
        Map<String, String> other = env("other");
        Path signed = dir.resolve("evidence.json");
        Path pem = dir.resolve("alice.pem");
        Path otherPem = dir.resolve("other.pem");

        CliRun init = CliRun.of(alice, "keys", "init");
        CliRun again = CliRun.of(alice, "keys", "init");
        CliRun snapshot = CliRun.of(alice, "snapshot", "--demo", "--export", signed.toString());
        CliRun.of(alice, "keys", "export", "--out", pem.toString());
        CliRun.of(other, "keys", "init");
        CliRun.of(other, "keys", "export", "--out", otherPem.toString());

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("created signing key sha256:");
        assertThat(again.out()).contains("already exists");
        assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
        assertThat(snapshot.out()).contains("DEMO", "snapshot 1 stored in " + dir.resolve("alice-data"), "signed evidence written");
        assertThat(Files.readString(pem)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(dir.resolve("alice-key.json"))).doesNotContain(PASSPHRASE);

        CliRun ok = CliRun.of(Map.of(), "verify", signed.toString(), "--key", pem.toString());
        CliRun own = CliRun.of(alice, "verify", signed.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("verified:", "snapshot 1", "signed with key sha256:");
        assertThat(own.exitCode()).as("by default, this installation's own key").isZero();

        CliRun wrongKey = CliRun.of(Map.of(), "verify", signed.toString(), "--key", otherPem.toString());
        assertThat(wrongKey.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(wrongKey.err()).contains("refused", "expected key");

        byte[] bytes = Files.readAllBytes(signed);
        for (int at : new int[] {0, 40, bytes.length / 3, bytes.length / 2, bytes.length - 2}) {
            byte[] changed = bytes.clone();
            changed[at] = (byte) (changed[at] == '1' ? '2' : '1');
            Path tampered = dir.resolve("tampered-" + at + ".json");
            Files.write(tampered, changed);
            CliRun run = CliRun.of(Map.of(), "verify", tampered.toString(), "--key", pem.toString());
            assertThat(run.exitCode()).as("byte %d changed", at).isEqualTo(ExitCodes.FINDINGS);
            assertThat(run.err()).contains("refused").doesNotContain("Exception");
        }
        Path truncated = dir.resolve("truncated.json");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        CliRun cut = CliRun.of(Map.of(), "verify", truncated.toString(), "--key", pem.toString());
        assertThat(cut.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cut.err()).contains("truncated");
    }

    @Test
    void export_signs_a_stored_snapshot_and_history_lists_it() throws Exception {
        Map<String, String> env = env("bob");
        CliRun.of(env, "keys", "init");
        CliRun.of(env, "snapshot", "--demo");
        CliRun.of(env, "snapshot", "--demo");
        Path out = dir.resolve("second.json");

        CliRun export = CliRun.of(env, "export", "previous", "--out", out.toString());
        CliRun history = CliRun.of(env, "history", "--format", "json");
        CliRun verify = CliRun.of(env, "verify", out.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("snapshot 1 signed with key");
        assertThat(history.out()).contains("\"id\" : 1", "\"id\" : 2", "\"demo\" : true");
        assertThat(verify.out()).contains("snapshot 1");
        // A diff between a signed file and a stored snapshot reads the file's report: the demo policy's
        // weekly cadence failed before the first snapshot and passes after it; nothing else changed.
        CliRun diff = CliRun.of(env, "diff", out.toString(), "2");
        assertThat(diff.out()).contains("signed snapshot, not verified here", "## Resolved findings (1)",
                "`compliance.snapshot-age` `snapshots`: FAIL → PASS").doesNotContain("## New findings", "## Changed");
        assertThat(CliRun.of(env, "diff", "2", "2").out()).contains("No changes.");
    }

    @Test
    void the_team_view_accepts_registered_members_and_refuses_the_rest_with_the_reason() throws Exception {
        Map<String, String> lead = env("lead");
        Map<String, String> alice = env("alice");
        Map<String, String> mallory = env("mallory");
        Path aliceFile = dir.resolve("alice.signed.json");
        Path malloryFile = dir.resolve("mallory.signed.json");
        Path alicePem = dir.resolve("alice.pem");
        CliRun.of(alice, "keys", "init");
        CliRun.of(alice, "keys", "export", "--out", alicePem.toString());
        CliRun.of(alice, "snapshot", "--demo", "--export", aliceFile.toString());
        CliRun.of(mallory, "keys", "init");
        CliRun.of(mallory, "snapshot", "--demo", "--export", malloryFile.toString());

        CliRun add = CliRun.of(lead, "team", "add-member", "alice", alicePem.toString());
        CliRun members = CliRun.of(lead, "team", "members");
        CliRun view = CliRun.of(lead, "team", "import", aliceFile.toString());
        CliRun mixed = CliRun.of(lead, "team", "import", aliceFile.toString(), malloryFile.toString(), "--format", "json");
        CliRun none = CliRun.of(lead, "team", "import", malloryFile.toString());

        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(members.out()).contains("alice", "sha256:");
        assertThat(view.exitCode()).as(view.err()).isZero();
        assertThat(view.out()).contains("# Team hardening view", "## People", "| alice | github |", "| alice | npm |",
                "`npm:@inkwell/cli`", "no verified self-audit");
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(mixed.err()).contains("refused " + malloryFile, "registered to no team member");
        assertThat(mixed.out()).contains("\"refused\"", "\"member\" : \"alice\"");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        Path playbookHtml = dir.resolve("team-playbook.html");
        CliRun playbook = CliRun.of(lead, "team", "playbook", aliceFile.toString());
        CliRun playbookToFile = CliRun.of(lead, "team", "playbook", aliceFile.toString(), malloryFile.toString(),
                "--format", "html", "--out", playbookHtml.toString());
        assertThat(playbook.exitCode()).as(playbook.err()).isZero();
        assertThat(playbook.out()).contains("# Team incident playbook", "alice: snapshot", "`npm:@inkwell/cli`",
                "Credentials to rotate", "owner alice", "**can publish**");
        assertThat(playbookToFile.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(playbookToFile.err()).contains("refused " + malloryFile);
        assertThat(Files.readString(playbookHtml)).contains("<h1>Team incident playbook</h1>").doesNotContain("<script");
        Path notAKey = Files.writeString(dir.resolve("bob.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE bob@laptop\n");
        assertThat(CliRun.of(lead, "team", "add-member", "bob", notAKey.toString()).err())
                .contains("not a PEM public key");
    }

    @Test
    void missing_keys_databases_and_snapshots_are_clear_errors() {
        Map<String, String> env = env("nobody");

        CliRun noKey = CliRun.of(env, "snapshot", "--demo", "--export", dir.resolve("x.json").toString());
        CliRun noHistory = CliRun.of(env, "history");
        CliRun noDb = CliRun.of(env, "diff", "1", "2");
        CliRun.of(env, "snapshot", "--demo");
        CliRun noSuchSnapshot = CliRun.of(env, "diff", "1", "7");
        CliRun noPrevious = CliRun.of(env, "diff", "previous", "latest");
        CliRun noFile = CliRun.of(env, "verify", dir.resolve("missing.json").toString());

        assertThat(noKey.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(noKey.err()).contains("auditor keys init");
        assertThat(noHistory.exitCode()).isZero();
        assertThat(noHistory.out()).contains("No snapshots");
        assertThat(noDb.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(noDb.err()).contains("no snapshot database");
        assertThat(noSuchSnapshot.exitCode()).as(noSuchSnapshot.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(noSuchSnapshot.err()).contains("no snapshot 7");
        assertThat(noPrevious.err()).contains("at least two snapshots");
        assertThat(noFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        for (CliRun run : new CliRun[] {noKey, noDb, noSuchSnapshot, noFile}) {
            assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
