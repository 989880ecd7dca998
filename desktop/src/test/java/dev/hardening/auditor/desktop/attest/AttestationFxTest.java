package dev.hardening.auditor.desktop.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AttestationFxTest {
    private final InMemoryAttestationStore store = new InMemoryAttestationStore();
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        AttestationViewModel vm = new AttestationViewModel(store, tasks,
                Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));
        stage.setScene(new Scene(new AttestationView(vm), 600, 400));
        stage.show();
        vm.load();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingAPlatformAndAMethodRecordsTheDeclaration(FxRobot robot) throws TimeoutException {
        ComboBox<Platform> platform = robot.lookup("#attestPlatform").queryAs(ComboBox.class);
        ComboBox<MfaMethod> method = robot.lookup("#attestMethod").queryAs(ComboBox.class);
        robot.interact(() -> {
            platform.getSelectionModel().select(Platform.PYPI);
            method.getSelectionModel().select(MfaMethod.TOTP);
        });

        robot.clickOn("#attestRecord");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> store.saved().mfaFor(Platform.PYPI).isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#attestMessage").queryLabeled().getText().startsWith("Recorded"));

        assertThat(store.saved().mfaFor(Platform.PYPI).orElseThrow().method()).isEqualTo(MfaMethod.TOTP);
        assertThat(robot.lookup("#attestMessage").queryLabeled().getText()).contains("PyPI", "can be phished");
        assertThat(robot.lookup("#attestDeclarations").queryAs(ListView.class).getItems())
                .containsExactly("PyPI: an authenticator app (TOTP codes), declared 2026-06-01");
    }
}
