package dev.hardening.auditor.checks.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.facts.github.GitHubAuthoredCommit;
import dev.hardening.auditor.core.facts.github.GitHubCommitVerification;
import dev.hardening.auditor.core.facts.github.GitHubEmail;
import dev.hardening.auditor.core.facts.github.GitHubEmails;
import dev.hardening.auditor.core.facts.github.GitHubGpgKey;
import dev.hardening.auditor.core.facts.github.GitHubGpgSubkey;
import dev.hardening.auditor.core.facts.github.GitHubOrg;
import dev.hardening.auditor.core.facts.github.GitHubPublicEvents;
import dev.hardening.auditor.core.facts.github.GitHubPushedCommit;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKey;
import dev.hardening.auditor.core.facts.github.GitHubTokenInfo;
import dev.hardening.auditor.core.facts.github.GitHubUser;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.keys.KeyDescription;
import dev.hardening.auditor.core.keys.KeyFormatException;
import dev.hardening.auditor.core.keys.OpenPgpCertificate;
import dev.hardening.auditor.core.keys.OpenPgpKeys;
import dev.hardening.auditor.core.keys.SshPublicKey;
import dev.hardening.auditor.core.keys.SshPublicKeys;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Recorded GitHub responses turned into fact records, with the API's field semantics (the
 * production parser lives with the GitHub client; this one exists so check tests run on real shapes).
 */
public final class RecordedGitHub {
    private RecordedGitHub() {
    }

    /** {@code GET /user} or {@code GET /users/{login}}; {@code two_factor_authentication} only when present. */
    public static GitHubUser user(JsonNode n) {
        JsonNode tfa = n.get("two_factor_authentication");
        Optional<Boolean> twoFactor = tfa != null && tfa.isBoolean() ? Optional.of(tfa.asBoolean()) : Optional.empty();
        return new GitHubUser(n.path("login").asText(), n.path("id").asLong(), Json.text(n, "name").orElse(""),
                Json.text(n, "email"), twoFactor, Json.instant(n, "created_at"));
    }

    public static GitHubViewer viewer(JsonNode user, GitHubTokenInfo token) {
        return new GitHubViewer(user(user), token);
    }

    /** {@code GET /user/emails} of the token's owner. */
    public static GitHubEmails emails(String login, JsonNode list) {
        List<GitHubEmail> out = new ArrayList<>();
        list.forEach(e -> out.add(new GitHubEmail(e.path("email").asText(), e.path("primary").asBoolean(),
                e.path("verified").asBoolean(), Json.text(e, "visibility"))));
        return new GitHubEmails(login, out);
    }

    /** {@code GET /users/{login}/events/public}: the commits its {@code PushEvent}s list. */
    public static GitHubPublicEvents events(String login, JsonNode list) {
        int pushes = 0;
        int bare = 0;
        List<GitHubPushedCommit> commits = new ArrayList<>();
        for (JsonNode e : list) {
            if (!e.path("type").asText().equals("PushEvent")) {
                continue;
            }
            pushes++;
            JsonNode listed = e.path("payload").path("commits");
            if (listed.isEmpty()) {
                bare++;
            }
            for (JsonNode c : listed) {
                commits.add(new GitHubPushedCommit(e.path("repo").path("name").asText(), c.path("sha").asText(),
                        c.path("author").path("name").asText(), c.path("author").path("email").asText(),
                        Json.instant(e, "created_at")));
            }
        }
        return new GitHubPublicEvents(login, list.size(), pushes, bare, commits, true);
    }

    /** One element of {@code GET /repos/{owner}/{repo}/commits} (or {@code GET .../commits/{sha}}). */
    public static GitHubAuthoredCommit commit(String repo, JsonNode c) {
        JsonNode commit = c.path("commit");
        JsonNode v = commit.path("verification");
        return new GitHubAuthoredCommit(repo, c.path("sha").asText(), Json.text(c.path("author"), "login"),
                commit.path("author").path("email").asText(), Json.text(c.path("committer"), "login"),
                commit.path("committer").path("email").asText(), Json.instant(commit.path("author"), "date"),
                new GitHubCommitVerification(v.path("verified").asBoolean(false), v.path("reason").asText("unknown"),
                        Json.instant(v, "verified_at")));
    }

    public static List<GitHubAuthoredCommit> commits(String repo, JsonNode list) {
        List<GitHubAuthoredCommit> out = new ArrayList<>();
        list.forEach(c -> out.add(commit(repo, c)));
        return out;
    }

    /** {@code GET /orgs/{org}}; {@code two_factor_requirement_enabled} only when present. */
    public static GitHubOrg org(JsonNode o) {
        JsonNode tfa = o.get("two_factor_requirement_enabled");
        return new GitHubOrg(o.path("login").asText(), o.path("id").asLong(), Json.text(o, "name").orElse(""),
                tfa != null && tfa.isBoolean() ? Optional.of(tfa.asBoolean()) : Optional.empty());
    }

    /** The logins of a member list. */
    public static List<String> logins(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(m -> out.add(m.path("login").asText()));
        return out;
    }

    /** A GPG key object, its {@code raw_key} parsed with the production parser (as the collector does). */
    public static GitHubGpgKey gpgKey(JsonNode k) {
        Optional<OpenPgpCertificate> cert = Optional.empty();
        Optional<String> problem = Optional.empty();
        Optional<String> raw = Json.text(k, "raw_key");
        if (raw.isEmpty()) {
            problem = Optional.of("GitHub has no armored copy of this key (raw_key is null)");
        } else {
            try {
                cert = Optional.of(OpenPgpKeys.parse(raw.get()));
            } catch (KeyFormatException e) {
                problem = Optional.of("its raw_key cannot be read: " + e.getMessage());
            }
        }
        List<GitHubGpgSubkey> subkeys = new ArrayList<>();
        for (JsonNode s : k.path("subkeys")) {
            subkeys.add(new GitHubGpgSubkey(s.path("key_id").asText(), s.path("can_sign").asBoolean(),
                    Json.instant(s, "expires_at"), bool(s, "revoked"), packet(s)));
        }
        return new GitHubGpgKey(k.path("id").asLong(), k.path("key_id").asText(), k.path("can_sign").asBoolean(),
                Json.instant(k, "created_at"), Json.instant(k, "expires_at"), bool(k, "revoked"), cert,
                cert.isPresent() ? Optional.empty() : packet(k), problem, subkeys);
    }

    public static List<GitHubGpgKey> gpgKeys(JsonNode list) {
        List<GitHubGpgKey> out = new ArrayList<>();
        list.forEach(k -> out.add(gpgKey(k)));
        return out;
    }

    /** An SSH signing key object, its {@code key} parsed with the production parser. */
    public static GitHubSshSigningKey sshKey(JsonNode k) {
        try {
            SshPublicKey key = SshPublicKeys.parse(k.path("key").asText());
            return new GitHubSshSigningKey(k.path("id").asLong(), k.path("title").asText(""), Json.instant(k, "created_at"),
                    Optional.of(key), Optional.empty());
        } catch (KeyFormatException e) {
            return new GitHubSshSigningKey(k.path("id").asLong(), k.path("title").asText(""), Json.instant(k, "created_at"),
                    Optional.empty(), Optional.of("its key cannot be read: " + e.getMessage()));
        }
    }

    private static Optional<KeyDescription> packet(JsonNode k) {
        try {
            return Json.text(k, "public_key").isEmpty() ? Optional.empty()
                    : Optional.of(OpenPgpKeys.describePacket(Base64.getDecoder().decode(k.path("public_key").asText())));
        } catch (KeyFormatException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isBoolean() ? Optional.of(v.asBoolean()) : Optional.empty();
    }
}
