package dev.hardening.auditor.desktop.setup;

import static dev.hardening.auditor.desktop.testing.FxWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.main.Screen;
import dev.hardening.auditor.desktop.main.ToolDialogs;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.FxWindow;
import dev.hardening.auditor.desktop.testing.SampleReports;
import dev.hardening.auditor.desktop.testing.SceneText;
import dev.hardening.auditor.desktop.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Setup screen in the real window, headless: typing targets and a token, by mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class SetupFxTest {
    private static final String TOKEN = "ghp_SetupFxKnownToken0123456789abcdefABCD";

    @TempDir
    static Path dir;

    private FxWindow window;
    private final List<String> planned = new ArrayList<>();

    @Start
    void start(Stage stage) {
        TestServices services = new TestServices(FakeAuditLauncher.completing());
        services.preferences = SetupPreferences.file(dir.resolve("desktop-setup.json"), UiThreadGuard.fx());
        FakeAuditLauncher real = new FakeAuditLauncher(SampleReports.everyStatus(false), List.of());
        services.realLauncher = plan -> {
            planned.add(plan.describe());
            return real;
        };
        window = new FxWindow(services).show(stage, 1100, 760, ToolDialogs.none());
    }

    @AfterEach
    void stop() {
        window.stop();
    }

    @Test
    void a_token_typed_into_setup_is_stored_and_never_appears_in_the_scene_or_the_preferences(FxRobot robot) throws Exception {
        PasswordField field = robot.lookup("#credentialValue-github").queryAs(PasswordField.class);
        robot.interact(() -> field.requestFocus());
        robot.write(TOKEN);
        assertThat(field.getText()).isEqualTo(TOKEN);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#credentialStatus-github").queryLabeled().getText().startsWith("✔ Stored ("));

        assertThat(window.services.credentials.contents()).containsEntry("github-token", TOKEN);
        assertThat(field.getText()).as("the field is emptied as soon as the value is taken").isEmpty();
        List<String> texts = onFx(SceneText::ofAllWindows);
        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains(TOKEN) || t.contains(TOKEN.substring(4, 20)));
        assertThat(robot.lookup("#setupMessage").queryLabeled().getText()).startsWith("Stored the GitHub token (");

        robot.clickOn("#setupGithubUsers").write("quill-dev");
        // The button is below the fold: its mnemonic (Alt+R) runs it.
        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
        waitUntil(() -> Files.exists(dir.resolve("desktop-setup.json")));
        assertThat(planned).containsExactly("github-user:quill-dev");
        assertThat(Files.readString(dir.resolve("desktop-setup.json"))).contains("quill-dev").doesNotContain(TOKEN)
                .doesNotContain("ghp_");
        waitUntil(() -> window.viewModel.screenProperty().get() == Screen.CHECKLIST);
        assertThat(onFx(SceneText::ofAllWindows)).noneMatch(t -> t.contains(TOKEN));
    }

    @Test
    void tab_walks_from_the_demo_button_through_the_targets_and_a_mnemonic_jumps_to_a_field(FxRobot robot) {
        assertThat(robot.lookup("#tryDemo").queryButton().isFocused()).isTrue();
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node focused = robot.lookup("#setupScreen").query().getScene().getFocusOwner();
            visited.add(focused.getId());
        }
        assertThat(visited).containsSubsequence("setupGithubUsers", "setupGithubOrgs", "setupNpmUsers", "setupNpmPackages",
                "setupPypiUsers", "setupPypiProjects", "setupEmails", "setupPolicyFile");

        robot.press(KeyCode.ALT, KeyCode.G).release(KeyCode.G, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#setupGithubUsers").query().isFocused()).isTrue();
    }

    @Test
    void every_credential_shows_its_least_privilege_and_a_link_to_create_it(FxRobot robot) {
        for (CredentialSlot slot : CredentialSlot.values()) {
            robot.interact(() -> robot.lookup("#credentialCreate-" + slot.id()).query().requestFocus());
            robot.type(KeyCode.SPACE);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(window.services.desktop.opened()).containsExactly(
                CredentialSlot.GITHUB.createUrl(), CredentialSlot.NPM.createUrl(), CredentialSlot.HIBP.createUrl(),
                CredentialSlot.PYPI.createUrl());
        List<String> texts = SceneText.of(robot.lookup("#setupScreen").query());
        for (CredentialSlot slot : CredentialSlot.values()) {
            assertThat(texts).contains(slot.leastPrivilege());
        }
        assertThat(robot.lookup("#credentialStore").queryLabeled().getText()).contains("the OS keychain (test)");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }
}
