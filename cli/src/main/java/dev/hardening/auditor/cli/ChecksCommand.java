package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.check.CheckRegistry;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Lists the check catalog with its metadata. */
@Command(name = "checks", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = "List every check: id, stage, severity, title (and, as JSON, the full metadata).")
final class ChecksCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, md (the README table) or json (all metadata). Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        var catalog = CheckRegistry.load().catalog();
        String out = switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> CatalogRenderer.json(catalog);
            case "md", "markdown" -> CatalogRenderer.markdownTable(catalog);
            case "text" -> CatalogRenderer.text(catalog);
            default -> throw UserError.usage("--format must be text, md or json, not '" + format + "'");
        };
        root.terminal().out().print(out);
        root.terminal().out().flush();
        return ExitCodes.OK;
    }
}
