package dev.hardening.auditor.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite file behind the snapshot store and the team registry. Opened in WAL mode with a busy
 * timeout, so that two processes can write (the second waits for the first), and with
 * {@code synchronous=FULL}, so that a committed snapshot survives a crash of the process or the
 * machine. Every write is one {@code BEGIN IMMEDIATE} transaction: a process killed mid-write leaves
 * the database as it was before that write. The schema is migrated when the file is opened.
 */
public final class SnapshotDatabase implements AutoCloseable {
    /** How long a writer waits for another process's transaction before giving up. */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final Path file;
    private final Connection connection;

    private SnapshotDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) and migrates to the latest schema. */
    public static SnapshotDatabase open(Path file) {
        return open(file, Migrations.latest());
    }

    /** Opens and migrates up to {@code version} (tests build databases of older versions this way). */
    static SnapshotDatabase open(Path file, int version) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new StoreException(absolute + " is a directory, not a snapshot database");
        }
        createParent(absolute);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + absolute);
        } catch (SQLException e) {
            throw new StoreException("cannot open the snapshot database " + absolute + ": " + reason(e), e);
        }
        SnapshotDatabase db = new SnapshotDatabase(absolute, connection);
        try {
            db.prepare(version);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The schema version of the file ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return read(c -> userVersion(c));
    }

    /** Work that reads or writes through the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one write transaction: all of it is committed, or none of it. */
    public synchronized <T> T write(Work<T> work) {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(connection);
                s.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    try {
                        s.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // the transaction is already gone (SQLite rolls back on some errors itself)
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot write to the snapshot database " + file + ": " + reason(e), e);
        }
    }

    /** Runs {@code work} as a read (a consistent view: WAL readers never block and are never blocked). */
    public synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the snapshot database " + file + ": " + reason(e), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }

    private void prepare(int version) {
        try (Statement s = connection.createStatement()) {
            // A file that is not SQLite fails here, with SQLITE_NOTADB.
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
                rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException(file + " is not a snapshot database: " + reason(e), e);
        }
        int current = schemaVersion();
        if (current > Migrations.latest()) {
            throw new StoreException("the snapshot database " + file + " has schema version " + current
                    + ", written by a newer version of the auditor (this one knows up to version "
                    + Migrations.latest() + "); upgrade the auditor to use it");
        }
        for (int v = current + 1; v <= version; v++) {
            migrate(v);
        }
    }

    private void migrate(int version) {
        write(c -> {
            // Another process may have migrated while this one waited for the write lock.
            if (userVersion(c) >= version) {
                return null;
            }
            try (Statement s = c.createStatement()) {
                for (String sql : Migrations.statements(version)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + version);
            } catch (SQLException e) {
                throw new SQLException("migration " + Migrations.name(version) + " failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void createParent(Path file) {
        Path dir = file.getParent();
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the directory " + dir + " for the snapshot database: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    private static String reason(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return "the file is not a SQLite database";
            }
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
                return "another process kept the database locked for more than " + BUSY_TIMEOUT_MILLIS / 1000
                        + " seconds";
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
