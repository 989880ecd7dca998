package dev.hardening.auditor.desktop.main;

import static dev.hardening.auditor.desktop.testing.FxWindow.rows;
import static dev.hardening.auditor.desktop.testing.FxWindow.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.audit.BackgroundOnlyAuditLauncher;
import dev.hardening.auditor.desktop.audit.DemoAuditLauncher;
import dev.hardening.auditor.desktop.detail.CheckCatalog;
import dev.hardening.auditor.desktop.team.TeamMatrix;
import dev.hardening.auditor.desktop.testing.FxWindow;
import dev.hardening.auditor.desktop.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real engine on the bundled demo world, in the real window, headless: what a newcomer sees
 * after "Try the demo", screen by screen. No audit step may run on the UI thread.
 */
@ExtendWith(ApplicationExtension.class)
class DemoWorldEndToEndFxTest {
    private static final CheckRegistry REGISTRY = CheckRegistry.load();

    @TempDir
    Path dir;

    private BackgroundOnlyAuditLauncher launcher;
    private FxWindow window;

    @Start
    void start(Stage stage) {
        launcher = BackgroundOnlyAuditLauncher.offFxThread(new DemoAuditLauncher(REGISTRY));
        TestServices services = new TestServices(launcher);
        services.catalog = CheckCatalog.of(REGISTRY);
        window = new FxWindow(services).show(stage, 1280, 800, ToolDialogs.none());
    }

    @AfterEach
    void stop() {
        window.stop();
    }

    @Test
    void the_demo_fills_every_screen_without_running_audit_work_on_the_ui_thread(FxRobot robot) throws Exception {
        robot.clickOn("#tryDemo");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#statusLine").queryLabeled().getText().startsWith("Done:"));
        FxWindow.waitUntil(() -> window.viewModel.history().snapshots().size() == 3);

        // Run: every source that the demo reads shows its requests and checks.
        assertThat(launcher.events()).isGreaterThan(100);
        assertThat(launcher.eventsOnUiThread()).as("audit steps that ran on the UI thread").isZero();
        var sources = window.viewModel.auditRun().progress().sources();
        assertThat(sources.stream().filter(s -> s.requestsDone() > 0).map(s -> s.platform().displayName()).toList())
                .contains("GitHub", "npm", "PyPI", "RDAP");
        assertThat(sources.stream().filter(s -> s.checksDone() > 0).map(s -> s.platform().displayName()).toList())
                .contains("GitHub", "npm", "PyPI", "Have I Been Pwned", "RDAP", "Workstation");

        // Checklist: every kind of verdict, with evidence and the fix.
        List<Finding> findings = rows(robot);
        Set<Status> statuses = findings.stream().map(Finding::status).collect(Collectors.toSet());
        assertThat(findings.stream().map(Finding::check).distinct().count()).isGreaterThanOrEqualTo(20);
        assertThat(statuses).contains(Status.PASS, Status.FAIL, Status.WARN, Status.UNKNOWN, Status.ATTESTED,
                Status.NOT_APPLICABLE);
        assertThat(robot.lookup("#demoBanner").queryAs(Label.class).isVisible()).isTrue();
        Finding fail = findings.stream().filter(f -> f.status() == Status.FAIL && !f.remediation().isEmpty())
                .findFirst().orElseThrow();
        robot.interact(() -> window.viewModel.checklist().selectedFindingProperty().set(fail));
        WaitForAsyncUtils.waitForFxEvents();
        String shown = String.join("\n", texts(robot, "#detail"));
        assertThat(shown).contains(fail.message()).contains(fail.evidence().get(0).value())
                .contains(fail.remediation().get(0).text());

        // Team: the demo's packages and their publishers.
        robot.clickOn("#nav-team");
        @SuppressWarnings("unchecked")
        TableView<TeamMatrix.PublisherRow> matrix = robot.lookup("#teamMatrix").queryAs(TableView.class);
        assertThat(matrix.getItems()).extracting(TeamMatrix.PublisherRow::label)
                .contains("npm: quill-dev", "npm: dex-holloway", "pypi: rquill");
        assertThat(matrix.getColumns().stream().map(c -> c.getText()).toList())
                .contains("Second factor", "Long-lived tokens", "Signing keys", "Breached addresses", "npm:@inkwell/cli");

        // History: the illustrative curve and what changed.
        robot.clickOn("#nav-history");
        @SuppressWarnings("unchecked")
        LineChart<String, Number> chart = robot.lookup("#historyChart").queryAs(LineChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(3);
        FxWindow.waitUntil(() -> !window.viewModel.history().diff().isEmpty());
        assertThat(robot.lookup("#historyDiffSummary").queryLabeled().getText()).contains("resolved");

        // Export: the Markdown checklist says DEMO.
        robot.clickOn("#nav-export");
        Path out = dir.resolve("demo.md");
        window.files.saveTo = out;
        robot.clickOn("#export-markdown");
        FxWindow.waitUntil(() -> Files.exists(out));
        assertThat(Files.readString(out)).contains("DEMO REPORT", "# Maintainer hardening checklist");
        assertThat(launcher.eventsOnUiThread()).isZero();
    }
}
