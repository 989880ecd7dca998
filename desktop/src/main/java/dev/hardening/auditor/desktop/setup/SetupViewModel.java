package dev.hardening.auditor.desktop.setup;

import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.secrets.CredentialStore.CredentialStoreException;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.setup.CredentialVault.Origin;
import dev.hardening.auditor.desktop.setup.CredentialVault.Source;
import dev.hardening.auditor.desktop.system.LinkOpener;
import dev.hardening.auditor.desktop.system.WebLinks;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Welcome / Setup screen: the targets of a real audit, the credentials (stored through the
 * {@link CredentialVault}, never held in a property: a typed value arrives as a {@code char[]}, becomes
 * a {@link Secret} at once and the array is wiped), and the plan handed to the Run screen.
 */
public final class SetupViewModel {
    private final CredentialVault vault;
    private final SetupPreferences preferences;
    private final TaskExecutor tasks;
    private final LinkOpener links;

    private final StringProperty githubUsers = new SimpleStringProperty("");
    private final StringProperty githubOrgs = new SimpleStringProperty("");
    private final StringProperty npmUsers = new SimpleStringProperty("");
    private final StringProperty npmPackages = new SimpleStringProperty("");
    private final StringProperty pypiUsers = new SimpleStringProperty("");
    private final StringProperty pypiProjects = new SimpleStringProperty("");
    private final StringProperty emails = new SimpleStringProperty("");
    private final BooleanProperty workstation = new SimpleBooleanProperty(false);
    private final StringProperty policyFile = new SimpleStringProperty("");

    private final Map<CredentialSlot, ReadOnlyStringWrapper> credentialStatus = new EnumMap<>(CredentialSlot.class);
    private final Map<CredentialSlot, ReadOnlyBooleanWrapper> credentialStored = new EnumMap<>(CredentialSlot.class);
    private final Map<CredentialSlot, Origin> origins = new EnumMap<>(CredentialSlot.class);
    private final ReadOnlyStringWrapper storeText = new ReadOnlyStringWrapper("Looking for the OS keychain…");
    private final ReadOnlyBooleanWrapper passphraseNeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public SetupViewModel(CredentialVault vault, SetupPreferences preferences, TaskExecutor tasks, LinkOpener links) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.links = Objects.requireNonNull(links, "links");
        for (CredentialSlot slot : CredentialSlot.values()) {
            credentialStatus.put(slot, new ReadOnlyStringWrapper("…"));
            credentialStored.put(slot, new ReadOnlyBooleanWrapper(false));
            origins.put(slot, Origin.NONE);
        }
    }

    /** Reads the remembered targets and where each credential is. */
    public void load() {
        tasks.execute(BackgroundTask.of("Read the setup", preferences::load).onSuccess(this::fill)
                .onFailure(error -> { }));
        refreshCredentials();
    }

    public void refreshCredentials() {
        busy.set(true);
        tasks.execute(BackgroundTask.of("Read the credential store", vault::state)
                .onSuccess(this::showState).onFailure(this::failed));
    }

    /** Stores a typed credential; takes ownership of {@code typed} and wipes it. */
    public void saveCredential(CredentialSlot slot, char[] typed) {
        Secret value = Secret.of(typed);
        Arrays.fill(typed, '\0');
        if (value.isBlank()) {
            value.close();
            message.set("Paste the " + slot.displayName() + " into its field first.");
            return;
        }
        String fingerprint = value.fingerprint();
        busy.set(true);
        tasks.execute(BackgroundTask.of("Store a credential", () -> {
            try (value) {
                vault.save(slot, value);
            }
            return vault.state();
        }).onSuccess(state -> {
            showState(state);
            message.set("Stored the " + slot.displayName() + " (" + fingerprint + ") in " + state.storeDescription() + ".");
        }).onFailure(this::failed));
    }

    public void forgetCredential(CredentialSlot slot) {
        busy.set(true);
        tasks.execute(BackgroundTask.of("Remove a credential", () -> {
            vault.forget(slot);
            return vault.state();
        }).onSuccess(state -> {
            showState(state);
            message.set("Removed the " + slot.displayName() + " from " + state.storeDescription() + ".");
        }).onFailure(this::failed));
    }

    /** Unlocks (or sets up) the encrypted credentials file; takes ownership of {@code typed} and wipes it. */
    public void unlock(char[] typed) {
        Secret candidate = Secret.of(typed);
        Arrays.fill(typed, '\0');
        busy.set(true);
        tasks.execute(BackgroundTask.of("Unlock the credentials", () -> {
            vault.unlock(candidate);
            return vault.state();
        }).onSuccess(state -> {
            showState(state);
            message.set("Unlocked for this session: " + state.storeDescription() + ".");
        }).onFailure(this::failed));
    }

    /** Opens the page where a credential is created (http and https only). */
    public void openCreatePage(CredentialSlot slot) {
        if (WebLinks.isWebLink(slot.createUrl())) {
            links.open(slot.createUrl());
        }
    }

    /**
     * The audit to run, or empty with the reason in {@link #messageProperty()}. Remembers the targets
     * for the next session.
     */
    public Optional<AuditPlan> plan() {
        AuditTargets targets;
        Optional<Path> policy;
        try {
            targets = new AuditTargets(AuditPlan.names("GitHub users", githubUsers.get()),
                    AuditPlan.names("GitHub organisations", githubOrgs.get()),
                    AuditPlan.names("npm users", npmUsers.get()), AuditPlan.names("npm packages", npmPackages.get()),
                    AuditPlan.names("PyPI users", pypiUsers.get()), AuditPlan.names("PyPI projects", pypiProjects.get()),
                    AuditPlan.names("Email addresses", emails.get()), workstation.get());
            policy = policyPath();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage() + ".");
            return Optional.empty();
        }
        boolean tokenAccount = origins.get(CredentialSlot.GITHUB) != Origin.NONE || origins.get(CredentialSlot.NPM) != Origin.NONE
                || origins.get(CredentialSlot.PYPI) != Origin.NONE;
        if (targets.isEmpty() && policy.isEmpty() && !tokenAccount) {
            message.set("Nothing to audit yet: name a GitHub user, an npm package or a PyPI project (or store a token"
                    + " to audit its own account), or try the demo first.");
            return Optional.empty();
        }
        message.set("");
        SetupFields fields = fields();
        tasks.execute(BackgroundTask.of("Remember the setup", () -> {
            preferences.save(fields);
            return null;
        }));
        return Optional.of(new AuditPlan(targets, policy));
    }

    private Optional<Path> policyPath() {
        String typed = policyFile.get() == null ? "" : policyFile.get().strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            // Whether it exists is checked when the audit starts, off the UI thread.
            return Optional.of(Path.of(typed));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Policy file: '" + typed + "' is not a file name");
        }
    }

    public SetupFields fields() {
        return new SetupFields(githubUsers.get(), githubOrgs.get(), npmUsers.get(), npmPackages.get(), pypiUsers.get(),
                pypiProjects.get(), emails.get(), workstation.get(), policyFile.get());
    }

    private void fill(SetupFields f) {
        githubUsers.set(f.githubUsers());
        githubOrgs.set(f.githubOrgs());
        npmUsers.set(f.npmUsers());
        npmPackages.set(f.npmPackages());
        pypiUsers.set(f.pypiUsers());
        pypiProjects.set(f.pypiProjects());
        emails.set(f.emails());
        workstation.set(f.workstation());
        policyFile.set(f.policyFile());
    }

    private void showState(CredentialVault.State state) {
        busy.set(false);
        passphraseNeeded.set(state.encryptedFile());
        locked.set(state.locked());
        storeText.set(state.encryptedFile()
                ? "No OS keychain is available, so credentials are kept in " + state.storeDescription()
                        + ", encrypted with a passphrase (Argon2id + AES-256-GCM)."
                        + (state.locked() ? " Type the passphrase to unlock it for this session (or to create it)." : "")
                : "Credentials are kept in " + state.storeDescription() + ", never in a plain file.");
        for (CredentialSlot slot : CredentialSlot.values()) {
            Source source = state.slots().getOrDefault(slot, new Source(Origin.NONE, ""));
            origins.put(slot, source.origin());
            credentialStored.get(slot).set(source.origin() == Origin.STORED || source.origin() == Origin.STORED_LOCKED);
            credentialStatus.get(slot).set(switch (source.origin()) {
                case STORED -> "✔ Stored (" + source.fingerprint() + ")";
                case STORED_LOCKED -> "🔒 Stored, locked: unlock with the passphrase";
                case ENVIRONMENT -> "✔ From " + slot.environmentVariable() + " in the environment (" + source.fingerprint() + ")";
                case NONE -> "– Not set: the checks that need it report UNKNOWN";
            });
        }
    }

    private void failed(Throwable error) {
        busy.set(false);
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof CredentialStoreException)) {
            cause = cause.getCause();
        }
        // Store exceptions never carry a value (see CredentialStoreException); others are named only.
        message.set(cause instanceof CredentialStoreException ? capitalised(cause.getMessage()) + "."
                : "The credential store could not be used (" + cause.getClass().getSimpleName() + ").");
        if (storeText.get().startsWith("Looking")) {
            storeText.set("The credential store could not be opened.");
        }
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public StringProperty githubUsersProperty() {
        return githubUsers;
    }

    public StringProperty githubOrgsProperty() {
        return githubOrgs;
    }

    public StringProperty npmUsersProperty() {
        return npmUsers;
    }

    public StringProperty npmPackagesProperty() {
        return npmPackages;
    }

    public StringProperty pypiUsersProperty() {
        return pypiUsers;
    }

    public StringProperty pypiProjectsProperty() {
        return pypiProjects;
    }

    public StringProperty emailsProperty() {
        return emails;
    }

    public BooleanProperty workstationProperty() {
        return workstation;
    }

    public StringProperty policyFileProperty() {
        return policyFile;
    }

    /** Where a credential comes from, with its fingerprint; never its value. */
    public ReadOnlyStringProperty credentialStatusProperty(CredentialSlot slot) {
        return credentialStatus.get(slot).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty credentialStoredProperty(CredentialSlot slot) {
        return credentialStored.get(slot).getReadOnlyProperty();
    }

    /** Where credentials are kept (the keychain, or the encrypted file). */
    public ReadOnlyStringProperty storeTextProperty() {
        return storeText.getReadOnlyProperty();
    }

    /** True when credentials go to an encrypted file, which needs a passphrase. */
    public ReadOnlyBooleanProperty passphraseNeededProperty() {
        return passphraseNeeded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
