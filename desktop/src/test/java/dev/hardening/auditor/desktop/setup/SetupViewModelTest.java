package dev.hardening.auditor.desktop.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.testing.InMemoryCredentialStore;
import dev.hardening.auditor.desktop.testing.RecordingDesktop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Setup screen's view model, on the test thread without a toolkit. */
class SetupViewModelTest {
    private static final String TOKEN = "ghp_SetupTestToken0123456789abcdefABCDEF";

    @TempDir
    Path dir;

    private final InMemoryCredentialStore keychain = new InMemoryCredentialStore();
    private final RecordingDesktop desktop = new RecordingDesktop();

    private SetupViewModel setup(SetupPreferences preferences, Map<String, String> environment) {
        CredentialVault vault = new CredentialVault(p -> keychain, environment, UiThreadGuard.none());
        SetupViewModel model = new SetupViewModel(vault, preferences, new CurrentThreadTaskExecutor(), desktop);
        model.load();
        return model;
    }

    @Test
    void a_typed_token_goes_to_the_store_the_array_is_wiped_and_only_its_fingerprint_is_shown() {
        SetupViewModel setup = setup(SetupPreferences.inMemory(SetupFields.empty()), Map.of());
        assertThat(setup.credentialStatusProperty(CredentialSlot.GITHUB).get()).startsWith("– Not set");
        char[] typed = TOKEN.toCharArray();

        setup.saveCredential(CredentialSlot.GITHUB, typed);

        assertThat(typed).containsOnly('\0');
        assertThat(keychain.contents()).containsEntry("github-token", TOKEN);
        assertThat(setup.credentialStatusProperty(CredentialSlot.GITHUB).get()).startsWith("✔ Stored (").doesNotContain(TOKEN);
        assertThat(setup.messageProperty().get()).startsWith("Stored the GitHub token (").doesNotContain(TOKEN);
        assertThat(setup.credentialStoredProperty(CredentialSlot.GITHUB).get()).isTrue();
        assertThat(setup.storeTextProperty().get()).contains("the OS keychain (test)").contains("never in a plain file");

        setup.forgetCredential(CredentialSlot.GITHUB);
        assertThat(keychain.contents()).doesNotContainKey("github-token");
        assertThat(setup.credentialStoredProperty(CredentialSlot.GITHUB).get()).isFalse();
    }

    @Test
    void an_empty_field_stores_nothing_and_says_so() {
        SetupViewModel setup = setup(SetupPreferences.inMemory(SetupFields.empty()), Map.of());

        setup.saveCredential(CredentialSlot.NPM, "   ".toCharArray());

        assertThat(keychain.contents()).isEmpty();
        assertThat(setup.messageProperty().get()).isEqualTo("Paste the npm token into its field first.");
    }

    @Test
    void a_token_from_the_environment_is_shown_as_such() {
        SetupViewModel setup = setup(SetupPreferences.inMemory(SetupFields.empty()), Map.of("HIBP_API_KEY", "0123456789abcdef0123456789abcdef"));

        assertThat(setup.credentialStatusProperty(CredentialSlot.HIBP).get()).startsWith("✔ From HIBP_API_KEY in the environment (")
                .doesNotContain("0123456789abcdef0123456789abcdef");
    }

    @Test
    void every_credential_names_its_least_privilege_and_opens_the_page_that_creates_it() {
        SetupViewModel setup = setup(SetupPreferences.inMemory(SetupFields.empty()), Map.of());
        for (CredentialSlot slot : CredentialSlot.values()) {
            assertThat(slot.leastPrivilege()).as(slot.name()).isNotBlank();
            setup.openCreatePage(slot);
        }
        assertThat(desktop.opened()).containsExactly("https://github.com/settings/personal-access-tokens/new",
                "https://docs.npmjs.com/creating-and-viewing-access-tokens", "https://haveibeenpwned.com/API/Key",
                "https://pypi.org/manage/account/token/");
    }

    @Test
    void the_targets_become_a_plan_and_are_remembered_in_the_preferences_file_without_any_credential() throws Exception {
        Path file = dir.resolve("desktop-setup.json");
        SetupViewModel setup = setup(SetupPreferences.file(file, UiThreadGuard.none()), Map.of());
        setup.saveCredential(CredentialSlot.GITHUB, TOKEN.toCharArray());
        setup.githubUsersProperty().set("quill-dev");
        setup.githubOrgsProperty().set("inkwell");
        setup.npmPackagesProperty().set("@inkwell/cli, inkwell-core");
        setup.pypiProjectsProperty().set("inkwell");
        setup.emailsProperty().set("rquill@example.org");
        setup.workstationProperty().set(true);
        setup.policyFileProperty().set(dir.resolve("policy.yaml").toString());

        Optional<AuditPlan> plan = setup.plan();

        assertThat(plan).isPresent();
        assertThat(plan.get().targets().githubUsers()).containsExactly("quill-dev");
        assertThat(plan.get().targets().githubOrgs()).containsExactly("inkwell");
        assertThat(plan.get().targets().npmPackages()).containsExactly("@inkwell/cli", "inkwell-core");
        assertThat(plan.get().targets().workstation()).isTrue();
        assertThat(plan.get().policyFile()).contains(dir.resolve("policy.yaml"));
        String saved = Files.readString(file);
        assertThat(saved).contains("quill-dev", "@inkwell/cli").doesNotContain(TOKEN).doesNotContain("ghp_");

        SetupViewModel next = setup(SetupPreferences.file(file, UiThreadGuard.none()), Map.of());
        assertThat(next.fields()).isEqualTo(setup.fields());
    }

    @Test
    void nothing_to_audit_gives_the_reason_and_no_plan() {
        SetupViewModel setup = setup(SetupPreferences.inMemory(SetupFields.empty()), Map.of());

        assertThat(setup.plan()).isEmpty();
        assertThat(setup.messageProperty().get()).startsWith("Nothing to audit yet");
    }

    @Test
    void a_stored_token_alone_is_enough_to_audit_its_own_account() {
        SetupViewModel setup = setup(SetupPreferences.inMemory(SetupFields.empty()), Map.of());
        setup.saveCredential(CredentialSlot.NPM, "npm_OwnAccountToken000000000000000000000".toCharArray());

        assertThat(setup.plan()).isPresent();
    }

    @Test
    void a_malformed_name_is_refused_with_the_field_it_is_in() {
        SetupViewModel setup = setup(SetupPreferences.inMemory(SetupFields.empty()), Map.of());
        setup.npmPackagesProperty().set("left-pad, bad;name");

        assertThat(setup.plan()).isEmpty();
        assertThat(setup.messageProperty().get()).startsWith("npm packages");
    }
}
