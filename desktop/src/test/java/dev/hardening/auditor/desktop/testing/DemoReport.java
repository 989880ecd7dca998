package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.desktop.audit.DemoAuditLauncher;
import dev.hardening.auditor.desktop.detail.CheckCatalog;
import java.util.concurrent.TimeUnit;

/** The real engine's report on the bundled demo world, made once per test JVM (it takes a few seconds). */
public final class DemoReport {
    private static AuditReport report;
    private static CheckRegistry registry;

    private DemoReport() {
    }

    public static synchronized CheckRegistry registry() {
        if (registry == null) {
            registry = CheckRegistry.load();
        }
        return registry;
    }

    public static CheckCatalog catalog() {
        return CheckCatalog.of(registry());
    }

    public static synchronized AuditReport get() {
        if (report == null) {
            try {
                report = new DemoAuditLauncher(registry()).start(ProgressListener.NONE).report().get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the demo audit failed", e);
            }
        }
        return report;
    }
}
