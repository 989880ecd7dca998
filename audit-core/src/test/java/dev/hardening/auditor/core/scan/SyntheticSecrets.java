package dev.hardening.auditor.core.scan;

import dev.hardening.auditor.core.tokens.TokenChecksum;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generates fictional secrets of every kind the rules know, in the formats the issuers use (with a
 * valid checksum or structure where the format has one), and decoys that must not be reported:
 * documented example keys, placeholders, wrong checksums, hashes and UUIDs. Every value comes from
 * the {@link Random} passed in, so a seed reproduces a corpus exactly. None of these values was ever
 * issued by anyone.
 */
public final class SyntheticSecrets {
    public static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String HEX = "0123456789abcdef";
    private static final String B64 = ALNUM + "+/";
    private static final String URLSAFE = ALNUM + "_-";

    private final Random random;

    public SyntheticSecrets(Random random) {
        this.random = random;
    }

    /** A labelled sample: the text to plant (one or more lines), the kind, and the 0-based line of the secret within it. */
    public record Sample(String kind, String text, int lineOffset, boolean secret, String fileName) {
    }

    /** Every kind the generator plants as a true secret (the keys of {@link #secret(String)}). */
    public static final List<String> KINDS = List.of(
            "aws-access-key-id", "aws-secret-access-key", "github-pat", "github-oauth-token", "github-user-to-server-token",
            "github-server-to-server-token", "github-refresh-token", "github-fine-grained-pat", "gitlab-pat", "npm-token",
            "pypi-token", "npmrc-auth-token", "pypirc-password", "slack-token", "slack-webhook", "telegram-bot-token",
            "twilio-api-key", "twilio-auth-token", "sendgrid-api-key", "stripe-secret-key", "stripe-test-key",
            "stripe-webhook-secret", "openai-api-key", "anthropic-api-key", "google-api-key", "gcp-service-account",
            "azure-storage-connection-string", "private-key", "jwt", "jwt-signing-secret", "postgres-url", "mysql-url",
            "mongodb-url", "redis-url", "docker-auth", "generic-secret");

    public String pick(String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    public String githubToken(String prefix) {
        String body = pick(ALNUM, 30);
        return prefix + "_" + body + TokenChecksum.of(body);
    }

    /** A password-like value: mixed classes, high entropy. */
    public String password(int n) {
        String p = pick(ALNUM + "!#%^*-_+", n);
        return pick("ABCDEFGHJKLMNPQRSTUVWXYZ", 1) + pick("abcdefghijkmnpqrstuvwxyz", 1) + pick("23456789", 1) + p;
    }

    public String pypiToken(boolean test) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(2);
        byte[] location = (test ? "test.pypi.org" : "pypi.org").getBytes(StandardCharsets.US_ASCII);
        m.write(1);
        m.write(location.length);
        m.writeBytes(location);
        byte[] id = ("{\"nonce\": \"" + pick(HEX, 32) + "\", \"version\": 1}").getBytes(StandardCharsets.US_ASCII);
        m.write(2);
        m.write(id.length);
        m.writeBytes(id);
        m.write(0);
        byte[] caveat = ("[1,[\"" + pick("abcdefghijklmnopqrstuvwxyz", 8) + "\"]]").getBytes(StandardCharsets.US_ASCII);
        m.write(2);
        m.write(caveat.length);
        m.writeBytes(caveat);
        m.write(0);
        m.write(0);
        m.write(6);
        m.write(32);
        byte[] sig = new byte[32];
        random.nextBytes(sig);
        m.writeBytes(sig);
        return "pypi-" + Base64.getUrlEncoder().withoutPadding().encodeToString(m.toByteArray());
    }

    public String privateKeyPem(String type) {
        byte[] der = new byte[1190];
        random.nextBytes(der);
        der[0] = 0x30;
        der[1] = (byte) 0x82;
        der[2] = 0x04;
        der[3] = (byte) 0xa2;
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder pem = new StringBuilder("-----BEGIN " + type + "PRIVATE KEY-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            pem.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return pem.append("-----END ").append(type).append("PRIVATE KEY-----").toString();
    }

    public String jwt() {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        String header = e.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = e.encodeToString(("{\"sub\":\"" + pick(HEX, 12) + "\",\"iat\":" + (1_600_000_000 + random.nextInt(100_000_000))
                + ",\"scope\":\"admin\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + pick(URLSAFE, 43);
    }

    /** A true secret of the kind, embedded in a realistic line or file. */
    public Sample secret(String kind) {
        return switch (kind) {
            case "aws-access-key-id" -> line(kind, "aws_access_key_id = AKIA" + pick(BASE32, 16));
            case "aws-secret-access-key" -> line(kind, "AWS_SECRET_ACCESS_KEY=" + pick(B64, 40));
            case "github-pat" -> line(kind, "const token = \"" + githubToken("ghp") + "\";");
            case "github-oauth-token" -> line(kind, "GH_OAUTH=" + githubToken("gho"));
            case "github-user-to-server-token" -> line(kind, "  \"token\": \"" + githubToken("ghu") + "\",");
            case "github-server-to-server-token" -> line(kind, "headers = {'Authorization': 'token " + githubToken("ghs") + "'}");
            case "github-refresh-token" -> line(kind, "refresh: " + githubToken("ghr"));
            case "github-fine-grained-pat" -> line(kind, "GITHUB_TOKEN=github_pat_" + pick(ALNUM, 22) + "_" + pick(ALNUM, 59));
            case "gitlab-pat" -> line(kind, "gitlab_token: glpat-" + pick(URLSAFE, 20));
            case "npm-token" -> line(kind, "NPM_TOKEN=" + githubToken("npm"));
            case "pypi-token" -> line(kind, "TWINE_PASSWORD=" + pypiToken(random.nextBoolean()));
            case "npmrc-auth-token" -> new Sample(kind, "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken="
                    + uuid(), 1, true, ".npmrc");
            case "pypirc-password" -> new Sample(kind, "[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = maintainer\npassword = "
                    + password(18), 5, true, ".pypirc");
            case "slack-token" -> line(kind, "SLACK_BOT=xoxb-" + pick("0123456789", 11) + "-" + pick("0123456789", 12) + "-" + pick(ALNUM, 24));
            case "slack-webhook" -> line(kind, "webhook_url = \"https://hooks.slack.com/services/T" + pick(BASE32, 8) + "/B"
                    + pick(BASE32, 10) + "/" + pick(ALNUM, 24) + "\"");
            case "telegram-bot-token" -> line(kind, "bot = telebot.TeleBot(\"" + (100000000 + random.nextInt(899999999)) + ":AA"
                    + pick(URLSAFE, 33) + "\")");
            case "twilio-api-key" -> line(kind, "twilio_key_sid = 'SK" + pick(HEX, 32) + "'");
            case "twilio-auth-token" -> line(kind, "TWILIO_AUTH_TOKEN=" + pick(HEX, 32));
            case "sendgrid-api-key" -> line(kind, "sg = SendGridAPIClient('SG." + pick(URLSAFE, 22) + "." + pick(URLSAFE, 43) + "')");
            case "stripe-secret-key" -> line(kind, "stripe.api_key = \"sk_live_" + pick(ALNUM, 24 + random.nextInt(75)) + "\"");
            case "stripe-test-key" -> line(kind, "STRIPE_KEY=rk_test_" + pick(ALNUM, 24 + random.nextInt(40)));
            case "stripe-webhook-secret" -> line(kind, "endpoint_secret = 'whsec_" + pick(ALNUM, 32) + "'");
            case "openai-api-key" -> line(kind, "OPENAI_API_KEY=sk-proj-" + pick(URLSAFE, 74) + "T3BlbkFJ" + pick(URLSAFE, 74));
            case "anthropic-api-key" -> line(kind, "client = Anthropic(api_key=\"sk-ant-api03-" + pick(URLSAFE, 93) + "AA\")");
            case "google-api-key" -> line(kind, "<script src=\"https://maps.googleapis.com/maps/api/js?key=AIza" + pick(URLSAFE, 35) + "\"></script>");
            case "gcp-service-account" -> new Sample(kind, "{\n  \"type\": \"service_account\",\n  \"project_id\": \"demo-" + pick(HEX, 6)
                    + "\",\n  \"private_key_id\": \"" + pick(HEX, 40) + "\",\n  \"client_email\": \"svc@demo.iam.gserviceaccount.com\"\n}",
                    3, true, "service-account.json");
            case "azure-storage-connection-string" -> line(kind, "AZURE_STORAGE_CONNECTION_STRING=\"DefaultEndpointsProtocol=https;AccountName="
                    + pick("abcdefghijklmnopqrstuvwxyz", 10) + ";AccountKey=" + Base64.getEncoder().encodeToString(bytes(64))
                    + ";EndpointSuffix=core.windows.net\"");
            case "private-key" -> new Sample(kind, privateKeyPem(random.nextBoolean() ? "RSA " : ""), 0, true, null);
            case "jwt" -> line(kind, "Authorization: Bearer " + jwt());
            case "jwt-signing-secret" -> line(kind, "JWT_SECRET=" + password(30));
            case "postgres-url" -> line(kind, "DATABASE_URL=postgres://app_user:" + password(16) + "@db-" + pick(HEX, 4) + ".internal:5432/app");
            case "mysql-url" -> line(kind, "url = \"mysql://root:" + password(14) + "@10.0.3.7:3306/shop\"");
            case "mongodb-url" -> line(kind, "MONGO_URI=mongodb+srv://svc:" + password(20) + "@cluster0." + pick(HEX, 5) + ".mongodb.net/prod");
            case "redis-url" -> line(kind, "REDIS_URL=redis://:" + password(24) + "@cache.internal:6379/0");
            case "docker-auth" -> new Sample(kind, "{\n  \"auths\": {\n    \"https://index.docker.io/v1/\": {\n      \"auth\": \""
                    + Base64.getEncoder().encodeToString(("deploy:" + password(20)).getBytes(StandardCharsets.UTF_8))
                    + "\"\n    }\n  }\n}", 3, true, "config.json");
            case "generic-secret" -> switch (random.nextInt(3)) {
                case 0 -> line(kind, "DB_PASSWORD=\"" + password(14) + "\"");
                case 1 -> line(kind, "  api_key: " + password(32));
                default -> line(kind, "client_secret = '" + password(24) + "'");
            };
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    /** Decoys: look like the kind but are not secrets (must not be reported). */
    public Sample decoy(String kind) {
        return switch (kind) {
            case "aws-access-key-id" -> random.nextBoolean() ? line(kind, "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", false)
                    : line(kind, "key = \"AKIA" + pick("abcdefghijklmnop", 16) + "\"", false);
            case "aws-secret-access-key" -> line(kind, "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", false);
            case "github-pat", "github-oauth-token", "github-user-to-server-token", "github-server-to-server-token",
                 "github-refresh-token", "npm-token" -> {
                String prefix = switch (kind) {
                    case "github-pat" -> "ghp";
                    case "github-oauth-token" -> "gho";
                    case "github-user-to-server-token" -> "ghu";
                    case "github-server-to-server-token" -> "ghs";
                    case "github-refresh-token" -> "ghr";
                    default -> "npm";
                };
                String good = githubToken(prefix);
                // wrong checksum: one character of the checksum changed
                char last = good.charAt(good.length() - 1);
                String bad = good.substring(0, good.length() - 1) + (last == 'a' ? 'b' : 'a');
                yield random.nextInt(3) == 0 ? line(kind, "token = \"" + prefix + "_" + "x".repeat(36) + "\"", false)
                        : line(kind, "TOKEN=" + bad, false);
            }
            case "pypi-token" -> line(kind, "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc" + "X".repeat(70), false);
            case "slack-token" -> line(kind, "SLACK_TOKEN=xoxb-XXXXXXXXXX-XXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX", false);
            case "slack-webhook" -> line(kind, "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", false);
            case "telegram-bot-token" -> line(kind, "# e.g. 110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", false);
            case "stripe-test-key", "stripe-secret-key" -> line(kind, "Stripe.apiKey = \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\";", false);
            case "openai-api-key" -> line(kind, "OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", false);
            case "azure-storage-connection-string" -> line(kind, "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
                    + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;", false);
            case "private-key" -> new Sample(kind, "-----BEGIN RSA PRIVATE KEY-----\n...your key here...\n-----END RSA PRIVATE KEY-----",
                    0, false, null);
            case "jwt" -> line(kind, "// eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
                    + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", false);
            case "postgres-url", "mysql-url", "mongodb-url", "redis-url" -> line(kind, random.nextBoolean()
                    ? "DATABASE_URL=postgres://user:password@localhost:5432/mydb"
                    : "url: mongodb://${DB_USER}:${DB_PASSWORD}@mongo:27017/app", false);
            case "docker-auth" -> new Sample(kind, "{\"auths\": {\"ghcr.io\": {\"auth\": \""
                    + Base64.getEncoder().encodeToString("username:".getBytes(StandardCharsets.UTF_8)) + "\"}}}", 0, false, "config.json");
            case "npmrc-auth-token" -> new Sample(kind, "//registry.npmjs.org/:_authToken=${NPM_TOKEN}", 0, false, ".npmrc");
            case "generic-secret", "jwt-signing-secret", "pypirc-password", "twilio-auth-token" -> switch (random.nextInt(7)) {
                case 0 -> line(kind, "password = \"changeme\"", false);
                case 1 -> line(kind, "api_key = \"your-api-key-here\"", false);
                case 2 -> line(kind, "token = get_token(request)", false);
                case 3 -> line(kind, "SECRET_KEY=${SECRET_KEY}", false);
                case 4 -> line(kind, "sha256 = \"" + pick(HEX, 64) + "\"", false);
                case 5 -> random.nextBoolean() ? line(kind, "request_token = \"" + uuid() + "\"", false)
                        : line(kind, "token_sha256 = \"" + pick(HEX, 64) + "\"", false);
                default -> line(kind, "password: <your password>", false);
            };
            default -> switch (random.nextInt(3)) {
                case 0 -> line(kind, "commit = \"" + pick(HEX, 40) + "\"", false);
                case 1 -> line(kind, "id: " + uuid(), false);
                default -> line(kind, "\"integrity\": \"sha512-" + Base64.getEncoder().encodeToString(bytes(64)) + "\"", false);
            };
        };
    }

    public String uuid() {
        return pick(HEX, 8) + "-" + pick(HEX, 4) + "-4" + pick(HEX, 3) + "-a" + pick(HEX, 3) + "-" + pick(HEX, 12);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Sample line(String kind, String text) {
        return new Sample(kind, text, 0, true, null);
    }

    private static Sample line(String kind, String text, boolean secret) {
        return new Sample(kind, text, 0, secret, null);
    }
}
