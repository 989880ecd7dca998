package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.attest.AttestationStore.AttestationStoreException;
import dev.hardening.auditor.core.attest.FileAttestationStore;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.attest.MfaAttestation;
import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.model.Platform;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code auditor attest}: declares the second factor of an account, which the platforms do not
 * show. Kept in {@code attestations.json} in the configuration directory, dated; the audit reports
 * it as ATTESTED (or WARN/FAIL for weaker methods) and asks again after 180 days.
 */
@Command(name = "attest", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
        description = {"Declare which second factor protects your GitHub, npm or PyPI account (the platforms do not show it).",
                "Example: auditor attest --platform npm --method security-key",
                "The declaration is dated and kept in the configuration directory; audits ask for it again after 180 days."})
final class AttestCommand implements Callable<Integer> {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @ParentCommand
    AuditorCommand root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @ArgGroup(exclusive = false)
        Declaration declaration;

        @Option(names = "--list", required = true, description = "Show the declarations on record.")
        boolean list;
    }

    static final class Declaration {
        @Option(names = "--platform", required = true, paramLabel = "PLATFORM", description = "github, npm or pypi.")
        String platform;

        @Option(names = "--method", required = true, paramLabel = "METHOD",
                description = "security-key, passkey, totp, sms or none.")
        String method;
    }

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        FileAttestationStore store = LocalMachine.attestations(root.environment());
        try {
            Attestations current = store.load();
            if (action.list) {
                if (current.mfa().isEmpty()) {
                    terminal.out().println("No declarations on record (" + store.file() + ").");
                }
                current.mfaList().forEach(a -> terminal.out().println(a.platform().id() + ": " + a.method().id()
                        + " (" + a.method().description() + "), declared " + DATE.format(a.attestedAt())));
                terminal.out().flush();
                return ExitCodes.OK;
            }
            Platform platform = platform(action.declaration.platform);
            MfaMethod method = MfaMethod.parse(action.declaration.method).orElseThrow(() -> UserError.usage(
                    "unknown --method '" + action.declaration.method + "': use security-key, passkey, totp, sms or none"));
            MfaAttestation attestation = new MfaAttestation(platform, method, Clock.systemUTC().instant());
            store.save(current.with(attestation));
            terminal.out().println("Recorded: " + platform.displayName() + " is protected by " + method.description()
                    + " (declared " + DATE.format(attestation.attestedAt()) + "; audits ask again after 180 days).");
            if (!method.phishingResistant()) {
                terminal.out().println("Consider a security key or passkey: " + method.id() + " codes can be phished.");
            }
            terminal.out().flush();
            return ExitCodes.OK;
        } catch (AttestationStoreException e) {
            throw UserError.cannotRun(e.getMessage());
        }
    }

    private static Platform platform(String text) {
        try {
            Platform p = Platform.parse(text);
            if (Attestations.MFA_PLATFORMS.contains(p)) {
                return p;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        throw UserError.usage("unknown --platform '" + text + "': use github, npm or pypi");
    }
}
