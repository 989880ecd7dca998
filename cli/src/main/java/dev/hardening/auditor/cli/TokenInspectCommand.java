package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.tokens.Revocation;
import dev.hardening.auditor.core.tokens.TokenInspection;
import dev.hardening.auditor.core.tokens.TokenRecognizers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code auditor token-inspect}: what a token is, offline. Reads one token from standard input (or
 * the console, without echo), never from the command line; prints its kind, whether its format and
 * checksum hold, what it can do and how to revoke it, and its fingerprint — never the token.
 */
@Command(name = "token-inspect", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
        description = {"Tell what a token is, offline: kind, format and checksum, what it can do, how to revoke it.",
                "Reads one token from standard input (or the prompt, where it is not shown); nothing is sent anywhere.",
                "Knows GitHub (ghp_, gho_, ghu_, ghs_, ghr_ with their checksum; github_pat_), npm (npm_, checksum), PyPI, "
                        + "AWS access key ids, Slack, Stripe and Google API keys.",
                "Exit code 0 for a well-formed token of a known kind, 1 otherwise."})
final class TokenInspectCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Override
    public Integer call() throws IOException {
        Terminal terminal = root.terminal();
        char[] token = root.secretInput().read("Token to inspect (not shown): ");
        Optional<TokenInspection> inspection;
        try {
            if (token.length == 0) {
                throw UserError.usage("no token was given: pipe it on standard input or type it at the prompt");
            }
            inspection = TokenRecognizers.standard().inspect(CharBuffer.wrap(token));
        } finally {
            Arrays.fill(token, '\0');
        }
        PrintStream out = terminal.out();
        if (inspection.isEmpty()) {
            out.println("kind: not a token of a known format");
            out.println("(recognised: GitHub, npm, PyPI, AWS access key ids, Slack, Stripe and Google API keys)");
            out.flush();
            return ExitCodes.FINDINGS;
        }
        TokenInspection t = inspection.get();
        out.println("kind: " + t.kind().description() + " (" + t.kind().id() + ")");
        out.println("issued by: " + t.kind().service());
        out.println("format: " + t.validity().description());
        out.println("fingerprint: " + t.fingerprint());
        t.details().forEach(d -> out.println("detail: " + d));
        if (t.plausible()) {
            out.println("can do: " + t.capability());
            out.println("can publish: " + (t.canPublish() ? "yes" : "no"));
            out.println("to revoke it:");
            int n = 1;
            for (RemediationStep step : Revocation.stepsFor(t.kind())) {
                out.println("  " + n++ + ". " + step.text() + (step.url().isEmpty() ? "" : " " + step.url())
                        + (step.command().isEmpty() ? "" : " (run: " + step.command() + ")"));
            }
        } else {
            out.println("not a usable token: nothing to revoke");
        }
        out.flush();
        return t.plausible() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
