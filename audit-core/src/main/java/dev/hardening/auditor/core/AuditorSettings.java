package dev.hardening.auditor.core;

import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.engine.AuditEngine;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.http.internal.Sleeper;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import okhttp3.Interceptor;

/**
 * Everything an {@link Auditor} needs besides the checks.
 *
 * @param endpoints   base URLs
 * @param credentials tokens and keys
 * @param http        HTTP behaviour (cache, limits, waits)
 * @param engine      concurrency and time limit per check
 * @param clock       the audit's clock
 * @param sleeper     how the HTTP layer waits (tests pass one that does not sleep)
 * @param transports  interceptors that answer requests in-process (the demo world); empty for the network
 * @param demo        whether this is the bundled demo world (every output says DEMO)
 * @param local       what is read from this machine (home, declarations); the demo world and tests
 *                    supply their own
 */
public record AuditorSettings(Endpoints endpoints, Credentials credentials, HttpSettings http,
                              AuditEngine.Settings engine, Clock clock, Sleeper sleeper,
                              List<Interceptor> transports, boolean demo, LocalSources local) {
    public AuditorSettings {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        transports = List.copyOf(transports);
        Objects.requireNonNull(local, "local");
    }

    /** Settings that read this machine's home and declarations. */
    public AuditorSettings(Endpoints endpoints, Credentials credentials, HttpSettings http, AuditEngine.Settings engine,
                           Clock clock, Sleeper sleeper, List<Interceptor> transports, boolean demo) {
        this(endpoints, credentials, http, engine, clock, sleeper, transports, demo, LocalSources.thisMachine());
    }

    public static AuditorSettings of(Endpoints endpoints, Credentials credentials, HttpSettings http) {
        return new AuditorSettings(endpoints, credentials, http, AuditEngine.Settings.defaults(), Clock.systemUTC(),
                Sleeper.REAL, List.of(), false);
    }

    public AuditorSettings withEngine(AuditEngine.Settings e) {
        return new AuditorSettings(endpoints, credentials, http, e, clock, sleeper, transports, demo, local);
    }

    public AuditorSettings withSleeper(Sleeper s) {
        return new AuditorSettings(endpoints, credentials, http, engine, clock, s, transports, demo, local);
    }

    public AuditorSettings withLocal(LocalSources l) {
        return new AuditorSettings(endpoints, credentials, http, engine, clock, sleeper, transports, demo, l);
    }
}
