package dev.hardening.auditor.core.scan;

import static dev.hardening.auditor.core.model.Severity.CRITICAL;
import static dev.hardening.auditor.core.model.Severity.HIGH;
import static dev.hardening.auditor.core.model.Severity.MEDIUM;

import dev.hardening.auditor.core.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in rules (docs/SCANNER.md describes each). Every pattern is written so that it cannot
 * backtrack catastrophically: no nested quantifiers, every repetition bounded, and possessive
 * ({@code *+ ++ {m,n}+}) wherever a repetition is followed by something it could also match. It
 * only ever runs on bounded windows around its keywords.
 */
public final class StandardRules {
    /** Characters that end a token: tokens are delimited by anything outside their alphabet. */
    private static final String END = "(?![A-Za-z0-9_])";
    private static final String START = "(?<![A-Za-z0-9_])";
    /** An assignment: optional closing quote of the key, spaces, then = : := => (and an optional opening quote). */
    private static final String ASSIGN = "[\"'`]?\\s{0,5}+(?::=|=>|=|:)\\s{0,5}+[\"'`]?";

    private StandardRules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        // --- AWS
        rules.add(Rule.of("aws-access-key-id", "AWS access key id", CRITICAL,
                        START + "((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})" + END)
                .keywords("AKIA", "ASIA", "ABIA", "ACCA").caseSensitiveKeywords().window(0, 24)
                .secretGroups(1).visiblePrefix(4).validator(Validators::awsAccessKeyId).priority(20).build());
        rules.add(Rule.of("aws-secret-access-key", "AWS secret access key", CRITICAL,
                        "(?:secret[_-]?access[_-]?key|aws[_-]?secret(?:[_-]?key)?)" + ASSIGN
                                + "([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")
                .caseInsensitive().keywords("secret_access_key", "secretaccesskey", "secret-access-key", "aws_secret",
                        "aws-secret", "awssecret").window(0, 120).secretGroups(1).minEntropy(4.0).priority(20).build());
        // A key id followed by its secret, as in the credentials CSV the console offers for download.
        rules.add(Rule.of("aws-secret-access-key", "AWS secret access key", CRITICAL,
                        "(?:AKIA|ASIA)[A-Z2-7]{16}[\"']?\\s{0,3}+[,;:|\\t]\\s{0,3}+[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])")
                .keywords("AKIA", "ASIA").caseSensitiveKeywords().window(0, 90).secretGroups(1).minEntropy(4.0)
                .priority(19).build());
        // --- GitHub: every token kind with the CRC32 checksum; fine-grained PATs (no public checksum)
        String[][] github = {
                {"ghp", "github-pat", "GitHub personal access token (classic)"},
                {"gho", "github-oauth-token", "GitHub OAuth access token"},
                {"ghu", "github-user-to-server-token", "GitHub App user-to-server token"},
                {"ghs", "github-server-to-server-token", "GitHub App installation (server-to-server) token"},
                {"ghr", "github-refresh-token", "GitHub App refresh token"}};
        for (String[] g : github) {
            rules.add(Rule.of(g[1], g[2], CRITICAL, START + "(" + g[0] + "_[A-Za-z0-9]{36})" + END)
                    .keywords(g[0] + "_").caseSensitiveKeywords().window(0, 40).secretGroups(1).visiblePrefix(4)
                    .validator(Validators::crc32Token).priority(30).build());
        }
        rules.add(Rule.of("github-fine-grained-pat", "GitHub fine-grained personal access token", CRITICAL,
                        START + "(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})" + END)
                .keywords("github_pat_").caseSensitiveKeywords().window(0, 94).secretGroups(1).visiblePrefix(11)
                .minEntropy(4.0).priority(30).build());
        rules.add(Rule.of("gitlab-pat", "GitLab personal access token", CRITICAL,
                        START + "(glpat-[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])")
                .keywords("glpat-").caseSensitiveKeywords().window(0, 26).secretGroups(1).visiblePrefix(6)
                .minEntropy(3.0).priority(30).build());
        // --- registries
        rules.add(Rule.of("npm-token", "npm access token", CRITICAL, START + "(npm_[A-Za-z0-9]{36})" + END)
                .keywords("npm_").caseSensitiveKeywords().window(0, 40).secretGroups(1).visiblePrefix(4)
                .validator(Validators::crc32Token).priority(30).build());
        rules.add(Rule.of("pypi-token", "PyPI API token", CRITICAL,
                        "(pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}+)")
                .keywords("pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw").caseSensitiveKeywords().window(0, 1030)
                .secretGroups(1).visiblePrefix(5).validator(Validators::pypiMacaroon).priority(30).build());
        rules.add(Rule.of("npmrc-auth-token", ".npmrc registry credential (_authToken, _auth, _password)", CRITICAL,
                        "(?:_authToken|_auth|_password)\\s{0,5}+=\\s{0,5}+[\"']?([^\\s\"'#;\\x00-\\x1f\\x7f-\\xff]{8,400}+)")
                .keywords("_authtoken", "_auth", "_password").window(0, 420).secretGroups(1)
                .validator(Validators::npmrcToken).minEntropy(3.0).priority(15).build());
        rules.add(Rule.of("pypirc-password", ".pypirc upload password or token", CRITICAL,
                        "(?m)^[ \\t]{0,20}+password[ \\t]{0,20}+[=:][ \\t]{0,20}+([^\\s\\x00-\\x1f\\x7f-\\xff]{6,400}+)")
                .keywords("password").onlyInFiles(".pypirc").window(40, 440).secretGroups(1).priority(15).build());
        // --- chat and messaging
        rules.add(Rule.of("slack-token", "Slack token", CRITICAL,
                        START + "(xox[abposer]-(?:[0-9]{1,13}+-){1,3}+[A-Za-z0-9]{20,64}+)(?![A-Za-z0-9-])")
                .keywords("xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxe-", "xoxr-").caseSensitiveKeywords()
                .window(0, 120).secretGroups(1).visiblePrefix(5).minEntropy(3.0).priority(30).build());
        rules.add(Rule.of("slack-token", "Slack app-level token", CRITICAL,
                        START + "(xapp-[0-9]-[A-Z0-9]{9,12}+-[0-9]{10,13}+-[a-f0-9]{64})(?![A-Za-z0-9])")
                .keywords("xapp-").caseSensitiveKeywords().window(0, 110).secretGroups(1).visiblePrefix(5).priority(30)
                .build());
        rules.add(Rule.of("slack-webhook", "Slack incoming webhook URL", HIGH,
                        "hooks\\.slack\\.com/(?:services/T[A-Z0-9]{8,12}+/B[A-Z0-9]{8,12}+/([A-Za-z0-9]{24})"
                                + "|(?:workflows|triggers)/T[A-Z0-9]{8,12}+/[A-Z0-9]{8,12}+/[0-9]{6,20}+/([A-Za-z0-9]{24,40}+))"
                                + "(?![A-Za-z0-9])")
                .keywords("hooks.slack.com").window(0, 140).secretGroups(1, 2).minEntropy(3.0).priority(30).build());
        rules.add(Rule.of("telegram-bot-token", "Telegram bot token", HIGH,
                        "(?<![0-9])([0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])")
                .keywords(":AA").caseSensitiveKeywords().window(11, 40).secretGroups(1).minEntropy(3.5).priority(30)
                .build());
        rules.add(Rule.of("twilio-api-key", "Twilio API key", HIGH, START + "(SK[0-9a-fA-F]{32})" + END)
                .keywords("SK").caseSensitiveKeywords().window(0, 34).secretGroups(1).visiblePrefix(2).minEntropy(3.0)
                .priority(25).build());
        rules.add(Rule.of("twilio-auth-token", "Twilio auth token", HIGH,
                        "twilio[A-Za-z0-9_.-]{0,30}+" + ASSIGN + "([a-f0-9]{32})(?![A-Za-z0-9])")
                .caseInsensitive().keywords("twilio").window(0, 120).secretGroups(1).minEntropy(3.0).priority(25)
                .build());
        rules.add(Rule.of("sendgrid-api-key", "SendGrid API key", HIGH,
                        START + "(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])")
                .keywords("SG.").caseSensitiveKeywords().window(0, 70).secretGroups(1).visiblePrefix(3).minEntropy(3.5)
                .priority(30).build());
        // --- payments and AI
        rules.add(Rule.of("stripe-secret-key", "Stripe secret or restricted key (live mode)", CRITICAL,
                        START + "((?:sk|rk)_live_[A-Za-z0-9]{24,99}+)" + END)
                .keywords("sk_live_", "rk_live_").caseSensitiveKeywords().window(0, 110).secretGroups(1).visiblePrefix(8)
                .minEntropy(3.0).priority(30).build());
        rules.add(Rule.of("stripe-test-key", "Stripe secret or restricted key (test mode)", MEDIUM,
                        START + "((?:sk|rk)_test_[A-Za-z0-9]{24,99}+)" + END)
                .keywords("sk_test_", "rk_test_").caseSensitiveKeywords().window(0, 110).secretGroups(1).visiblePrefix(8)
                .minEntropy(3.0).priority(30).build());
        rules.add(Rule.of("stripe-webhook-secret", "Stripe webhook signing secret", HIGH,
                        START + "(whsec_[A-Za-z0-9]{32,64}+)" + END)
                .keywords("whsec_").caseSensitiveKeywords().window(0, 72).secretGroups(1).visiblePrefix(6)
                .minEntropy(3.0).priority(30).build());
        rules.add(Rule.of("openai-api-key", "OpenAI API key", CRITICAL,
                        START + "(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{8,170}T3BlbkFJ[A-Za-z0-9_-]{8,170}+)"
                                + "(?![A-Za-z0-9_-])")
                .keywords("T3BlbkFJ").caseSensitiveKeywords().window(190, 180).secretGroups(1).visiblePrefix(3)
                .minEntropy(3.5).priority(30).build());
        rules.add(Rule.of("anthropic-api-key", "Anthropic API key", CRITICAL,
                        START + "(sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,120}+)(?![A-Za-z0-9_-])")
                .keywords("sk-ant-").caseSensitiveKeywords().window(0, 140).secretGroups(1).visiblePrefix(7)
                .minEntropy(3.5).priority(30).build());
        // --- Google and Azure
        rules.add(Rule.of("google-api-key", "Google API key", HIGH, START + "(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])")
                .keywords("AIza").caseSensitiveKeywords().window(0, 40).secretGroups(1).visiblePrefix(4).minEntropy(3.5)
                .priority(30).build());
        rules.add(Rule.of("gcp-service-account", "Google Cloud service account key (JSON)", CRITICAL,
                        "\"private_key_id\"\\s{0,5}+:\\s{0,5}+\"([a-f0-9]{40})\"")
                .keywords("\"private_key_id\"").requiresInFile("service_account").window(0, 80).secretGroups(1)
                .minEntropy(3.0).priority(30).build());
        rules.add(Rule.of("azure-storage-connection-string", "Azure Storage account key (connection string)", CRITICAL,
                        "AccountKey=([A-Za-z0-9+/]{86}==)")
                .keywords("AccountKey=").window(0, 100).secretGroups(1).validator(Validators::azureAccountKey)
                .priority(30).build());
        // --- keys, tokens, URLs
        rules.add(Rule.of("private-key", "Private key", CRITICAL,
                        "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |)PRIVATE KEY(?: BLOCK)?)-----"
                                + "(?:\\\\r|\\\\n|[\\r\\n \\t]){1,6}+"
                                + "(?:[A-Za-z-]{1,30}+: [^\\r\\n\\\\]{0,200}+(?:\\\\r|\\\\n|[\\r\\n]){1,4}+){0,6}+"
                                + "([A-Za-z0-9+/]{40,80}+)")
                .keywords("PRIVATE KEY").caseSensitiveKeywords().window(40, 1000).secretGroups(2)
                .validator(Validators::privateKeyBody).priority(30).build());
        rules.add(Rule.of("jwt", "JSON Web Token", MEDIUM,
                        START + "(eyJ[A-Za-z0-9_-]{8,2000}+\\.eyJ[A-Za-z0-9_-]{8,4000}+\\.[A-Za-z0-9_-]{16,700}+)"
                                + "(?![A-Za-z0-9_-])")
                .keywords("eyJ").caseSensitiveKeywords().window(0, 6800).secretGroups(1).visiblePrefix(3)
                .validator(Validators::jwt).priority(20).build());
        rules.add(Rule.of("jwt-signing-secret", "JWT signing secret", HIGH,
                        "jwt[_.-]?(?:secret|signing[_-]?key|key)[A-Za-z0-9_]{0,20}+" + ASSIGN
                                + "([^\\s\"'`,;\\x00-\\x1f\\x7f-\\xff]{8,200}+)")
                .caseInsensitive().keywords("jwt").window(0, 260).secretGroups(1).minEntropy(3.0).generic().priority(12)
                .build());
        String[][] databases = {
                {"postgres-url", "PostgreSQL URL with a password", "postgres(?:ql)?", "postgres"},
                {"mysql-url", "MySQL URL with a password", "(?:mysql|mysqlx|mariadb)", "mysql"},
                {"mongodb-url", "MongoDB URL with a password", "mongodb(?:\\+srv)?", "mongodb"},
                {"redis-url", "Redis URL with a password", "rediss?", "redis"}};
        for (String[] db : databases) {
            rules.add(Rule.of(db[0], db[1], HIGH,
                            "(?<![A-Za-z0-9+])" + db[2] + "://([^\\s:@/'\"`<>\\x00-\\x1f\\x7f-\\xff]{0,64}+):([^\\s@/'\"`<>\\x00-\\x1f\\x7f-\\xff]{1,128}+)@"
                                    + "[A-Za-z0-9._-]{1,253}+")
                    .caseInsensitive().keywords(db[3]).window(0, 480).secretGroups(2).validator(Validators::databasePassword)
                    .priority(25).build());
        }
        rules.add(Rule.of("docker-auth", "Docker registry credential (config.json auths)", HIGH,
                        "\"auth\"\\s{0,5}+:\\s{0,5}+\"([A-Za-z0-9+/]{8,1000}+={0,2}+)\"")
                .keywords("\"auth\"").requiresInFile("\"auths\"").window(0, 1030).secretGroups(1)
                .validator(Validators::dockerAuth).priority(25).build());
        // --- keyword assignments, with entropy
        rules.add(Rule.of("generic-secret", "Secret assigned in code or configuration", HIGH,
                        "(?:password|passwd|passphrase|(?<![a-z])pass(?![a-z])|(?<![a-z])pwd(?![a-z])|secret|token|api[_-]?key|"
                                + "access[_-]?key|auth[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]{0,30}+" + ASSIGN
                                + "([^\\s\"'`,;)\\]}{\\x00-\\x1f\\x7f-\\xff]{8,200}+)")
                .caseInsensitive().keywords("password", "passwd", "passphrase", "pass", "pwd", "secret", "token", "apikey", "api_key",
                        "api-key", "access_key", "accesskey", "access-key", "auth_key", "authkey", "private_key",
                        "privatekey", "credential")
                .window(0, 300).secretGroups(1).minEntropy(3.0).generic().priority(1).build());
        return List.copyOf(rules);
    }

    /** The distinct kinds the rules report. */
    public static List<String> kinds() {
        return all().stream().map(Rule::kind).distinct().toList();
    }

    static Severity lower(Severity s) {
        return switch (s) {
            case CRITICAL -> Severity.MEDIUM;
            case HIGH -> Severity.LOW;
            case MEDIUM, LOW, INFO -> Severity.LOW;
        };
    }
}
