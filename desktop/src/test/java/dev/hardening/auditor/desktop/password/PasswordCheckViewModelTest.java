package dev.hardening.auditor.desktop.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.passwords.PasswordVerdict;
import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import dev.hardening.auditor.desktop.testing.ManualTaskExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordCheckViewModelTest {
    private static final CheckRegistry REGISTRY = CheckRegistry.load();
    private final List<String> received = new ArrayList<>();

    private PasswordCheckViewModel viewModel(PasswordCheckService service) {
        return new PasswordCheckViewModel(service, new CurrentThreadTaskExecutor(),
                r -> PasswordVerdict.of(REGISTRY, r, Clock.systemUTC()));
    }

    @Test
    void aBreachedPasswordShowsTheFailVerdictOfTheCheck() {
        PasswordCheckViewModel vm = viewModel(pw -> {
            received.add(new String(pw));
            return new PwnedPassword(3861493, 574);
        });

        vm.check("password".toCharArray());

        assertThat(vm.statusProperty().get()).isEqualTo(Status.FAIL);
        assertThat(vm.messageProperty().get()).contains("3,861,493 times");
        assertThat(vm.detailsProperty().get()).contains("first 5");
        assertThat(received).containsExactly("password");
    }

    @Test
    void aPasswordNeverSeenPasses() {
        PasswordCheckViewModel vm = viewModel(pw -> new PwnedPassword(0, 812));

        vm.check("a-long-unique-passphrase".toCharArray());

        assertThat(vm.statusProperty().get()).isEqualTo(Status.PASS);
        assertThat(vm.messageProperty().get()).doesNotContain("a-long-unique-passphrase");
    }

    @Test
    void theCallersArrayAndTheBackgroundCopyAreWiped() {
        List<char[]> seen = new ArrayList<>();
        PasswordCheckViewModel vm = viewModel(pw -> {
            seen.add(pw);
            return new PwnedPassword(0, 1);
        });
        char[] typed = "hunter2".toCharArray();

        vm.check(typed);

        assertThat(typed).containsOnly('\0');
        assertThat(seen.get(0)).containsOnly('\0');
    }

    @Test
    void aServiceFailureIsUnknownWithItsReasonAndNeverThePassword() {
        PasswordCheckViewModel vm = viewModel(pw -> {
            throw new FetchException(Unavailability.of(Unavailability.Cause.NETWORK, "cannot resolve api.pwnedpasswords.com",
                    "check your connection"), 0);
        });

        vm.check("hunter2".toCharArray());

        assertThat(vm.statusProperty().get()).isEqualTo(Status.UNKNOWN);
        assertThat(vm.messageProperty().get()).isEqualTo("The password could not be checked: cannot resolve api.pwnedpasswords.com.");
    }

    @Test
    void nothingTypedAsksForAPasswordWithoutCheckingAnything() {
        PasswordCheckViewModel vm = viewModel(pw -> {
            throw new AssertionError("no check without a password");
        });

        vm.check(new char[0]);

        assertThat(vm.messageProperty().get()).isEqualTo("Type the password to check first.");
        assertThat(vm.statusProperty().get()).isNull();
    }

    @Test
    void whileACheckRunsAnotherIsRefusedAndTheButtonDisabled() {
        ManualTaskExecutor tasks = new ManualTaskExecutor();
        PasswordCheckViewModel vm = new PasswordCheckViewModel(pw -> new PwnedPassword(0, 1), tasks, r -> java.util.Optional.empty());

        vm.check("first".toCharArray());
        char[] second = "second".toCharArray();
        vm.check(second);

        assertThat(vm.checkingProperty().get()).isTrue();
        assertThat(vm.canCheckProperty().get()).isFalse();
        assertThat(second).containsOnly('\0');
        tasks.runAll();
        assertThat(vm.checkingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo(Status.PASS);
    }
}
