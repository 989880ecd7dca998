package dev.hardening.auditor.desktop.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real password check view, headless: the check runs off the FX thread and the password shows nowhere. */
@ExtendWith(ApplicationExtension.class)
class PasswordCheckFxTest {
    private static final String PASSWORD = "Tr0ub4dor&3";
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        PasswordCheckViewModel vm = new PasswordCheckViewModel(password -> {
            threads.add(Thread.currentThread().getName());
            return new PwnedPassword(new String(password).equals(PASSWORD) ? 42 : 0, 600);
        }, tasks, result -> Optional.empty());
        stage.setScene(new Scene(new PasswordCheckView(vm), 600, 300));
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    @Test
    void explainsWhatLeavesTheMachine(FxRobot robot) {
        assertThat(robot.lookup("#passwordExplanation").queryLabeled().getText())
                .contains("Only the first 5 of the hash's 40 hexadecimal characters are sent", "not stored");
    }

    @Test
    void checksOffTheFxThreadAndClearsTheField(FxRobot robot) throws TimeoutException {
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.clickOn("#checkPassword");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#passwordStatus").queryLabeled().getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(threads).singleElement().satisfies(t -> assertThat(t).startsWith(FxTaskExecutor.THREAD_PREFIX));
        assertThat(robot.lookup("#passwordStatus").queryLabeled().getText()).contains(Status.FAIL.name());
        assertThat(robot.lookup("#passwordResult").queryLabeled().getText()).contains("42 times");
        assertThat(robot.lookup("#passwordField").queryAs(PasswordField.class).getText()).isEmpty();
        for (Node label : robot.lookup(".label").queryAll()) {
            assertThat(((Labeled) label).getText()).doesNotContain(PASSWORD);
        }
    }
}
