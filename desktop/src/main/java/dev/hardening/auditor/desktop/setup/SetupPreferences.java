package dev.hardening.auditor.desktop.setup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Remembers the Setup screen's targets in {@code desktop-setup.json} in the configuration directory.
 * Credentials are never written here. A missing or unreadable file means empty fields.
 */
public interface SetupPreferences {

    SetupFields load();

    void save(SetupFields fields) throws IOException;

    /** Keeps nothing: tests and the screenshot mode. */
    static SetupPreferences inMemory(SetupFields initial) {
        return new SetupPreferences() {
            private volatile SetupFields fields = initial;

            @Override
            public SetupFields load() {
                return fields;
            }

            @Override
            public void save(SetupFields value) {
                fields = value;
            }
        };
    }

    static SetupPreferences file(Path file, UiThreadGuard guard) {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new SetupPreferences() {
            @Override
            public SetupFields load() {
                guard.requireBackground("reading the setup");
                try {
                    if (!Files.isRegularFile(file) || Files.size(file) > 64 * 1024) {
                        return SetupFields.empty();
                    }
                    return json.readValue(file.toFile(), SetupFields.class);
                } catch (IOException | RuntimeException e) {
                    return SetupFields.empty();
                }
            }

            @Override
            public void save(SetupFields fields) throws IOException {
                guard.requireBackground("writing the setup");
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".desktop-setup-", ".tmp");
                json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), fields);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        };
    }
}
