package dev.hardening.auditor.core;

import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.engine.AuditEngine;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.http.internal.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Interceptor;

/**
 * Everything an {@link Auditor} needs besides the checks.
 *
 * @param endpoints     base URLs
 * @param credentials   tokens and keys
 * @param http          HTTP behaviour (cache, limits, waits)
 * @param engine        concurrency and time limit per check
 * @param clock         the audit's clock
 * @param sleeper       how the HTTP layer waits (tests pass one that does not sleep)
 * @param transports    interceptors that answer requests in-process (the demo world); empty for the network
 * @param demo          whether this is the bundled demo world (every output says DEMO)
 * @param local         what is read from this machine (home, declarations); the demo world and tests
 *                      supply their own
 * @param snapshotStore the snapshot database that {@code compliance.snapshot-age} reads, if any
 */
public record AuditorSettings(Endpoints endpoints, Credentials credentials, HttpSettings http,
                              AuditEngine.Settings engine, Clock clock, Sleeper sleeper,
                              List<Interceptor> transports, boolean demo, LocalSources local,
                              Optional<Path> snapshotStore) {
    public AuditorSettings {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        transports = List.copyOf(transports);
        Objects.requireNonNull(local, "local");
        snapshotStore = snapshotStore == null ? Optional.empty() : snapshotStore;
    }

    /** Settings that read this machine's home and declarations, without a snapshot store. */
    public AuditorSettings(Endpoints endpoints, Credentials credentials, HttpSettings http, AuditEngine.Settings engine,
                           Clock clock, Sleeper sleeper, List<Interceptor> transports, boolean demo) {
        this(endpoints, credentials, http, engine, clock, sleeper, transports, demo, LocalSources.thisMachine(),
                Optional.empty());
    }

    public static AuditorSettings of(Endpoints endpoints, Credentials credentials, HttpSettings http) {
        return new AuditorSettings(endpoints, credentials, http, AuditEngine.Settings.defaults(), Clock.systemUTC(),
                Sleeper.REAL, List.of(), false);
    }

    public AuditorSettings withEngine(AuditEngine.Settings e) {
        return new AuditorSettings(endpoints, credentials, http, e, clock, sleeper, transports, demo, local, snapshotStore);
    }

    public AuditorSettings withSleeper(Sleeper s) {
        return new AuditorSettings(endpoints, credentials, http, engine, clock, s, transports, demo, local, snapshotStore);
    }

    public AuditorSettings withLocal(LocalSources l) {
        return new AuditorSettings(endpoints, credentials, http, engine, clock, sleeper, transports, demo, l, snapshotStore);
    }

    /** The snapshot database that {@code compliance.snapshot-age} reads. */
    public AuditorSettings withSnapshotStore(Path database) {
        return new AuditorSettings(endpoints, credentials, http, engine, clock, sleeper, transports, demo, local,
                Optional.of(database));
    }

    /** The same settings on another clock (tests, and snapshots taken "as of" a time). */
    public AuditorSettings withClock(Clock c) {
        return new AuditorSettings(endpoints, credentials, http, engine, c, sleeper, transports, demo, local, snapshotStore);
    }
}
