package dev.hardening.auditor.desktop.setup;

import dev.hardening.auditor.desktop.common.Nodes;
import dev.hardening.auditor.desktop.system.FileDialogs;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Welcome and setup: try the demo, or name the accounts and packages to audit and store the
 * credentials each check needs (with the least privilege and a link to create them). Typed
 * credentials leave their field as soon as they are saved.
 */
public final class SetupView extends ScrollPane {
    private final SetupViewModel viewModel;
    private final FileDialogs files;
    private final Button tryDemo = new Button("Try the _demo");

    /**
     * @param onTryDemo runs the demo audit
     * @param onRun     runs the audit the fields describe (after {@link SetupViewModel#plan()})
     */
    public SetupView(SetupViewModel viewModel, FileDialogs files, Runnable onTryDemo, Runnable onRun) {
        this.viewModel = viewModel;
        this.files = files;
        getStyleClass().add("screen-scroll");
        setFitToWidth(true);
        setId("setupScreen");

        tryDemo.setId("tryDemo");
        tryDemo.getStyleClass().add("primary-button");
        tryDemo.setOnAction(event -> onTryDemo.run());
        tryDemo.setAccessibleHelp("Runs every check on a fictional maintainer, offline, without any token");

        Button run = new Button("_Run the audit");
        run.setId("runAudit");
        run.getStyleClass().add("primary-button");
        run.setOnAction(event -> onRun.run());
        Label message = Nodes.wrapped("", "form-message");
        message.setId("setupMessage");
        message.textProperty().bind(viewModel.messageProperty());

        VBox content = new VBox(
                Nodes.screenTitle("Welcome"),
                Nodes.wrapped("How hard would it be to take over your accounts and publish a malicious version, and"
                        + " what exactly should be done about it today? The auditor reads GitHub, npm, PyPI, Have I Been"
                        + " Pwned, RDAP and this workstation, and answers with a hardening checklist.", "lead"),
                Nodes.card("New here? Try the demo",
                        Nodes.wrapped("The demo runs every check on a fictional maintainer in a bundled, offline world:"
                                + " no token, no network, and every screen says DEMO.", "muted"),
                        tryDemo),
                Nodes.card("What to audit", targets()),
                Nodes.card("Credentials", credentials()),
                Nodes.card("Run", Nodes.wrapped("The audit runs in the background; the Run screen shows each source"
                        + " and can stop it at once, keeping what finished.", "muted"), new HBox(run), message));
        content.getStyleClass().add("screen");
        setContent(content);
    }

    /** The button that starts the demo, for the window's initial focus. */
    public Button tryDemoButton() {
        return tryDemo;
    }

    private GridPane targets() {
        GridPane grid = formGrid();
        int row = 0;
        row = field(grid, row, "_GitHub users", "setupGithubUsers", "octocat", viewModel.githubUsersProperty());
        row = field(grid, row, "GitHub organisations", "setupGithubOrgs", "my-org", viewModel.githubOrgsProperty());
        row = field(grid, row, "npm users", "setupNpmUsers", "their packages are audited", viewModel.npmUsersProperty());
        row = field(grid, row, "npm packages", "setupNpmPackages", "left-pad, @scope/name", viewModel.npmPackagesProperty());
        row = field(grid, row, "PyPI users", "setupPypiUsers", "their projects are audited", viewModel.pypiUsersProperty());
        row = field(grid, row, "PyPI projects", "setupPypiProjects", "requests, my-lib", viewModel.pypiProjectsProperty());
        row = field(grid, row, "Email addresses", "setupEmails", "checked for domain expiry and breaches",
                viewModel.emailsProperty());

        TextField policy = new TextField();
        policy.setId("setupPolicyFile");
        policy.setPromptText("team policy (YAML): roster, waivers, snapshot cadence");
        policy.textProperty().bindBidirectional(viewModel.policyFileProperty());
        Button browse = new Button("Bro_wse…");
        browse.setId("browsePolicy");
        browse.setOnAction(event -> files.open("Team policy", "Policy files", List.of(".yaml", ".yml"))
                .ifPresent(path -> viewModel.policyFileProperty().set(path.toString())));
        HBox policyRow = new HBox(policy, browse);
        policyRow.getStyleClass().add("row");
        HBox.setHgrow(policy, Priority.ALWAYS);
        Label policyLabel = new Label("Policy file");
        policyLabel.setLabelFor(policy);
        policyLabel.setMnemonicParsing(true);
        grid.addRow(row++, policyLabel, policyRow);

        CheckBox workstation = new CheckBox("_Inspect this workstation for credentials an install script could steal"
                + " (reported by kind, file and fingerprint, never by value)");
        workstation.setId("setupWorkstation");
        workstation.setWrapText(true);
        workstation.selectedProperty().bindBidirectional(viewModel.workstationProperty());
        grid.add(workstation, 1, row);
        return grid;
    }

    private static int field(GridPane grid, int row, String label, String id, String prompt, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        Label name = new Label(label);
        name.setLabelFor(field);
        name.setMnemonicParsing(true);
        name.setMinWidth(Label.USE_PREF_SIZE);
        grid.addRow(row, name, field);
        return row + 1;
    }

    private VBox credentials() {
        Label store = Nodes.wrapped("", "muted");
        store.setId("credentialStore");
        store.textProperty().bind(viewModel.storeTextProperty());

        PasswordField passphrase = new PasswordField();
        passphrase.setId("credentialPassphrase");
        passphrase.setPromptText("passphrase of the encrypted credentials file (8 characters or more)");
        passphrase.setAccessibleText("Passphrase of the encrypted credentials file; it is not shown");
        Button unlock = new Button("U_nlock");
        unlock.setId("unlockCredentials");
        unlock.setOnAction(event -> viewModel.unlock(take(passphrase)));
        passphrase.setOnAction(event -> viewModel.unlock(take(passphrase)));
        HBox passphraseRow = new HBox(passphrase, unlock);
        passphraseRow.getStyleClass().add("row");
        HBox.setHgrow(passphrase, Priority.ALWAYS);
        passphraseRow.visibleProperty().bind(viewModel.passphraseNeededProperty());
        passphraseRow.managedProperty().bind(passphraseRow.visibleProperty());

        VBox box = new VBox(store, passphraseRow);
        box.getStyleClass().add("stack");
        for (CredentialSlot slot : CredentialSlot.values()) {
            box.getChildren().add(credential(slot));
        }
        return box;
    }

    private VBox credential(CredentialSlot slot) {
        Label name = Nodes.heading(slot.displayName());
        name.getStyleClass().add("subheading");
        Label status = Nodes.wrapped("", "credential-status");
        status.setId("credentialStatus-" + slot.id());
        status.textProperty().bind(viewModel.credentialStatusProperty(slot));

        PasswordField value = new PasswordField();
        value.setId("credentialValue-" + slot.id());
        value.setPromptText("paste the " + slot.displayName() + " (" + slot.environmentVariable() + " is used when none is stored)");
        value.setAccessibleText(slot.displayName() + "; it is not shown and is stored only when you press Store");
        Button save = new Button("Store");
        save.setId("credentialSave-" + slot.id());
        save.setAccessibleText("Store the " + slot.displayName());
        save.setOnAction(event -> viewModel.saveCredential(slot, take(value)));
        value.setOnAction(event -> viewModel.saveCredential(slot, take(value)));
        Button forget = new Button("Remove");
        forget.setId("credentialForget-" + slot.id());
        forget.setAccessibleText("Remove the stored " + slot.displayName());
        forget.disableProperty().bind(viewModel.credentialStoredProperty(slot).not());
        forget.setOnAction(event -> viewModel.forgetCredential(slot));
        HBox valueRow = new HBox(value, save, forget);
        valueRow.getStyleClass().add("row");
        valueRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(value, Priority.ALWAYS);

        Hyperlink create = new Hyperlink("Create one: " + slot.createUrl());
        create.setId("credentialCreate-" + slot.id());
        create.setMnemonicParsing(false);
        create.setWrapText(true);
        create.setTooltip(new Tooltip(slot.createUrl()));
        create.setOnAction(event -> viewModel.openCreatePage(slot));

        FlowPane header = new FlowPane(name, status);
        header.getStyleClass().add("row");
        VBox box = new VBox(header, Nodes.wrapped(slot.leastPrivilege(), "muted"), valueRow, create);
        box.getStyleClass().addAll("credential", "stack-tight");
        return box;
    }

    /** The typed characters, with the field emptied at once: the value is not kept in the scene graph. */
    private static char[] take(PasswordField field) {
        CharSequence typed = field.getCharacters();
        char[] chars = new char[typed.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = typed.charAt(i);
        }
        field.clear();
        return chars;
    }

    private static GridPane formGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }
}
