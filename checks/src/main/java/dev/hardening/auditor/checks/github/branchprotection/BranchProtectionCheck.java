package dev.hardening.auditor.checks.github.branchprotection;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.ReadAhead;
import dev.hardening.auditor.checks.support.PublishingRepos;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.BranchRule;
import dev.hardening.auditor.core.facts.github.repo.BranchRules;
import dev.hardening.auditor.core.facts.github.repo.ClassicBranchProtection;
import dev.hardening.auditor.core.facts.github.repo.GitHubBranch;
import dev.hardening.auditor.core.facts.github.repo.GitHubRepository;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code github.branch-protection}: the default branch of each publishing repository, protected by
 * classic branch protection, rulesets, or both (GitHub enforces them together, so a setting counts
 * when either source has it). Judged on five settings: force pushes blocked, deletion blocked, an
 * approving review required, nobody able to bypass the protection (admins included), signed commits
 * required.
 *
 * <ul>
 *   <li>FAIL: not protected at all ("Branch not protected" and no ruleset), or force pushes or deletion
 *       allowed.</li>
 *   <li>WARN: force pushes and deletion blocked, but reviews, admin enforcement or signatures missing.</li>
 *   <li>PASS: all five.</li>
 *   <li>UNKNOWN: a setting that decides the verdict could not be read (classic protection is visible to
 *       admins only); the finding names the permission.</li>
 * </ul>
 * Rulesets are public, so a token is needed only when classic protection might be in play. When the
 * protection endpoint is hidden, the branch's public {@code protected} flag still tells "no protection
 * at all" apart from "protection the token cannot read".
 */
public final class BranchProtectionCheck implements Check {

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
        GitHubRepository repo = ((Fact.Available<GitHubRepository>) repoFact).value();
        List<Evidence> evidence = new ArrayList<>();
        String branch = repo.defaultBranch();
        evidence.add(Evidence.of("default branch", branch, "GET /repos/" + ref));
        evidence.addAll(PublishingRepos.linkEvidence(linked));
        if (repo.archived()) {
            return context.notApplicable(subject, ref + " is archived: nobody can push to it until an admin unarchives it.");
        }
        Protection protection = Protection.read(context, repo.repo(), branch, evidence);

        if (protection.unprotected()) {
            return context.fail(subject, "The default branch " + branch + " of " + ref + " is not protected: it has no branch"
                    + " protection and no ruleset applies to it. Anyone with write access, or anyone holding a stolen"
                    + " token or deploy key, can force-push over its history, delete it or push unreviewed commits straight into"
                    + " what the next release publishes.", evidence);
        }
        List<Setting> settings = protection.settings();
        settings.forEach(s -> evidence.add(Evidence.of(s.name(), s.describe(), s.source())));
        Setting forcePush = settings.get(0);
        Setting deletion = settings.get(1);
        List<Setting> missing = settings.stream().filter(s -> s.state() == State.NO).toList();
        List<Setting> unknown = settings.stream().filter(s -> s.state() == State.UNKNOWN).toList();
        String unknownNote = unknown.isEmpty() ? "" : " Could not be read: " + String.join(", ", unknown.stream().map(Setting::name).toList())
                + " (" + unknown.get(0).detail() + ").";
        List<String> lacks = missing.stream().filter(s -> s != forcePush && s != deletion).map(Setting::lacking).toList();
        String lacksNote = lacks.isEmpty() ? "" : " Also: " + String.join("; ", lacks) + ".";

        if (forcePush.state() == State.NO || deletion.state() == State.NO) {
            return context.fail(subject, "The default branch " + branch + " of " + ref + " is protected but allows "
                    + (forcePush.state() == State.NO && deletion.state() == State.NO ? "force pushes and deletion"
                    : forcePush.state() == State.NO ? "force pushes" : "deletion")
                    + ": its history can be rewritten, or the branch removed, under released tags." + lacksNote + unknownNote, evidence);
        }
        if (forcePush.state() == State.UNKNOWN || deletion.state() == State.UNKNOWN) {
            return unknown(context, subject, "GitHub did not show whether force pushes and deletion of " + branch + " in " + ref
                    + " are blocked." + unknownNote, unknown, evidence);
        }
        if (!missing.isEmpty()) {
            return context.warn(subject, "The default branch " + branch + " of " + ref + " blocks force pushes and deletion, but "
                    + String.join("; ", missing.stream().map(Setting::lacking).toList()) + ": " + consequence(missing) + unknownNote,
                    evidence);
        }
        if (!unknown.isEmpty()) {
            return unknown(context, subject, "The default branch " + branch + " of " + ref + " blocks force pushes and deletion."
                    + unknownNote, unknown, evidence);
        }
        return context.pass(subject, "The default branch " + branch + " of " + ref + " blocks force pushes and deletion, requires an"
                + " approving review and signed commits, and nobody can bypass it, admins included.", evidence);
    }

    private static Finding unknown(CheckContext context, String subject, String message, List<Setting> unknown, List<Evidence> evidence) {
        String needed = unknown.stream().map(Setting::why).flatMap(Optional::stream).map(Unavailability::needed)
                .filter(n -> !n.isBlank()).findFirst().orElse("a token that can read the repository's branch protection");
        return context.unknown(subject, message, needed, evidence.toArray(Evidence[]::new));
    }

    private static String consequence(List<Setting> missing) {
        List<String> names = missing.stream().map(Setting::name).toList();
        List<String> parts = new ArrayList<>();
        if (names.contains(Setting.REVIEWS)) {
            parts.add("one account (or one stolen token) can put code on the branch alone");
        }
        if (names.contains(Setting.ADMINS)) {
            parts.add("admins, or anyone holding an admin's token, can skip the protection");
        }
        if (names.contains(Setting.SIGNATURES)) {
            parts.add("commits need not be signed, so a pushed commit proves nothing about its author");
        }
        return String.join("; ", parts) + ".";
    }

    /** Whether a setting holds, does not, or could not be read. */
    enum State { YES, NO, UNKNOWN }

    /** One of the five settings, with what decided it. */
    record Setting(String name, State state, String detail, String source, Optional<Unavailability> why) {
        static final String FORCE_PUSH = "force pushes blocked";
        static final String DELETION = "deletion blocked";
        static final String REVIEWS = "an approving review required";
        static final String ADMINS = "no bypass (admins included)";
        static final String SIGNATURES = "signed commits required";

        /** The setting's absence, as a clause. */
        String lacking() {
            return switch (name) {
                case FORCE_PUSH -> "force pushes are allowed";
                case DELETION -> "the branch can be deleted";
                case REVIEWS -> "no approving review is required";
                case ADMINS -> "admins can bypass the protection";
                default -> "signed commits are not required";
            };
        }

        String describe() {
            return (state == State.YES ? "yes" : state == State.NO ? "no" : "unknown") + (detail.isEmpty() ? "" : " — " + detail);
        }
    }

    /** Classic protection and rulesets of one branch, combined. */
    private record Protection(RepoRef repo, String branch, Source classic, Source rules, List<RulesetBypass> bypasses) {

        static Protection read(CheckContext context, RepoRef repo, String branch, List<Evidence> evidence) {
            String classicResource = "GET /repos/" + repo + "/branches/" + branch + "/protection";
            String rulesResource = "GET /repos/" + repo + "/rules/branches/" + branch;
            Fact<ClassicBranchProtection> classicFact = context.facts().lookup(GitHubRepoFacts.classicProtection(repo, branch));
            Fact<BranchRules> rulesFact = context.facts().lookup(GitHubRepoFacts.branchRules(repo, branch));
            Source classic = Source.of(classicFact, classicResource);
            Source rules = Source.of(rulesFact, rulesResource);
            if (classic.unknown() || rules.unknown()) {
                // The public branch answer says whether any protection applies at all.
                Fact<GitHubBranch> branchFact = context.facts().lookup(GitHubRepoFacts.branch(repo, branch));
                Optional<GitHubBranch> b = branchFact.valueIfAvailable();
                if (b.isPresent()) {
                    evidence.add(Evidence.of("branch protected (public flag)", b.get().isProtected(), "GET /repos/" + repo + "/branches/" + branch));
                    if (!b.get().isProtected()) {
                        classic = Source.known(ClassicBranchProtection.notProtected(repo, branch), classicResource + " (not read; the branch is not protected)");
                        rules = Source.known(new BranchRules(repo, branch, List.of()), rulesResource);
                    }
                }
            }
            evidence.add(Evidence.of("classic branch protection", classic.describeClassic(), classic.resource()));
            evidence.add(Evidence.of("ruleset rules", rules.describeRules(), rules.resource()));
            List<RulesetBypass> bypasses = new ArrayList<>();
            rules.rules().ifPresent(r -> r.rulesetIds().forEach(id -> bypasses.add(RulesetBypass.read(context, repo, id, evidence))));
            return new Protection(repo, branch, classic, rules, bypasses);
        }

        boolean unprotected() {
            return classic.classic().filter(c -> !c.present()).isPresent() && rules.rules().filter(r -> r.rules().isEmpty()).isPresent();
        }

        /** The five settings, force pushes and deletion first. */
        List<Setting> settings() {
            Optional<ClassicBranchProtection> c = classic.classic().filter(ClassicBranchProtection::present);
            List<BranchRule> rs = rules.rules().map(BranchRules::rules).orElse(List.of());
            Setting forcePush = setting(Setting.FORCE_PUSH, c.flatMap(ClassicBranchProtection::allowForcePushes).map(a -> !a),
                    "classic protection", rule(rs, "non_fast_forward"));
            Setting deletion = setting(Setting.DELETION, c.flatMap(ClassicBranchProtection::allowDeletions).map(a -> !a),
                    "classic protection", rule(rs, "deletion"));
            Setting reviews = setting(Setting.REVIEWS, c.flatMap(ClassicBranchProtection::requiredApprovingReviews).map(n -> n >= 1),
                    "classic protection" + c.flatMap(ClassicBranchProtection::requiredApprovingReviews).map(n -> ", " + n + " approving review"
                            + (n == 1 ? "" : "s")).orElse(""),
                    rs.stream().filter(r -> r.type().equals("pull_request") && r.intParameter("required_approving_review_count").orElse(0) >= 1)
                            .findFirst());
            Setting signatures = setting(Setting.SIGNATURES, c.flatMap(ClassicBranchProtection::requiredSignatures),
                    "classic protection", rule(rs, "required_signatures"));
            return List.of(forcePush, deletion, reviews, admins(List.of(forcePush, deletion, reviews, signatures), c, rs), signatures);
        }

        /**
         * A setting holds when classic protection or a ruleset has it; it does not when both were read
         * and neither has it; otherwise it is unknown.
         */
        private Setting setting(String name, Optional<Boolean> classicValue, String classicDetail, Optional<BranchRule> rule) {
            if (rule.isPresent()) {
                return new Setting(name, State.YES, "ruleset " + rule.get().rulesetId().map(String::valueOf).orElse("")
                        + rule.get().source().map(s -> " (" + rule.get().sourceType().map(t -> t + " ").orElse("") + s + ")").orElse(""),
                        rules.resource(), Optional.empty());
            }
            if (classicValue.filter(v -> v).isPresent()) {
                return new Setting(name, State.YES, classicDetail, classic.resource(), Optional.empty());
            }
            Optional<Unavailability> why = classic.why().or(rules::why);
            boolean classicKnown = classic.classic().isPresent()
                    && (!classic.classic().get().present() || classicValue.isPresent());
            if (classicKnown && rules.rules().isPresent()) {
                return new Setting(name, State.NO, "", classic.resource(), Optional.empty());
            }
            return new Setting(name, State.UNKNOWN, why.map(Unavailability::reason)
                    .orElse("GitHub did not send this setting"), classic.resource(), why);
        }

        /**
         * Nobody can bypass the protection: every setting that holds is enforced by a source that
         * admits no bypass (classic protection with "include administrators", or a ruleset with no
         * bypass actor that may always bypass it).
         */
        private Setting admins(List<Setting> held, Optional<ClassicBranchProtection> c, List<BranchRule> rs) {
            List<String> holes = new ArrayList<>();
            boolean anyUnknown = false;
            Optional<Unavailability> why = Optional.empty();
            boolean anyHeld = false;
            for (Setting s : held) {
                if (s.state() != State.YES) {
                    continue;
                }
                anyHeld = true;
                State enforced = State.NO;
                if (s.detail().startsWith("ruleset")) {
                    for (BranchRule r : rulesFor(s.name(), rs)) {
                        State b = r.rulesetId().map(this::rulesetBinding).orElse(State.UNKNOWN);
                        enforced = b == State.YES ? State.YES : enforced == State.YES ? State.YES : b == State.UNKNOWN ? State.UNKNOWN : enforced;
                    }
                }
                if (enforced != State.YES && c.isPresent() && classicProvides(s.name(), c.get())) {
                    State b = c.get().enforceAdmins().map(v -> v ? State.YES : State.NO).orElse(State.UNKNOWN);
                    enforced = b == State.YES ? State.YES : enforced == State.UNKNOWN || b == State.UNKNOWN ? State.UNKNOWN : State.NO;
                }
                if (enforced == State.NO) {
                    holes.add(s.name());
                } else if (enforced == State.UNKNOWN) {
                    anyUnknown = true;
                    why = why.or(() -> bypasses.stream().map(RulesetBypass::why).flatMap(Optional::stream).findFirst());
                }
            }
            if (!anyHeld) {
                boolean open = held.stream().anyMatch(s -> s.state() == State.UNKNOWN);
                return new Setting(Setting.ADMINS, open ? State.UNKNOWN : State.NO, open ? "depends on the settings that could not be read"
                        : "nothing to bypass", classic.resource(), held.stream().map(Setting::why).flatMap(Optional::stream).findFirst());
            }
            String bypassers = String.join("; ", bypasses.stream().map(RulesetBypass::describe).filter(d -> !d.isEmpty()).toList());
            if (!holes.isEmpty()) {
                return new Setting(Setting.ADMINS, State.NO, "can be bypassed for " + String.join(", ", holes)
                        + (c.flatMap(ClassicBranchProtection::enforceAdmins).filter(v -> !v).isPresent()
                        ? " (classic protection does not include administrators)" : "")
                        + (bypassers.isEmpty() ? "" : " (" + bypassers + ")"), classic.resource(), Optional.empty());
            }
            if (anyUnknown) {
                return new Setting(Setting.ADMINS, State.UNKNOWN, why.map(Unavailability::reason)
                        .orElse("who may bypass the protection is not visible to this token"), classic.resource(), why);
            }
            return new Setting(Setting.ADMINS, State.YES, "", classic.resource(), Optional.empty());
        }

        private State rulesetBinding(long id) {
            return bypasses.stream().filter(b -> b.id() == id).findFirst().map(RulesetBypass::binding).orElse(State.UNKNOWN);
        }

        private static List<BranchRule> rulesFor(String setting, List<BranchRule> rs) {
            String type = switch (setting) {
                case Setting.FORCE_PUSH -> "non_fast_forward";
                case Setting.DELETION -> "deletion";
                case Setting.REVIEWS -> "pull_request";
                default -> "required_signatures";
            };
            return rs.stream().filter(r -> r.type().equals(type)).toList();
        }

        private static boolean classicProvides(String setting, ClassicBranchProtection c) {
            return switch (setting) {
                case Setting.FORCE_PUSH -> c.allowForcePushes().filter(v -> !v).isPresent();
                case Setting.DELETION -> c.allowDeletions().filter(v -> !v).isPresent();
                case Setting.REVIEWS -> c.requiredApprovingReviews().filter(n -> n >= 1).isPresent();
                default -> c.requiredSignatures().filter(v -> v).isPresent();
            };
        }

        private static Optional<BranchRule> rule(List<BranchRule> rules, String type) {
            return rules.stream().filter(r -> r.type().equals(type)).findFirst();
        }
    }

    /** What one protection source says: known (with its value) or unavailable (with the reason). */
    private record Source(Optional<ClassicBranchProtection> classic, Optional<BranchRules> rules, Optional<Unavailability> why,
                          String resource) {
        static Source of(Fact<?> fact, String resource) {
            if (fact instanceof Fact.Unavailable<?> u) {
                return new Source(Optional.empty(), Optional.empty(), Optional.of(u.unavailability()), resource);
            }
            Object value = ((Fact.Available<?>) fact).value();
            return known(value, resource);
        }

        static Source known(Object value, String resource) {
            return new Source(value instanceof ClassicBranchProtection c ? Optional.of(c) : Optional.empty(),
                    value instanceof BranchRules r ? Optional.of(r) : Optional.empty(), Optional.empty(), resource);
        }

        boolean unknown() {
            return why.isPresent();
        }

        String describeClassic() {
            if (why.isPresent()) {
                return "could not be read: " + why.get().reason();
            }
            ClassicBranchProtection c = classic.orElseThrow();
            if (!c.present()) {
                return "none (GitHub: \"Branch not protected\")";
            }
            List<String> parts = new ArrayList<>();
            parts.add(c.requiredApprovingReviews().map(n -> n + " approving review" + (n == 1 ? "" : "s")).orElse("reviews unknown"));
            parts.add("force pushes " + c.allowForcePushes().map(a -> a ? "allowed" : "blocked").orElse("unknown"));
            parts.add("deletion " + c.allowDeletions().map(a -> a ? "allowed" : "blocked").orElse("unknown"));
            parts.add("administrators " + c.enforceAdmins().map(a -> a ? "included" : "not included").orElse("unknown"));
            parts.add("signed commits " + c.requiredSignatures().map(a -> a ? "required" : "not required").orElse("unknown"));
            return String.join(", ", parts);
        }

        String describeRules() {
            if (why.isPresent()) {
                return "could not be read: " + why.get().reason();
            }
            List<BranchRule> rs = rules.orElseThrow().rules();
            if (rs.isEmpty()) {
                return "none apply";
            }
            List<String> parts = new ArrayList<>();
            for (BranchRule r : rs) {
                parts.add(r.type() + (r.type().equals("pull_request") ? " (" + r.intParameter("required_approving_review_count").orElse(0)
                        + " approving)" : "") + r.rulesetId().map(id -> " [ruleset " + id + "]").orElse(""));
            }
            return String.join(", ", parts);
        }
    }

    /** Who may bypass one ruleset, as far as the token can see. */
    private record RulesetBypass(long id, State binding, String describe, Optional<Unavailability> why) {
        static RulesetBypass read(CheckContext context, RepoRef repo, long id, List<Evidence> evidence) {
            String resource = "GET /repos/" + repo + "/rulesets/" + id;
            Fact<dev.hardening.auditor.core.facts.github.repo.RepoRuleset> fact = context.facts().lookup(GitHubRepoFacts.ruleset(repo, id));
            if (fact instanceof Fact.Unavailable<?> u) {
                evidence.add(Evidence.of("bypass list of ruleset " + id, "could not be read: " + u.unavailability().reason(), resource));
                return new RulesetBypass(id, State.UNKNOWN, "", Optional.of(u.unavailability()));
            }
            var ruleset = ((Fact.Available<dev.hardening.auditor.core.facts.github.repo.RepoRuleset>) fact).value();
            if (ruleset.bypassActors().isEmpty()) {
                evidence.add(Evidence.of("bypass list of ruleset " + id, "hidden from this token"
                        + ruleset.currentUserCanBypass().map(c -> " (the token's account: " + c + ")").orElse(""), resource));
                return new RulesetBypass(id, State.UNKNOWN, "", Optional.of(Unavailability.of(Unavailability.Cause.FORBIDDEN,
                        "GitHub shows who may bypass ruleset " + id + " of " + repo + " only to those who can edit it",
                        "a token of an admin of " + repo + " (Administration: read, fine-grained; repo, classic)")));
            }
            List<String> always = ruleset.bypassActors().get().stream()
                    .filter(a -> !a.bypassMode().equalsIgnoreCase("pull_request")).map(a -> a.describe()).toList();
            evidence.add(Evidence.of("bypass list of ruleset " + id + " \"" + ruleset.name() + "\"",
                    ruleset.bypassActors().get().isEmpty() ? "nobody" : String.join("; ",
                            ruleset.bypassActors().get().stream().map(a -> a.describe()).toList()), resource));
            return new RulesetBypass(id, always.isEmpty() ? State.YES : State.NO,
                    always.isEmpty() ? "" : "ruleset " + id + " bypassed by " + String.join(", ", always), Optional.empty());
        }
    }
}
