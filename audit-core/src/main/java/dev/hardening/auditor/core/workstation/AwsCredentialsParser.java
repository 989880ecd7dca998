package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.tokens.AwsAccessKeyId;
import dev.hardening.auditor.core.tokens.CredentialKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ~/.aws/credentials} and {@code ~/.aws/config}: per profile an {@code aws_access_key_id}
 * and {@code aws_secret_access_key} (the secret is the credential), with an
 * {@code aws_session_token} for temporary ({@code ASIA}) credentials. Profiles that get their
 * credentials from SSO or a {@code credential_process} keep nothing in the file.
 */
final class AwsCredentialsParser {
    private AwsCredentialsParser() {
    }

    static void parse(String text, String file, ScanResults out) {
        Map<String, Map<String, IniFile.Entry>> profiles = new LinkedHashMap<>();
        for (IniFile.Entry e : IniFile.parse(text, IniFile.Dialect.CONFIGPARSER)) {
            profiles.computeIfAbsent(profileName(e.section()), s -> new LinkedHashMap<>()).put(e.key().toLowerCase(Locale.ROOT), e);
        }
        profiles.forEach((profile, keys) -> {
            if (keys.containsKey("sso_session") || keys.containsKey("sso_start_url")) {
                out.safe(file, "AWS profile " + profile + " signs in through IAM Identity Center (SSO): short-lived credentials");
            }
            if (keys.containsKey("credential_process")) {
                out.safe(file, "AWS profile " + profile + " gets its credentials from a credential_process");
            }
            IniFile.Entry secret = keys.get("aws_secret_access_key");
            if (secret == null) {
                return;
            }
            IniFile.Entry keyId = keys.get("aws_access_key_id");
            boolean session = keys.containsKey("aws_session_token");
            judge(out, file, profile, keyId, secret, session);
        });
    }

    private static void judge(ScanResults out, String file, String profile, IniFile.Entry keyId, IniFile.Entry secret,
                              boolean session) {
        String location = file + " line " + secret.line();
        String id = keyId == null ? "" : keyId.value().strip();
        if (id.endsWith("EXAMPLE")) {
            out.ignored(location, "AWS documentation's example key (" + masked(id) + "), not a credential");
            return;
        }
        Optional<AwsAccessKeyId> parsed = AwsAccessKeyId.parse(id);
        boolean temporary = session || parsed.map(AwsAccessKeyId::temporary).orElse(false);
        CredentialKind kind = temporary ? CredentialKind.AWS_TEMPORARY_KEY : CredentialKind.AWS_LONG_LIVED_KEY;
        String target = "profile " + profile + (id.isEmpty() ? "" : ", key " + masked(id))
                + parsed.flatMap(AwsAccessKeyId::accountId).map(a -> ", account " + a).orElse("");
        out.candidate(new Candidate(secret.value(), file, secret.line(), "", "[" + profile + "] aws_secret_access_key", target,
                kind, kind.capability(), kind.canPublish()));
    }

    /** {@code [profile dev]} in the config file is the profile {@code dev}. */
    private static String profileName(String section) {
        String s = section.strip();
        return s.startsWith("profile ") ? s.substring(8).strip() : s;
    }

    /** A key id shown as its prefix and last four characters: enough to find it in the IAM console. */
    static String masked(String keyId) {
        if (keyId.length() < 12) {
            return "…";
        }
        return keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
    }
}
