package dev.hardening.auditor.core.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialLocationsTest {
    private static final Path HOME = Path.of("/home/me").toAbsolutePath();

    private static CredentialLocations where(OsFamily os, Map<String, String> env) {
        return new CredentialLocations(new LocalHome(os, HOME, HOME, env));
    }

    @Test
    void defaultsOnLinuxAndMac() {
        for (OsFamily os : new OsFamily[] {OsFamily.LINUX, OsFamily.MAC}) {
            CredentialLocations w = where(os, Map.of());
            assertThat(w.npmUserConfig()).isEqualTo(HOME.resolve(".npmrc"));
            assertThat(w.ghHosts()).isEqualTo(HOME.resolve(".config/gh/hosts.yml"));
            assertThat(w.awsCredentials()).isEqualTo(HOME.resolve(".aws/credentials"));
            assertThat(w.dockerConfig()).isEqualTo(HOME.resolve(".docker/config.json"));
            assertThat(w.netrc()).containsExactly(HOME.resolve(".netrc"));
            assertThat(w.gitCredentials()).containsExactly(HOME.resolve(".git-credentials"), HOME.resolve(".config/git/credentials"));
        }
    }

    @Test
    void variablesTheToolsHonour() {
        Path elsewhere = Path.of("/opt/elsewhere").toAbsolutePath();
        CredentialLocations w = where(OsFamily.LINUX, Map.of(
                "npm_config_userconfig", elsewhere.resolve("npmrc").toString(),
                "GH_CONFIG_DIR", elsewhere.resolve("gh").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", elsewhere.resolve("aws-creds").toString(),
                "NETRC", elsewhere.resolve("netrc").toString(),
                "XDG_CONFIG_HOME", "relative/ignored"));

        assertThat(w.npmUserConfig()).isEqualTo(elsewhere.resolve("npmrc"));
        assertThat(w.ghHosts()).isEqualTo(elsewhere.resolve("gh/hosts.yml"));
        assertThat(w.awsCredentials()).isEqualTo(elsewhere.resolve("aws-creds"));
        assertThat(w.netrc()).containsExactly(elsewhere.resolve("netrc"));
        assertThat(w.gitCredentials()).contains(HOME.resolve(".config/git/credentials"));
    }

    @Test
    void windowsKeepsTheGitHubCliInAppDataAndReadsUnderscoreNetrc() {
        CredentialLocations w = where(OsFamily.WINDOWS, Map.of());

        assertThat(w.ghHosts()).isEqualTo(HOME.resolve("AppData/Roaming/GitHub CLI/hosts.yml"));
        assertThat(w.netrc()).containsExactly(HOME.resolve("_netrc"), HOME.resolve(".netrc"));
    }

    @Test
    void aTildeInAVariableIsTheHome() {
        assertThat(where(OsFamily.LINUX, Map.of("NPM_CONFIG_USERCONFIG", "~/dotfiles/npmrc")).npmUserConfig())
                .isEqualTo(HOME.resolve("dotfiles/npmrc"));
    }
}
