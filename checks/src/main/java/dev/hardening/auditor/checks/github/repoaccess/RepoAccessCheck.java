package dev.hardening.auditor.checks.github.repoaccess;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.ReadAhead;
import dev.hardening.auditor.checks.support.PublishingRepos;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.Collaborator;
import dev.hardening.auditor.core.facts.github.repo.Collaborators;
import dev.hardening.auditor.core.facts.github.repo.DeployKey;
import dev.hardening.auditor.core.facts.github.repo.DeployKeys;
import dev.hardening.auditor.core.facts.github.repo.GitHubRepository;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code github.repo-access}: who and what can push to each publishing repository.
 * <ul>
 *   <li>FAIL: an outside collaborator (not a member of the owning organisation) with admin rights.</li>
 *   <li>WARN: outside collaborators with write or maintain rights, deploy keys that can write, or more
 *       than {@value #MAX_ADMINS} admins.</li>
 *   <li>PASS: the admins, the outside collaborators and the deploy keys were all read, and none of the
 *       above.</li>
 *   <li>UNKNOWN: one of the three lists could not be read (they need a token; deploy keys need admin
 *       rights) and nothing above was found in the others; the finding names what is needed.</li>
 * </ul>
 */
public final class RepoAccessCheck implements Check {
    /** More admins than this is a warning: each is an account whose takeover gives everything. */
    static final int MAX_ADMINS = 3;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Override
    public List<Finding> evaluate(CheckContext context) {
        PublishingRepos.Repos repos = PublishingRepos.read(context);
        List<Finding> findings = new ArrayList<>(repos.findings());
        findings.addAll(ReadAhead.each(context, Platform.GITHUB, repos.repositories(), repo -> judge(context, repo)));
        return findings;
    }

    private static Finding judge(CheckContext context, PublishingRepository linked) {
        RepoRef ref = linked.repo();
        String subject = ref.subject();
        Fact<GitHubRepository> repoFact = PublishingRepos.repository(context, linked);
        if (repoFact instanceof Fact.Unavailable<GitHubRepository> u) {
            return context.unknown(subject, u.unavailability());
        }
        RepoRef repo = ((Fact.Available<GitHubRepository>) repoFact).value().repo();
        List<Evidence> evidence = new ArrayList<>(PublishingRepos.linkEvidence(linked));
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Unavailability> gaps = new ArrayList<>();

        String adminsSource = "GET /repos/" + repo + "/collaborators?affiliation=all&permission=admin";
        Fact<Collaborators> admins = context.facts().lookup(GitHubRepoFacts.admins(repo));
        if (admins instanceof Fact.Available<Collaborators> a) {
            List<String> logins = a.value().people().stream().filter(Collaborator::admin).map(Collaborator::login).toList();
            evidence.add(Evidence.of("admins", logins.isEmpty() ? "none listed" : String.join(", ", logins)
                    + (a.value().truncated() ? " (and more)" : ""), adminsSource));
            if (logins.size() > MAX_ADMINS || a.value().truncated()) {
                warnings.add((a.value().truncated() ? "more than " + logins.size() : logins.size()) + " accounts are admins of " + repo
                        + ": each one, if taken over, can change every protection and publish secret");
            }
            if (a.value().truncated()) {
                gaps.add(Unavailability.of(Unavailability.Cause.TOO_LARGE, "the admin list of " + repo + " is longer than the audit reads",
                        "review the repository's collaborators in its settings"));
            }
        } else {
            gaps.add(gap(admins, evidence, "admins", adminsSource));
        }

        String outsideSource = "GET /repos/" + repo + "/collaborators?affiliation=outside";
        Fact<Collaborators> outside = context.facts().lookup(GitHubRepoFacts.outsideCollaborators(repo));
        if (outside instanceof Fact.Available<Collaborators> o) {
            List<Collaborator> writers = o.value().people().stream().filter(Collaborator::canWrite).toList();
            evidence.add(Evidence.of("outside collaborators who can write", writers.isEmpty() ? "none"
                    : String.join(", ", writers.stream().map(c -> c.login() + " (" + c.role() + ")").toList()), outsideSource));
            List<String> outsideAdmins = writers.stream().filter(Collaborator::admin).map(Collaborator::login).toList();
            List<String> outsideWriters = writers.stream().filter(c -> !c.admin()).map(c -> c.login() + " (" + c.role() + ")").toList();
            if (!outsideAdmins.isEmpty()) {
                failures.add(String.join(", ", outsideAdmins) + (outsideAdmins.size() == 1 ? " is an outside collaborator" : " are outside collaborators")
                        + " with admin rights on " + repo + ": accounts outside the organisation, outside its 2FA requirement and"
                        + " member reviews, that can change every protection, secret and setting");
            }
            if (!outsideWriters.isEmpty()) {
                warnings.add("outside collaborators can push to " + repo + ": " + String.join(", ", outsideWriters));
            }
            if (o.value().truncated()) {
                gaps.add(Unavailability.of(Unavailability.Cause.TOO_LARGE, "the outside collaborators of " + repo
                        + " are more than the audit reads", "review them in the repository settings"));
            }
        } else {
            gaps.add(gap(outside, evidence, "outside collaborators", outsideSource));
        }

        String keysSource = "GET /repos/" + repo + "/keys";
        Fact<DeployKeys> keys = context.facts().lookup(GitHubRepoFacts.deployKeys(repo));
        if (keys instanceof Fact.Available<DeployKeys> k) {
            List<DeployKey> writable = k.value().keys().stream().filter(key -> !key.readOnly()).toList();
            evidence.add(Evidence.of("deploy keys", k.value().keys().isEmpty() ? "none" : k.value().keys().size() + ", "
                    + (writable.isEmpty() ? "all read-only" : writable.size() + " with write access"), keysSource));
            for (DeployKey key : writable) {
                evidence.add(Evidence.of("deploy key with write access", describe(key, context.now()), keysSource));
            }
            if (!writable.isEmpty()) {
                warnings.add(writable.size() + " deploy key" + (writable.size() == 1 ? " can" : "s can") + " push to " + repo + " ("
                        + String.join(", ", writable.stream().map(key -> "\"" + key.title() + "\"").toList())
                        + "): an SSH key with no second factor, usually stored in a CI secret or on a server");
            }
            if (k.value().truncated()) {
                gaps.add(Unavailability.of(Unavailability.Cause.TOO_LARGE, "the deploy keys of " + repo + " are more than the audit reads",
                        "review them in the repository settings"));
            }
        } else {
            gaps.add(gap(keys, evidence, "deploy keys", keysSource));
        }

        String gapNote = gaps.isEmpty() ? "" : " Not checked: " + String.join("; ", gaps.stream().map(Unavailability::reason).toList()) + ".";
        if (!failures.isEmpty()) {
            return context.fail(subject, String.join("; ", failures) + "." + (warnings.isEmpty() ? "" : " Also: " + String.join("; ", warnings) + ".")
                    + gapNote, evidence);
        }
        if (!warnings.isEmpty()) {
            return context.warn(subject, capitalise(String.join("; ", warnings)) + "." + gapNote, evidence);
        }
        if (!gaps.isEmpty()) {
            return context.unknown(subject, "Who can push to " + repo + " could not be fully read:" + gapNote.substring(" Not checked:".length()),
                    neededFor(gaps), evidence.toArray(Evidence[]::new));
        }
        String adminList = evidenceValue(evidence, "admins");
        return context.pass(subject, (adminList.equals("none listed") ? "No account is listed as an admin of " + repo
                : "Only " + adminList + " can administer " + repo) + "; no outside collaborator can push and no deploy key can write.",
                evidence);
    }

    private static Unavailability gap(Fact<?> fact, List<Evidence> evidence, String what, String source) {
        Unavailability why = ((Fact.Unavailable<?>) fact).unavailability();
        evidence.add(Evidence.of(what, "could not be read: " + why.reason(), source));
        return why;
    }

    /** The distinct permissions named, the strongest (admin) first. */
    private static String neededFor(List<Unavailability> gaps) {
        Set<String> needed = new LinkedHashSet<>();
        gaps.stream().map(Unavailability::needed).filter(n -> n.contains("Administration")).forEach(needed::add);
        gaps.stream().map(Unavailability::needed).filter(n -> !n.isBlank()).forEach(needed::add);
        return String.join("; ", needed);
    }

    private static String describe(DeployKey key, Instant now) {
        String used = key.lastUsed().map(t -> "last used " + DATE.format(t)
                + (Duration.between(t, now).toDays() > 365 ? " (over a year ago)" : "")).orElse("never used");
        return "\"" + key.title() + "\" (" + key.keyType() + ", id " + key.id() + ")" + key.addedBy().map(a -> ", added by " + a).orElse("")
                + key.createdAt().map(t -> " on " + DATE.format(t)).orElse("") + ", " + used;
    }

    private static String evidenceValue(List<Evidence> evidence, String label) {
        return evidence.stream().filter(e -> e.label().equals(label)).map(Evidence::value).findFirst().orElse("");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
