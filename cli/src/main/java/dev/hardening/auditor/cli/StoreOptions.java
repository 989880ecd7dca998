package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.config.AppDirectories;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.StoreException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the snapshot database is: {@code --db}, else {@code snapshots.db} in the platform's data directory. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "FILE",
            description = "Snapshot database (default: snapshots.db in the auditor's data directory: XDG_DATA_HOME on Linux, Application Support on macOS, LOCALAPPDATA on Windows).")
    Path database;

    Path resolve(Map<String, String> env) {
        return database != null ? database : defaultDatabase(env);
    }

    /** Opens the database; reading commands refuse to create one where none exists. */
    SnapshotStore open(Map<String, String> env) {
        Path file = resolve(env);
        if (!java.nio.file.Files.exists(file)) {
            throw UserError.cannotRun("there is no snapshot database at " + file
                    + " yet: take a snapshot with 'auditor snapshot' (or name the database with --db)");
        }
        return openOrCreate(env);
    }

    SnapshotStore openOrCreate(Map<String, String> env) {
        try {
            return SnapshotStore.open(resolve(env));
        } catch (StoreException e) {
            throw UserError.cannotRun(e.getMessage());
        }
    }

    static AppDirectories directories(Map<String, String> env) {
        return AppDirectories.of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")), env);
    }

    static Path defaultDatabase(Map<String, String> env) {
        return directories(env).data().resolve("snapshots.db");
    }
}
