package dev.hardening.auditor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.clients.hibp.PwnedPasswordsClient;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpClients;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.passwords.PasswordVerdict;
import dev.hardening.auditor.core.passwords.PwnedPasswordChecker;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code auditor password-check}: checks one password against Pwned Passwords. The password is
 * read without echo (or from standard input when piped), hashed here, and only the first 5
 * hexadecimal characters of its SHA-1 are sent; it is never stored, logged or kept as a String, and
 * the answer is not cached on disk (a cached range would hint at the password).
 */
@Command(name = "password-check", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
        description = {"Check a password against Pwned Passwords without sending it.",
                "Type it at the prompt (it is not shown) or pipe it on standard input. Only the first 5 of the 40 hexadecimal "
                        + "characters of its SHA-1 leave this machine (k-anonymity, with Add-Padding); the password is never "
                        + "stored or logged.",
                "Exit code 1 when the password appears in breaches."})
final class PasswordCheckCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Mixin
    EndpointOptions endpoints = new EndpointOptions();

    @Override
    public Integer call() throws IOException {
        Terminal terminal = root.terminal();
        PwnedPasswordsClient client = new PwnedPasswordsClient(gateway(), endpoints.resolve(root.environment()).pwnedPasswords());
        char[] password = root.secretInput().read("Password to check (not shown): ");
        PwnedPassword result;
        try {
            if (password.length == 0) {
                throw UserError.usage("no password was given: type it at the prompt or pipe it on standard input");
            }
            result = new PwnedPasswordChecker(client).check(password);
        } catch (FetchException e) {
            throw UserError.cannotRun("the password could not be checked: " + e.unavailability().reason()
                    + (e.unavailability().needed().isBlank() ? "" : " (" + e.unavailability().needed() + ")"));
        } finally {
            Arrays.fill(password, '\0');
        }
        Finding finding = judge(result);
        terminal.out().println(finding.status() + ": " + finding.message());
        finding.evidence().forEach(e -> terminal.out().println("  " + e.label() + ": " + e.value()));
        if (finding.status() == Status.FAIL) {
            terminal.out().println("What to do:");
            int n = 1;
            for (var step : finding.remediation()) {
                terminal.out().println("  " + n++ + ". " + step.text() + (step.url().isEmpty() ? "" : " " + step.url())
                        + (step.command().isEmpty() ? "" : " (run: " + step.command() + ")"));
            }
        }
        terminal.out().flush();
        return finding.status() == Status.FAIL ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** The verdict of the {@code password.pwned} check, with its metadata, on this one result. */
    static Finding judge(PwnedPassword result) {
        return PasswordVerdict.of(CheckRegistry.load(), result, Clock.systemUTC())
                .orElseThrow(() -> UserError.cannotRun("the check " + PasswordVerdict.CHECK_ID + " is not installed"));
    }

    /** No cache, no credentials, no retries of a refused answer: one request for one prefix. */
    private HttpGateway gateway() {
        var client = HttpClients.forAudit(HttpSettings.defaults().withCacheDir(null), List.of());
        return new HttpGateway(client, new ObjectMapper(), ProgressListener.NONE, 1);
    }
}
