package dev.hardening.auditor.desktop.password;

import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The password check dialog: explains what leaves the machine, runs the check through the
 * {@link TaskExecutor} (never on the UI thread), and shows the verdict of {@code password.pwned}.
 * The password arrives as a {@code char[]}, is copied once for the background work and wiped
 * there and here; it is never put in a property, a message or a log.
 */
public final class PasswordCheckViewModel {
    public static final String EXPLANATION = "The check uses k-anonymity. Your password is hashed (SHA-1) on this"
            + " computer. Only the first 5 of the hash's 40 hexadecimal characters are sent to Pwned Passwords, which"
            + " answers with every breached hash"
            + " sharing them (with padding, so even the size of the answer says nothing); the comparison happens here."
            + " The password is not stored, logged or sent anywhere.";

    private final PasswordCheckService service;
    private final TaskExecutor tasks;
    private final Function<PwnedPassword, Optional<Finding>> verdict;
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final BooleanBinding canCheck = checking.not();

    /**
     * @param verdict the {@code password.pwned} finding for a result (see {@code PasswordVerdict})
     */
    public PasswordCheckViewModel(PasswordCheckService service, TaskExecutor tasks, Function<PwnedPassword, Optional<Finding>> verdict) {
        this.service = Objects.requireNonNull(service, "service");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.verdict = Objects.requireNonNull(verdict, "verdict");
    }

    /** Checks the password; takes ownership of the array and wipes it. Called on the UI thread. */
    public void check(char[] password) {
        char[] copy = Arrays.copyOf(password, password.length);
        Arrays.fill(password, '\0');
        if (checking.get()) {
            Arrays.fill(copy, '\0');
            return;
        }
        if (copy.length == 0) {
            status.set(null);
            message.set("Type the password to check first.");
            details.set("");
            return;
        }
        checking.set(true);
        status.set(null);
        message.set("Checking…");
        details.set("");
        tasks.execute(BackgroundTask.of("password check", () -> {
            try {
                return service.check(copy);
            } finally {
                Arrays.fill(copy, '\0');
            }
        }).onSuccess(this::show).onFailure(this::failed));
    }

    private void show(PwnedPassword result) {
        checking.set(false);
        Optional<Finding> finding = verdict.apply(result);
        if (finding.isEmpty()) {
            status.set(result.pwned() ? Status.FAIL : Status.PASS);
            message.set(result.pwned() ? "This password appears " + result.occurrences() + " times in known breaches."
                    : "This password is not in Pwned Passwords.");
            details.set("");
            return;
        }
        status.set(finding.get().status());
        message.set(finding.get().message());
        details.set(finding.get().evidence().stream().map(Evidence::value).collect(Collectors.joining("\n")));
    }

    private void failed(Throwable error) {
        checking.set(false);
        status.set(Status.UNKNOWN);
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof FetchException)) {
            cause = cause.getCause();
        }
        String reason = cause instanceof FetchException f ? f.unavailability().reason()
                : "an unexpected " + cause.getClass().getSimpleName();
        message.set("The password could not be checked: " + reason + ".");
        details.set("");
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    /** The verdict; null before a check and while one runs. */
    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }
}
