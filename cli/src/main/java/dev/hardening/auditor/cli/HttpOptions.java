package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.config.AppDirectories;
import dev.hardening.auditor.core.engine.AuditEngine;
import dev.hardening.auditor.core.http.HttpSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** HTTP cache and engine limits. */
final class HttpOptions {
    @Option(names = "--no-cache", description = "Do not use the on-disk HTTP cache (every request goes to the network).")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "HTTP cache directory (default: the platform's cache directory).")
    Path cacheDir;

    @Option(names = "--check-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Longest time a check may wait while the audit collects nothing before it is reported UNKNOWN;"
                    + " a check is stopped after ten times this in any case. Default: ${DEFAULT-VALUE}.")
    int checkTimeoutSeconds;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Checks working at once (a check waiting for data another thread is fetching lets the next one start)."
                    + " Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--max-rate-limit-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest wait for a rate limit to reset before the affected checks report UNKNOWN. Default: ${DEFAULT-VALUE}.")
    int maxRateLimitWaitSeconds;

    HttpSettings http() {
        if (maxRateLimitWaitSeconds < 0) {
            throw UserError.usage("--max-rate-limit-wait must not be negative");
        }
        HttpSettings d = HttpSettings.defaults();
        HttpSettings s = d.withWaits(Duration.ofSeconds(maxRateLimitWaitSeconds), d.retryBaseDelay(), d.readTimeout(),
                d.callTimeout().plusSeconds(maxRateLimitWaitSeconds));
        if (noCache) {
            return s.withCacheDir(null);
        }
        return s.withCacheDir(cacheDir != null ? cacheDir : AppDirectories.current().httpCache());
    }

    AuditEngine.Settings engine() {
        if (checkTimeoutSeconds < 1 || concurrency < 1) {
            throw UserError.usage("--check-timeout and --concurrency must be at least 1");
        }
        return new AuditEngine.Settings(concurrency, Duration.ofSeconds(checkTimeoutSeconds));
    }
}
