package dev.hardening.auditor.desktop.attest;

import dev.hardening.auditor.core.attest.AttestationStore;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.attest.MfaAttestation;
import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The attestation dialog: which second factor protects each account. Reads and writes the
 * declarations through the {@link AttestationStore} off the UI thread, and shows what is on record.
 */
public final class AttestationViewModel {
    public static final List<Platform> PLATFORMS = List.of(Platform.GITHUB, Platform.NPM, Platform.PYPI);
    public static final String EXPLANATION = "GitHub, npm and PyPI do not show which second factor protects your account,"
            + " so the audit asks you. A security key or passkey is phishing-resistant; codes from an app (TOTP) or by SMS"
            + " are not. Declarations are dated and kept on this computer; audits ask again after 180 days.";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final AttestationStore store;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final ObjectProperty<Platform> platform = new SimpleObjectProperty<>(Platform.GITHUB);
    private final ObjectProperty<MfaMethod> method = new SimpleObjectProperty<>(MfaMethod.SECURITY_KEY);
    private final ObservableList<String> declarations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public AttestationViewModel(AttestationStore store, TaskExecutor tasks, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads what is on record. */
    public void load() {
        busy.set(true);
        tasks.execute(BackgroundTask.of("read declarations", store::load)
                .onSuccess(this::showRecord)
                .onFailure(this::failed));
    }

    /** Records the selected method for the selected platform, replacing an earlier declaration. */
    public void record() {
        Platform p = platform.get();
        MfaMethod m = method.get();
        if (p == null || m == null || busy.get()) {
            return;
        }
        busy.set(true);
        MfaAttestation attestation = new MfaAttestation(p, m, clock.instant());
        tasks.execute(BackgroundTask.of("record declaration", () -> {
            Attestations updated = store.load().with(attestation);
            store.save(updated);
            return updated;
        }).onSuccess(updated -> {
            showRecord(updated);
            message.set("Recorded: " + p.displayName() + " is protected by " + m.description() + " (declared "
                    + DATE.format(attestation.attestedAt()) + ")." + (m.phishingResistant() ? ""
                    : " Consider a security key or passkey: " + m.id() + " codes can be phished."));
        }).onFailure(this::failed));
    }

    private void showRecord(Attestations attestations) {
        busy.set(false);
        declarations.setAll(attestations.mfaList().stream().map(a -> a.platform().displayName() + ": " + a.method().description()
                + ", declared " + DATE.format(a.attestedAt())).toList());
        if (declarations.isEmpty()) {
            message.set("Nothing declared yet.");
        }
    }

    private void failed(Throwable error) {
        busy.set(false);
        Throwable cause = error.getCause() != null && !(error instanceof AttestationStore.AttestationStoreException) ? error.getCause() : error;
        message.set("The declaration could not be recorded: " + (cause instanceof AttestationStore.AttestationStoreException
                ? cause.getMessage() : "an unexpected " + cause.getClass().getSimpleName()) + ".");
    }

    public ObjectProperty<Platform> platformProperty() {
        return platform;
    }

    public ObjectProperty<MfaMethod> methodProperty() {
        return method;
    }

    /** One line per declaration on record. */
    public ObservableList<String> declarations() {
        return declarations;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
