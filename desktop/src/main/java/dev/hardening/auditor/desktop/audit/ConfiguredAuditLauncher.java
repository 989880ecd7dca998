package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.AuditSession;
import dev.hardening.auditor.core.Auditor;
import dev.hardening.auditor.core.AuditorSettings;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.policy.RosterTargets;
import dev.hardening.auditor.core.policy.PolicyLoader;
import dev.hardening.auditor.core.secrets.CredentialStore.CredentialStoreException;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import dev.hardening.auditor.desktop.setup.AuditPlan;
import dev.hardening.auditor.desktop.setup.CredentialVault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A real audit from the Setup screen's plan: credentials from the {@link CredentialVault} (the OS
 * keychain or the encrypted file, else the environment), the policy file, base URLs from the
 * {@code AUDITOR_*_URL} environment variables (GitHub Enterprise, private registries, a local recorded
 * world), this machine's home and declarations, and the snapshot database. The secrets are registered
 * with the app's redactor and wiped when the audit is over.
 */
public final class ConfiguredAuditLauncher implements AuditLauncher {
    private final CheckRegistry registry;
    private final AuditPlan plan;
    private final CredentialVault vault;
    private final Map<String, String> environment;
    private final HttpSettings http;
    private final Supplier<LocalSources> local;
    private final Optional<Path> snapshotDatabase;
    private final SecretRedactor redactor;

    public ConfiguredAuditLauncher(CheckRegistry registry, AuditPlan plan, CredentialVault vault,
                                   Map<String, String> environment, HttpSettings http, Supplier<LocalSources> local,
                                   Optional<Path> snapshotDatabase, SecretRedactor redactor) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.environment = Map.copyOf(environment);
        this.http = Objects.requireNonNull(http, "http");
        this.local = Objects.requireNonNull(local, "local");
        this.snapshotDatabase = Objects.requireNonNull(snapshotDatabase, "snapshotDatabase");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    @Override
    public AuditHandle start(ProgressListener listener) {
        Policy policy = policy();
        Endpoints endpoints = Endpoints.fromEnvironment(environment);
        Credentials credentials;
        try {
            credentials = vault.credentials();
        } catch (CredentialStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<Secret> secrets = new ArrayList<>();
        credentials.github().ifPresent(secrets::add);
        credentials.npm().ifPresent(secrets::add);
        credentials.hibp().ifPresent(secrets::add);
        credentials.pypi().ifPresent(secrets::add);
        secrets.forEach(redactor::register);

        AuditorSettings settings = AuditorSettings.of(endpoints, credentials, http).withLocal(local.get());
        if (snapshotDatabase.isPresent()) {
            settings = settings.withSnapshotStore(snapshotDatabase.get());
        }
        AuditSession session;
        try {
            session = new Auditor(registry, settings).start(RosterTargets.withRosterProjects(plan.targets(), policy), policy, Set.of(),
                    listener);
        } catch (RuntimeException e) {
            secrets.forEach(Secret::close);
            throw e;
        }
        // Wiped once the audit no longer sends requests: success, failure and cancellation alike.
        session.report().whenComplete((report, error) -> secrets.forEach(Secret::close));
        return new AuditHandle(session.report(), session::cancel, policy.sha256());
    }

    private Policy policy() {
        if (plan.policyFile().isEmpty()) {
            return Policy.none();
        }
        Path file = plan.policyFile().get();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the policy file " + file + " does not exist or is not a file");
        }
        try {
            return PolicyLoader.load(file);
        } catch (PolicyLoader.InvalidPolicyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
