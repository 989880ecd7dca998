package dev.hardening.auditor.core.workstation.ssh;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.workstation.SshKeys;
import dev.hardening.auditor.core.facts.workstation.SshPrivateKey;
import dev.hardening.auditor.core.workstation.CredentialLocations;
import dev.hardening.auditor.core.workstation.Home;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the private keys in {@code ~/.ssh} (any file whose content is a private key, whatever its name). */
public final class SshKeyScanner {
    /** Files that are never private keys; skipping them saves reading large {@code known_hosts} files. */
    private static final Set<String> NOT_KEYS = Set.of("known_hosts", "known_hosts.old", "authorized_keys",
            "authorized_keys2", "config", "environment", "rc");

    private final Home home;

    public SshKeyScanner(Home home) {
        this.home = home;
    }

    public SshKeys scan() {
        Path dir = new CredentialLocations(home).sshDirectory();
        String shownDir = home.display(dir);
        List<SshPrivateKey> keys = new ArrayList<>();
        List<Unavailability> gaps = new ArrayList<>();
        List<Path> files;
        try {
            files = home.listFiles(dir);
        } catch (IOException | RuntimeException e) {
            gaps.add(Unavailability.of(Cause.INTERNAL, shownDir + " could not be listed (" + e.getClass().getSimpleName() + ")",
                    "make " + shownDir + " readable by this user"));
            return new SshKeys(shownDir, true, keys, gaps);
        }
        boolean exists = home.isDirectory(dir);
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".pub") || NOT_KEYS.contains(name)) {
                continue;
            }
            String shown = home.display(file);
            try {
                Optional<String> text = home.readText(file);
                if (text.isEmpty() || !SshKeyParser.looksLikePrivateKey(text.get())) {
                    continue;
                }
                Optional<String> pub = readQuietly(file.resolveSibling(name + ".pub"));
                SshKeyParser.parse(text.get(), shown, pub).ifPresent(keys::add);
            } catch (IOException | RuntimeException e) {
                gaps.add(Unavailability.of(Cause.INTERNAL, shown + " could not be read (" + e.getClass().getSimpleName() + ")",
                        "make " + shown + " readable by this user, or inspect it with ssh-keygen -l -f " + shown));
            }
        }
        return new SshKeys(shownDir, exists, keys, gaps);
    }

    private Optional<String> readQuietly(Path file) {
        try {
            return home.readText(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
