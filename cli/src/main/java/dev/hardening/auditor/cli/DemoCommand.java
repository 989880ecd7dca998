package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.Auditor;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.demo.DemoWorld;
import dev.hardening.auditor.core.http.HttpSettings;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The full engine on the bundled demo world: offline, no token, every output marked DEMO. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = "Run every check on the bundled demo world (offline, no token needed). The report says DEMO.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Mixin
    ReportOptions report = new ReportOptions();

    @Override
    public Integer call() throws Exception {
        Terminal terminal = root.terminal();
        if (terminal.interactive() && report.out == null && "md".equals(report.format)) {
            terminal.info("DEMO: auditing the fictional maintainer of the bundled demo world (no network, no token).");
        }
        Auditor auditor = new Auditor(CheckRegistry.load(), DemoWorld.settings(HttpSettings.defaults()));
        return new AuditRunner(terminal).run(auditor, DemoWorld.targets(), DemoWorld.policy(), Set.of(), report);
    }
}
