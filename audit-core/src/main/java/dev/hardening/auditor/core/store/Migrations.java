package dev.hardening.auditor.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema migrations: numbered SQL resources under {@code store/migrations/}, listed in order in
 * {@code migrations.txt}. Migration N brings a database to version N ({@code PRAGMA user_version}).
 */
final class Migrations {
    private static final String DIR = "/store/migrations/";
    private static final List<String> NAMES = load();

    private Migrations() {
    }

    /** The version a database has after every migration. */
    static int latest() {
        return NAMES.size();
    }

    /** The statements of migration {@code version} (1-based), without comments. */
    static List<String> statements(int version) {
        String name = NAMES.get(version - 1);
        return split(read(DIR + name));
    }

    static String name(int version) {
        return NAMES.get(version - 1);
    }

    private static List<String> load() {
        List<String> names = new ArrayList<>();
        for (String line : read(DIR + "migrations.txt").split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                if (!l.startsWith(String.format("%03d-", names.size() + 1))) {
                    throw new IllegalStateException("migration " + l + " is out of order in migrations.txt");
                }
                names.add(l);
            }
        }
        return List.copyOf(names);
    }

    /** Statements separated by {@code ;}; {@code --} comments removed (the migrations keep no {@code --} or {@code ;} inside strings). */
    static List<String> split(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String s : sql.toString().split(";")) {
            if (!s.isBlank()) {
                statements.add(s.strip());
            }
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
