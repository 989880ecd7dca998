package dev.hardening.auditor.core.demo;

import dev.hardening.auditor.core.AuditorSettings;
import dev.hardening.auditor.core.attest.AttestationStore;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.attest.MfaAttestation;
import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.engine.AuditEngine;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.http.internal.Sleeper;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.secrets.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The bundled demo world: a fictional maintainer whose API responses (in the real APIs' shapes)
 * are answered in-process, so the full engine runs offline with no token.
 *
 * <p>Robin Quill ({@code quill-dev} on GitHub and npm, {@code rquill} on PyPI) maintains the
 * {@code inkwell-tools} projects with three co-maintainers. Every person, package and domain is
 * invented; see {@code demo/WORLD.md} for who is who and which verdict each element is there to
 * produce. Responses live under {@code demo/} as files listed in {@code demo/routes.json}.
 */
public final class DemoWorld {
    /** The fixed RDAP server of the demo; {@code .invalid} can never resolve (RFC 2606). */
    public static final HttpUrl RDAP_SERVER = HttpUrl.get("https://rdap.demo.invalid/");

    // Synthetic, obviously fake, the right shape for their kind (a classic PAT is ghp_ + 36).
    // They never leave the process: the demo transport answers before any network interceptor runs.
    private static final String GITHUB_TOKEN = "ghp_DEMOdemoDEMOdemoDEMOdemoDEMOdemo0000";
    private static final String NPM_TOKEN = "npm_DEMOdemoDEMOdemoDEMOdemoDEMOdemo0000";
    // A pymacaroons v2 macaroon for pypi.org with identifier DEMO0000-demo-…, the legacy account-wide
    // caveat {"version": 1, "permissions": "user"} and an all-zero signature: decoded offline by
    // pypi.token-scope (FAIL, account-wide), never valid, never sent (no host credential is made from it).
    private static final String PYPI_TOKEN = "pypi-AgEIcHlwaS5vcmcCJERFTU8wMDAwLWRlbW8tNDAwMC04MDAwLTAwMDAwMDAwMDAwMAACJXsid"
            + "mVyc2lvbiI6IDEsICJwZXJtaXNzaW9ucyI6ICJ1c2VyIn0AAAYgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private DemoWorld() {
    }

    /** Settings that route every request to the demo world; {@code http} supplies limits (its cache is ignored). */
    public static AuditorSettings settings(HttpSettings http) {
        return settings(http, Clock.systemUTC());
    }

    /**
     * As {@link #settings(HttpSettings)}, with the clock the audit and the world's relative dates
     * share (tests pass a fixed one).
     */
    public static AuditorSettings settings(HttpSettings http, Clock clock) {
        Endpoints endpoints = Endpoints.defaults().withRdap(RDAP_SERVER);
        // No HIBP key: the breach check reports UNKNOWN ("needs an HIBP API key"), as it would for a newcomer.
        Credentials credentials = new Credentials(Optional.of(Secret.of(GITHUB_TOKEN)),
                Optional.of(Secret.of(NPM_TOKEN)), Optional.empty(), Optional.of(Secret.of(PYPI_TOKEN)));
        // Nothing to cache and nothing worth retrying: every answer is computed in-process.
        HttpSettings demoHttp = http.withCacheDir(null).withMaxRetries(0);
        return new AuditorSettings(endpoints, credentials, demoHttp, AuditEngine.Settings.defaults(), clock,
                Sleeper.REAL, List.of(DemoTransport.bundled(clock)), true, local(clock), Optional.empty());
    }

    /**
     * What the demo reads "from this machine": Robin's home (bundled, see {@code demo/home/}) and her
     * declarations — a security key on GitHub, TOTP on npm, nothing declared for PyPI — dated
     * relative to the audit clock. Nothing of the real machine is ever read.
     */
    public static LocalSources local(Clock clock) {
        Instant now = clock.instant();
        Attestations declared = Attestations.none()
                .with(new MfaAttestation(Platform.GITHUB, MfaMethod.SECURITY_KEY, now.minus(Duration.ofDays(41))))
                .with(new MfaAttestation(Platform.NPM, MfaMethod.TOTP, now.minus(Duration.ofDays(26))));
        return new LocalSources(DemoHome.bundled(), AttestationStore.fixed(declared));
    }

    /** The demo maintainer's targets. */
    public static AuditTargets targets() {
        return new AuditTargets(
                List.of("quill-dev"),
                List.of("inkwell-tools"),
                List.of("quill-dev"),
                List.of("inkwell-parser", "@inkwell/cli", "inkwell-colors"),
                List.of(),
                List.of("inkwell", "inkwell-lint"),
                List.of("robin@quillmere.dev"),
                true);
    }

    /**
     * The demo team's agreed publishers. {@code dex-holloway} can publish {@code @inkwell/cli} but is
     * not on its roster (FAIL); {@code inkwell-colors} and {@code inkwell-lint} have one publisher each
     * (WARN); the others match their rosters (PASS).
     */
    public static Policy policy() {
        Map<String, Set<String>> rosters = Map.of(
                "npm:inkwell-parser", Set.of("quill-dev", "ivarga"),
                "npm:@inkwell/cli", Set.of("quill-dev", "mfenn"),
                "npm:inkwell-colors", Set.of("quill-dev"),
                "pypi:inkwell", Set.of("rquill", "petra.liskova"),
                "pypi:inkwell-lint", Set.of("rquill"));
        // A weekly snapshot cadence: `demo` has no snapshot database (UNKNOWN, saying how to get one);
        // `snapshot --demo` FAILs the first time (none taken yet) and PASSes within the week after.
        return new Policy("demo world (bundled)", rosters, "", Map.of(), Optional.empty(), OptionalInt.empty(),
                false, false, Optional.of(Duration.ofDays(7)), Optional.empty(), List.of());
    }
}
