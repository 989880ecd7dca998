package dev.hardening.auditor.core.scan;

import dev.hardening.auditor.core.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Decides, from a file's path (and a look at the content where the name is not enough), whether it should ship. */
public final class SensitiveFiles {
    private static final Set<String> ENV_TEMPLATES = Set.of(".env.example", ".env.sample", ".env.template", ".env.dist",
            ".env.defaults", ".env.schema", ".env.tpl", ".env.test.example", ".env.local.example");
    private static final Set<String> SSH_KEY_NAMES = Set.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk",
            "id_ed25519_sk", "identity");
    private static final Set<String> CREDENTIAL_FILES = Set.of("credentials.json", "client_secret.json",
            "client_secrets.json", "service-account.json", "service_account.json", "serviceaccount.json",
            "application_default_credentials.json", "keyfile.json", "gcp-key.json", "firebase-adminsdk.json",
            ".git-credentials", ".netrc", "_netrc", ".htpasswd", ".dockercfg", ".pgpass", ".my.cnf", "terraform.tfstate",
            "terraform.tfstate.backup", ".s3cfg", ".boto", "kubeconfig", ".vault-token", "secrets.yml", "secrets.yaml",
            "secrets.json");
    private static final Set<String> KEYSTORE_EXTENSIONS = Set.of(".p12", ".pfx", ".jks", ".keystore", ".ppk", ".pkcs12");

    private static final java.util.regex.Pattern NPMRC_CREDENTIAL =
            java.util.regex.Pattern.compile("(?:_authToken|_auth|_password)[ \\t]{0,10}+=[ \\t]{0,10}+(?!\\$\\{)[^\\s]");

    private SensitiveFiles() {
    }

    /**
     * The verdict on one file.
     *
     * @param path    relative path (inside an archive: the entry name)
     * @param content the first bytes of the file (may be empty); used for {@code .pem}/{@code .key}, {@code .npmrc} and {@code .pth}
     * @param inWheel whether the file is inside a wheel, where {@code .pth} files run at interpreter start
     */
    public static Optional<SensitiveFile> classify(String path, byte[] content, int length, boolean inWheel) {
        String normal = path.replace('\\', '/');
        String name = PathHints.fileName(normal).toLowerCase(Locale.ROOT);
        String lowerPath = normal.toLowerCase(Locale.ROOT);
        String head = new String(content, 0, Math.min(length, 64 * 1024), StandardCharsets.ISO_8859_1);
        if (name.equals(".env") || name.startsWith(".env.") && !ENV_TEMPLATES.contains(name) && !name.endsWith(".example")
                && !name.endsWith(".sample") && !name.endsWith(".template") || name.endsWith(".env") && name.length() > 4) {
            return found("dotenv", path, "environment file: usually holds the project's API keys and passwords", Severity.HIGH);
        }
        if (name.equals(".npmrc")) {
            // A credential written out, not a reference such as ${NPM_TOKEN} (which is harmless to ship).
            boolean auth = NPMRC_CREDENTIAL.matcher(head).find();
            return found("npmrc", path, auth ? ".npmrc with registry credentials: whoever installs the package can publish as you"
                    : ".npmrc: registry configuration that often carries a token; it has no business in a package",
                    auth ? Severity.CRITICAL : Severity.LOW);
        }
        if (name.equals(".pypirc")) {
            return found("pypirc", path, ".pypirc: PyPI upload credentials", Severity.CRITICAL);
        }
        if (SSH_KEY_NAMES.contains(name)) {
            return found("private-key-file", path, "SSH private key file", Severity.CRITICAL);
        }
        if (name.endsWith(".pem") || name.endsWith(".key") || name.endsWith(".asc") || name.endsWith(".gpg")
                || name.equals("secring.gpg")) {
            if (head.contains("PRIVATE KEY")) {
                return found("private-key-file", path, "file holding a private key", Severity.CRITICAL);
            }
            return Optional.empty();
        }
        for (String ext : KEYSTORE_EXTENSIONS) {
            if (name.endsWith(ext)) {
                return found("keystore", path, "key store (" + ext + "): private keys and certificates", Severity.HIGH);
            }
        }
        if (lowerPath.contains(".aws/credentials") || lowerPath.endsWith(".docker/config.json")
                || lowerPath.contains(".kube/config") || CREDENTIAL_FILES.contains(name)
                || name.startsWith("client_secret_") && name.endsWith(".json")) {
            return found("credentials-file", path, "credentials file (" + name + ")", Severity.HIGH);
        }
        if (isVcsPath(lowerPath)) {
            return found("vcs-directory", path, "version-control metadata (.git/): history, remotes, sometimes credentials",
                    Severity.MEDIUM);
        }
        if (name.endsWith(".pth")) {
            boolean executes = head.lines().anyMatch(l -> l.startsWith("import ") || l.startsWith("import\t"));
            if (inWheel) {
                return found("pth-file", path, executes
                        ? ".pth file with an import line: runs code every time Python starts (the elementary-data 0.23.3 payload)"
                        : ".pth file in a wheel: added to every interpreter's path at start", executes ? Severity.CRITICAL : Severity.MEDIUM);
            }
            return executes ? found("pth-file", path, ".pth file with an import line: runs code every time Python starts",
                    Severity.MEDIUM) : Optional.empty();
        }
        if (name.endsWith("_history") && (name.startsWith(".bash") || name.startsWith(".zsh") || name.startsWith(".python")
                || name.startsWith(".psql") || name.startsWith(".mysql") || name.startsWith(".node_repl"))) {
            return found("shell-history", path, "shell history: commands often carry tokens and passwords", Severity.HIGH);
        }
        return Optional.empty();
    }

    /** Whether the path is inside a {@code .git}, {@code .hg} or {@code .svn} directory. */
    public static boolean isVcsPath(String lowerPath) {
        String p = "/" + lowerPath;
        return p.contains("/.git/") || p.contains("/.hg/") || p.contains("/.svn/");
    }

    private static Optional<SensitiveFile> found(String kind, String path, String reason, Severity severity) {
        return Optional.of(new SensitiveFile(kind, path, reason, severity));
    }
}
