package dev.hardening.auditor.core.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hardening.auditor.core.facts.workstation.WorkstationCredential;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredentials;
import dev.hardening.auditor.core.tokens.CredentialKind;
import dev.hardening.auditor.core.tokens.SampleTokens;
import dev.hardening.auditor.core.tokens.TokenRecognizers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The smaller corners of each format, parsed from text alone. */
class FileFormatsTest {
    private static final String GHO = SampleTokens.withChecksum("gho_", "Wq8Er4Ty6Ui2Op0As5Df7Gh9Jk3Lz1");

    private static WorkstationCredentials parse(WorkstationScanner.FileParser parser, String text) {
        ScanResults out = new ScanResults(new CredentialClassifier(TokenRecognizers.standard(), Map.of()));
        parser.parse(text, "file", out);
        return out.build();
    }

    @Test
    void ghMultiAccountHostsKeepOneTokenPerAccount() {
        WorkstationCredentials result = parse(GhHostsParser::parse, """
                github.com:
                    users:
                        alice:
                            oauth_token: %s
                        bob:
                    git_protocol: https
                    user: alice
                """.formatted(GHO));

        assertThat(result.credentials()).extracting(WorkstationCredential::target, WorkstationCredential::line)
                .containsExactly(tuple("github.com (account alice)", 4));
        assertThat(result.safe()).isEmpty();
    }

    @Test
    void gitCredentialsArePercentDecodedAndLinesWithoutPasswordSkipped() {
        WorkstationCredentials result = parse(GitCredentialsParser::parse, """
                https://user@example.org
                https://me:p%40ss%2Bw%C3%B6rd@git.example.org:8443/path
                not a url
                """);

        assertThat(result.credentials()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CredentialKind.GIT_HOST_CREDENTIAL);
            assertThat(c.target()).isEqualTo("git.example.org:8443");
            assertThat(c.field()).isEqualTo("https://me:***@git.example.org:8443");
            assertThat(c.line()).isEqualTo(2);
        });
        assertThat(GitCredentialsParser.percentDecode("p%40ss%2Bw%C3%B6rd+x%zz")).isEqualTo("p@ss+wörd+x%zz");
    }

    @Test
    void netrcQuotedTokensMacrosAndMultiLineEntries() {
        WorkstationCredentials result = parse(NetrcParser::parse, """
                macdef init
                password not-a-password-in-a-macro

                machine registry.npmjs.org
                    login me
                    password "quoted secret value"
                machine upload.pypi.org login __token__ password pypi-short
                """);

        assertThat(result.credentials()).extracting(WorkstationCredential::target, WorkstationCredential::line,
                WorkstationCredential::canPublish).containsExactly(
                tuple("registry.npmjs.org", 6, true));
        assertThat(result.ignored()).extracting(i -> i.location()).containsExactly("file line 7");
    }

    @Test
    void dockerIdentityTokensAndHelpers() {
        WorkstationCredentials result = parse(DockerConfigParser::parse, """
                {"auths": {"registry.example.com": {"identitytoken": "eyJhbGciOi-long-identity-token"}},
                 "credHelpers": {"gcr.io": "gcloud"}}
                """);

        assertThat(result.credentials()).extracting(WorkstationCredential::target, WorkstationCredential::kind)
                .containsExactly(tuple("registry.example.com", CredentialKind.DOCKER_REGISTRY_AUTH));
        assertThat(result.safe()).extracting(s -> s.description()).containsExactly("docker uses the credential helper gcloud for gcr.io");
    }

    @Test
    void npmSettingsFromTheEnvironmentAndTokensInAnyVariable() {
        ScanResults out = new ScanResults(new CredentialClassifier(TokenRecognizers.standard(), Map.of()));

        EnvironmentCredentials.scan(Map.of("npm_config__authToken", SampleTokens.NPM, "CI_DEPLOY", GHO, "HOME", "/home/me",
                "TWINE_USERNAME", "__token__", "TWINE_PASSWORD", "unrecognised-token-value"), TokenRecognizers.standard(), out);

        assertThat(out.build().credentials()).extracting(WorkstationCredential::variable, WorkstationCredential::kind)
                .containsExactlyInAnyOrder(tuple("npm_config__authToken", CredentialKind.NPM_TOKEN),
                        tuple("CI_DEPLOY", CredentialKind.GITHUB_OAUTH), tuple("TWINE_PASSWORD", CredentialKind.PYPI_TOKEN));
    }

    @Test
    void pypircPasswordsAndCustomIndexes() {
        WorkstationCredentials result = parse(PypircParser::parse, """
                [server-login]
                username = olduser
                password = hunter2-old-password

                [internal]
                repository = https://pypi.internal.example/simple/
                username = ci
                password = build-secret-value
                """);

        assertThat(result.credentials()).extracting(WorkstationCredential::kind, WorkstationCredential::target,
                WorkstationCredential::canPublish).containsExactly(
                tuple(CredentialKind.PYPI_PASSWORD, "pypi.org", false),
                tuple(CredentialKind.PYPI_PASSWORD, "pypi.internal.example", true));
    }
}
