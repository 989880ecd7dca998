package dev.hardening.auditor.core.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hardening.auditor.core.facts.workstation.IgnoredValue;
import dev.hardening.auditor.core.facts.workstation.InspectedSource;
import dev.hardening.auditor.core.facts.workstation.SafeStorage;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredential;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredentials;
import dev.hardening.auditor.core.tokens.CredentialKind;
import dev.hardening.auditor.core.tokens.FormatValidity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationScannerTest {
    @TempDir
    Path root;

    @Test
    void findsEveryPlantedCredentialWithItsKindAndLocation() {
        PlantedHome planted = PlantedHome.everything(root);
        String project = planted.project.resolve(".npmrc").toAbsolutePath().normalize().toString();

        WorkstationCredentials result = new WorkstationScanner(planted.local()).scan();

        assertThat(result.credentials()).extracting(WorkstationCredential::kind, WorkstationCredential::location,
                WorkstationCredential::target, WorkstationCredential::canPublish).containsExactlyInAnyOrder(
                tuple(CredentialKind.NPM_TOKEN, "~/.npmrc line 2", "registry.npmjs.org", true),
                tuple(CredentialKind.NPM_PASSWORD, "~/.npmrc line 5", "nexus.example/repository/npm", true),
                tuple(CredentialKind.NPM_LEGACY_TOKEN, project + " line 1", "registry.npmjs.org", true),
                tuple(CredentialKind.PYPI_TOKEN, "~/.pypirc line 8", "pypi.org", true),
                tuple(CredentialKind.GITHUB_OAUTH, "~/.config/gh/hosts.yml line 3", "github.com", true),
                tuple(CredentialKind.GITHUB_CLASSIC_PAT, "~/.git-credentials line 1", "github.com", true),
                tuple(CredentialKind.GIT_HOST_CREDENTIAL, "~/.git-credentials line 2", "gitlab.example.com", true),
                tuple(CredentialKind.AWS_LONG_LIVED_KEY, "~/.aws/credentials line 3", "profile default, key AKIA…ZAM2, account 052310077262", false),
                tuple(CredentialKind.AWS_TEMPORARY_KEY, "~/.aws/credentials line 7", "profile ci-session, key ASIA…VV7A, account 609629065308", false),
                tuple(CredentialKind.DOCKER_REGISTRY_AUTH, "~/.docker/config.json line 5", "ghcr.io", true),
                tuple(CredentialKind.GITHUB_CLASSIC_PAT, "~/.netrc line 1", "api.github.com", true),
                tuple(CredentialKind.NETRC_PASSWORD, "~/.netrc line 4", "files.example.org", false),
                tuple(CredentialKind.NPM_TOKEN, "environment variable NPM_TOKEN", "registry.npmjs.org", true),
                tuple(CredentialKind.SLACK_TOKEN, "environment variable SLACK_BOT_TOKEN", "", false));
    }

    @Test
    void noDecoyIsReportedAsACredentialAndEachIgnoredValueSaysWhy() {
        WorkstationCredentials result = new WorkstationScanner(PlantedHome.everything(root).local()).scan();

        assertThat(result.ignored()).extracting(IgnoredValue::location).containsExactlyInAnyOrder(
                "~/.npmrc line 3", "~/.npmrc line 4", "~/.pypirc line 12", "~/.git-credentials line 3",
                "~/.aws/credentials line 12", "~/.netrc line 5", "environment variable GH_TOKEN",
                "environment variable AWS_SECRET_ACCESS_KEY");
        assertThat(result.ignored()).filteredOn(i -> i.location().equals("~/.npmrc line 3")).first()
                .extracting(IgnoredValue::reason).asString().contains("GITHUB_TOKEN", "not set");
        assertThat(result.ignored()).filteredOn(i -> i.location().equals("~/.npmrc line 4")).first()
                .extracting(IgnoredValue::reason).asString().contains("checksum does not match");
        assertThat(result.ignored()).filteredOn(i -> i.location().contains("aws")).first()
                .extracting(IgnoredValue::reason).asString().contains("example");
    }

    @Test
    void noSecretValueSurvivesTheScan() {
        WorkstationCredentials result = new WorkstationScanner(PlantedHome.everything(root).local()).scan();
        String everything = result.toString();

        for (String secret : PlantedHome.secrets()) {
            assertThat(everything).as("a planted secret").doesNotContain(secret);
        }
        assertThat(result.credentials()).allSatisfy(c -> assertThat(c.fingerprint()).contains("sha256:"));
    }

    @Test
    void checksummedTokensAreMarkedValidAndOthersUnrecognised() {
        WorkstationCredentials result = new WorkstationScanner(PlantedHome.everything(root).local()).scan();

        assertThat(result.credentials()).filteredOn(c -> c.location().equals("~/.npmrc line 2"))
                .extracting(WorkstationCredential::validity).containsExactly(FormatValidity.CHECKSUM_VALID);
        assertThat(result.credentials()).filteredOn(c -> c.location().equals("~/.git-credentials line 2"))
                .extracting(WorkstationCredential::validity).containsExactly(FormatValidity.UNRECOGNISED);
        assertThat(result.credentials()).filteredOn(c -> c.kind() == CredentialKind.AWS_TEMPORARY_KEY)
                .extracting(WorkstationCredential::temporary).containsExactly(true);
    }

    @Test
    void credentialStoresAreNotedAsSafe() {
        WorkstationCredentials result = new WorkstationScanner(PlantedHome.everything(root).local()).scan();

        assertThat(result.safe()).extracting(SafeStorage::description).containsExactlyInAnyOrder(
                "the GitHub CLI keeps the token for ghe.example in the system keyring",
                "AWS profile work signs in through IAM Identity Center (SSO): short-lived credentials",
                "docker keeps registry credentials in the credential store desktop");
    }

    @Test
    void anEmptyHomeIsInspectedAndClean() {
        WorkstationCredentials result = new WorkstationScanner(new PlantedHome(root).local()).scan();

        assertThat(result.credentials()).isEmpty();
        assertThat(result.gaps()).isEmpty();
        assertThat(result.inspected()).extracting(InspectedSource::location).contains("~/.npmrc", "~/.pypirc",
                "~/.config/gh/hosts.yml", "~/.git-credentials", "~/.aws/credentials", "~/.docker/config.json", "~/.netrc", "environment");
        assertThat(result.inspected()).filteredOn(s -> s.location().equals("~/.npmrc")).extracting(InspectedSource::state)
                .containsExactly("absent");
    }

    @Test
    void variablesMoveTheFilesAsTheToolsDo() {
        PlantedHome planted = new PlantedHome(root);
        Path elsewhere = root.resolve("elsewhere");
        PlantedHome.writeTo(elsewhere.resolve("npmrc"), "//registry.npmjs.org/:_authToken=" + PlantedHome.NPM + "\n");
        PlantedHome.writeTo(elsewhere.resolve("xdg/gh/hosts.yml"), "github.com:\n  oauth_token: " + PlantedHome.GH_OAUTH + "\n");
        PlantedHome.writeTo(elsewhere.resolve("docker/config.json"), "{\"auths\":{\"ghcr.io\":{\"auth\":\""
                + PlantedHome.base64("u:" + PlantedHome.DOCKER_PASSWORD) + "\"}}}");
        planted.env.putAll(Map.of("NPM_CONFIG_USERCONFIG", elsewhere.resolve("npmrc").toString(),
                "XDG_CONFIG_HOME", elsewhere.resolve("xdg").toString(),
                "DOCKER_CONFIG", elsewhere.resolve("docker").toString()));

        WorkstationCredentials result = new WorkstationScanner(planted.local()).scan();

        assertThat(result.credentials()).extracting(WorkstationCredential::kind).containsExactlyInAnyOrder(
                CredentialKind.NPM_TOKEN, CredentialKind.GITHUB_OAUTH, CredentialKind.DOCKER_REGISTRY_AUTH);
        assertThat(result.credentials()).extracting(WorkstationCredential::file)
                .allSatisfy(f -> assertThat(f).startsWith(elsewhere.toString()));
    }

    @Test
    void windowsKeepsTheGitHubCliInAppDataAndNetrcAsUnderscoreNetrc() {
        PlantedHome planted = new PlantedHome(root);
        Path appData = planted.home.resolve("AppData").resolve("Roaming");
        PlantedHome.writeTo(appData.resolve("GitHub CLI").resolve("hosts.yml"), "github.com:\n  oauth_token: " + PlantedHome.GH_OAUTH + "\n");
        planted.write("_netrc", "machine api.github.com login me password " + PlantedHome.GH_NETRC + "\n");
        planted.env.put("APPDATA", appData.toString());

        WorkstationCredentials result = new WorkstationScanner(planted.local(OsFamily.WINDOWS)).scan();

        assertThat(result.credentials()).extracting(WorkstationCredential::file)
                .containsExactlyInAnyOrder("~/AppData/Roaming/GitHub CLI/hosts.yml", "~/_netrc");
    }

    @Test
    void unreadableOrHugeFilesAreGapsNotCrashes() throws Exception {
        PlantedHome planted = new PlantedHome(root);
        planted.write(".netrc", "machine a login b password c\n".repeat(50_000));
        Files.createDirectories(planted.home.resolve(".pypirc"));

        WorkstationCredentials result = new WorkstationScanner(planted.local()).scan();

        assertThat(result.gaps()).singleElement().satisfies(g -> assertThat(g.reason()).contains("~/.netrc", "larger than"));
        assertThat(result.inspected()).filteredOn(s -> s.location().equals("~/.pypirc")).extracting(InspectedSource::state)
                .containsExactly("absent");
    }

    @Test
    void malformedStructuredFilesAreGaps() {
        PlantedHome planted = new PlantedHome(root);
        planted.write(".docker/config.json", "{\"auths\": {\"ghcr.io\": {\"auth\": ");
        planted.write(".config/gh/hosts.yml", "github.com: [unclosed\n  oauth_token: x");

        WorkstationCredentials result = new WorkstationScanner(planted.local()).scan();

        assertThat(result.gaps()).extracting(g -> g.reason()).anySatisfy(r -> assertThat(r).contains("config.json", "not valid JSON"))
                .anySatisfy(r -> assertThat(r).contains("hosts.yml", "not valid YAML"));
        assertThat(result.credentials()).isEmpty();
    }

    @Test
    void everyReadGoesThroughTheHome() {
        PlantedHome planted = new PlantedHome(root);

        List<Path> read = new WorkstationScanner(planted.local()).locations();

        assertThat(read).allSatisfy(p -> assertThat(p.toAbsolutePath().normalize().startsWith(planted.home)
                || p.toAbsolutePath().normalize().startsWith(planted.project)).as(p.toString()).isTrue());
    }
}
