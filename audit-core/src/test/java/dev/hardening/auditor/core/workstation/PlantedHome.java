package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.testing.Fixtures;
import dev.hardening.auditor.core.tokens.SampleTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake home in a temporary directory, planted with a credential of every kind the scan knows and
 * with decoys (placeholders, documented examples, tokens with a wrong checksum). Every secret is
 * listed in {@link #secrets()} so that tests can prove none of them reaches any output.
 */
public final class PlantedHome {
    // Real-shaped values: checksum-valid where the kind has a checksum.
    public static final String NPM = SampleTokens.withChecksum("npm_", "Qm7tRw2Kp9Lx4Vb8Nc3Zs6Hd1Fg0Jy");
    public static final String NPM_ENV = SampleTokens.withChecksum("npm_", "Ab3Cd5Ef7Gh9Jk2Lm4Np6Qr8St0Uvw");
    public static final String NPM_LEGACY = "3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
    public static final String NPM_PASSWORD = "correct-horse-battery";
    public static final String GH_OAUTH = SampleTokens.withChecksum("gho_", "Wq8Er4Ty6Ui2Op0As5Df7Gh9Jk3Lz1");
    public static final String GH_PAT = SampleTokens.withChecksum("ghp_", "Zx1Cv3Bn5Mq7Wr9Et2Yu4Io6Pa8Sd0");
    public static final String GH_NETRC = SampleTokens.withChecksum("ghp_", "Lk2Jh4Gf6Ds8Ap0Oi3Uy5Tr7Ew9Qz1");
    public static final String GITLAB_PASSWORD = "s3cr3t p@ss+word";
    public static final String PYPI = dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder.token()
            .caveat("[3,\"2698d170-1c38-45df-8904-8fb55ab8a6ba\"]").build();
    public static final String AWS_KEY_ID = "AKIAQYLPMN5HHHFPZAM2";
    public static final String AWS_SECRET = "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";
    public static final String AWS_TEMP_KEY_ID = "ASIAY34FZKBOKMUTVV7A";
    public static final String AWS_TEMP_SECRET = "Pq3Rs5Tu7Vw9Xy1Za2Bc4De6Fg8Hi0Jk1Lm3No5q";
    public static final String AWS_SESSION = "IQoJb3JpZ2luX2VjEBcaCXVzLWVhc3QtMSJHMEUCIQDexample1SessionTokenValueZq";
    public static final String DOCKER_PASSWORD = "dckr_pat_Hq7Wm2Kp9Rt4Vx8Lb3Nc6Zs1Jd0";
    public static final String NETRC_OTHER = "tr0ub4dor-and-3";
    public static final String SLACK = "xoxb-2048739201-5738291047-Hq7Wm2Kp9Rt4Vx8Lb3Nc6Zs1";
    // Decoys.
    public static final String NPM_BAD = SampleTokens.NPM_BAD_CHECKSUM;
    public static final String GH_BAD = SampleTokens.GITHUB_CLASSIC_BAD_CHECKSUM;
    public static final String AWS_EXAMPLE_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public final Path home;
    public final Path project;
    public final Map<String, String> env = new LinkedHashMap<>();

    public PlantedHome(Path root) {
        this.home = root.resolve("home").resolve("maintainer");
        this.project = root.resolve("work").resolve("project");
        try {
            Files.createDirectories(home);
            Files.createDirectories(project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PlantedHome everything(Path root) {
        PlantedHome h = new PlantedHome(root);
        h.write(".npmrc", """
                ; written by npm login
                //registry.npmjs.org/:_authToken=%s
                //npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}
                //registry.internal.example/:_authToken=%s
                //nexus.example/repository/npm/:_auth=%s
                email=maintainer@example.org
                """.formatted(NPM, NPM_BAD, base64("deploy:" + NPM_PASSWORD)));
        h.writeProject(".npmrc", "//registry.npmjs.org/:_authToken=\"" + NPM_LEGACY + "\"\n");
        h.write(".pypirc", """
                [distutils]
                index-servers =
                    pypi
                    testpypi

                [pypi]
                username = __token__
                password = %s

                [testpypi]
                username = __token__
                password = pypi-your-token-here
                """.formatted(PYPI));
        h.write(".config/gh/hosts.yml", """
                github.com:
                    user: maintainer
                    oauth_token: %s
                    git_protocol: https
                ghe.example:
                    user: maintainer
                    git_protocol: ssh
                """.formatted(GH_OAUTH));
        h.write(".git-credentials", """
                https://maintainer:%s@github.com
                https://maintainer:%s@gitlab.example.com
                https://old-account:%s@github.com
                """.formatted(GH_PAT, GitCredentialsParserTestSupport.encode(GITLAB_PASSWORD), GH_BAD));
        h.write(".aws/credentials", """
                [default]
                aws_access_key_id = %s
                aws_secret_access_key = %s

                [ci-session]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                aws_session_token = %s

                [docs]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                """.formatted(AWS_KEY_ID, AWS_SECRET, AWS_TEMP_KEY_ID, AWS_TEMP_SECRET, AWS_SESSION, AWS_EXAMPLE_ID,
                AWS_EXAMPLE_SECRET));
        h.write(".aws/config", """
                [profile work]
                sso_session = corp
                sso_account_id = 111122223333
                """);
        h.write(".docker/config.json", """
                {
                  "auths": {
                    "https://index.docker.io/v1/": {},
                    "ghcr.io": {
                      "auth": "%s"
                    }
                  },
                  "credsStore": "desktop"
                }
                """.formatted(base64("maintainer:" + DOCKER_PASSWORD)));
        h.write(".netrc", """
                machine api.github.com login maintainer password %s
                machine files.example.org
                  login backup
                  password %s
                default login anonymous password xxxxxxxx
                """.formatted(GH_NETRC, NETRC_OTHER));
        h.env.put("NPM_TOKEN", NPM_ENV);
        h.env.put("GH_TOKEN", GH_BAD);
        h.env.put("AWS_ACCESS_KEY_ID", AWS_EXAMPLE_ID);
        h.env.put("AWS_SECRET_ACCESS_KEY", AWS_EXAMPLE_SECRET);
        h.env.put("SLACK_BOT_TOKEN", SLACK);
        h.env.put("PATH", "/usr/bin:/bin");
        h.sshKeys();
        return h;
    }

    /**
     * {@code ~/.ssh} with openssh test keys: an Ed25519 key without passphrase, an encrypted 1024-bit
     * RSA key (PEM, with its .pub), a DSA key, a security-key handle, and the usual non-key files.
     */
    public PlantedHome sshKeys() {
        write(".ssh/id_ed25519", Fixtures.text("openssh/private/ed25519_1"));
        write(".ssh/id_ed25519.pub", Fixtures.text("openssh/public/ed25519_1.pub"));
        write(".ssh/legacy_rsa", Fixtures.text("openssh/private/rsa_1_pw"));
        write(".ssh/legacy_rsa.pub", Fixtures.text("openssh/public/rsa_1.pub"));
        write(".ssh/id_dsa", Fixtures.text("openssh/private/dsa_1"));
        write(".ssh/id_ed25519_sk", Fixtures.text("openssh/private/ed25519_sk1"));
        write(".ssh/known_hosts", "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n");
        write(".ssh/config", "Host github.com\n  IdentityFile ~/.ssh/id_ed25519\n");
        return this;
    }

    /** Every secret value planted, real or decoy. */
    public static List<String> secrets() {
        return List.of(NPM, NPM_ENV, NPM_LEGACY, NPM_PASSWORD, GH_OAUTH, GH_PAT, GH_NETRC, GITLAB_PASSWORD, PYPI, AWS_SECRET,
                AWS_TEMP_SECRET, AWS_SESSION, DOCKER_PASSWORD, NETRC_OTHER, SLACK, NPM_BAD, GH_BAD, AWS_EXAMPLE_SECRET,
                AWS_KEY_ID, AWS_TEMP_KEY_ID, base64("deploy:" + NPM_PASSWORD), base64("maintainer:" + DOCKER_PASSWORD));
    }

    public LocalHome local(OsFamily os) {
        return new LocalHome(os, home, project, env);
    }

    public LocalHome local() {
        return local(OsFamily.LINUX);
    }

    public void write(String relative, String text) {
        writeTo(home.resolve(relative), text);
    }

    public void writeProject(String relative, String text) {
        writeTo(project.resolve(relative), text);
    }

    public static void writeTo(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Percent-encoding as git writes user info. */
    static final class GitCredentialsParserTestSupport {
        static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
