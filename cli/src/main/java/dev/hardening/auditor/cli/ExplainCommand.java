package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.check.CheckRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Prints why a check matters, how to fix what it finds, and its references. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = "Explain a check: what it decides, why it matters, how to fix it, references.")
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Parameters(paramLabel = "ID", description = "Check id, e.g. github.2fa (see 'auditor checks').")
    String id;

    @Override
    public Integer call() {
        var registry = CheckRegistry.load();
        var metadata = registry.find(id.strip()).map(c -> c.metadata()).orElseThrow(() -> UserError.usage("unknown check '" + id
                + "'; 'auditor checks' lists them"));
        root.terminal().out().print(CatalogRenderer.explain(metadata));
        root.terminal().out().flush();
        return ExitCodes.OK;
    }
}
