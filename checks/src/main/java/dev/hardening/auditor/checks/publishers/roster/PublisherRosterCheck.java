package dev.hardening.auditor.checks.publishers.roster;

import dev.hardening.auditor.checks.support.AuditedNames;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIOwnership;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIRole;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code publishers.roster}: who can publish each audited package (npm {@code maintainers}, PyPI
 * {@code ownership.roles} Owner and Maintainer), against the team's roster in the policy. Publishers
 * outside the roster FAIL; a single publisher, or an npm publisher who has published nothing (in any
 * audited package) for a year, WARN; otherwise PASS. For npm each publisher's last published version
 * (from {@code _npmUser} and {@code time}) is evidence. One finding per package; a package whose data
 * cannot be read is UNKNOWN on its own and the others are still evaluated.
 */
public final class PublisherRosterCheck implements Check {
    private static final Set<String> PYPI_PUBLISHING_ROLES = Set.of("owner", "maintainer");
    private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");
    static final Duration IDLE = Duration.ofDays(365);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** A version someone published by hand: which package, which version, when. */
    private record Publish(String pkg, String version, Instant at) {
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        AuditedNames.Names npm = AuditedNames.npmPackages(context);
        findings.addAll(npm.unknowns());
        Map<String, Publish> lastAnywhere = lastPublishes(context, npm.names());
        npm.names().forEach(name -> findings.add(npmPackage(context, name, lastAnywhere)));
        AuditedNames.Names pypi = AuditedNames.pypiProjects(context);
        findings.addAll(pypi.unknowns());
        pypi.names().forEach(name -> findings.add(pypiProject(context, name)));
        return findings;
    }

    /** Each account's newest hand publish across the audited packages that could be read (keys lower-cased). */
    private static Map<String, Publish> lastPublishes(CheckContext context, List<String> names) {
        Map<String, Publish> last = new HashMap<>();
        for (String name : names) {
            context.facts().lookup(NpmFacts.packument(name)).valueIfAvailable()
                    .ifPresent(p -> lastByPublisher(p).forEach((who, publish) -> last.merge(who, publish,
                            (a, b) -> a.at().isAfter(b.at()) ? a : b)));
        }
        return last;
    }

    /** Each account's newest publish of one package; trusted-publisher (OIDC) publishes name no person. */
    private static Map<String, Publish> lastByPublisher(NpmPackument packument) {
        Map<String, Publish> last = new HashMap<>();
        for (NpmVersion v : packument.versions()) {
            if (v.trustedPublisher().isPresent() || v.publisher().isEmpty() || v.publishedAt().isEmpty()
                    || v.publisher().get().name().isBlank()) {
                continue;
            }
            Publish publish = new Publish(packument.name(), v.version(), v.publishedAt().get());
            last.merge(key(v.publisher().get().name()), publish, (a, b) -> a.at().isAfter(b.at()) ? a : b);
        }
        return last;
    }

    private static Finding npmPackage(CheckContext context, String name, Map<String, Publish> lastAnywhere) {
        String subject = "npm:" + name;
        Fact<NpmPackument> fact = context.facts().lookup(NpmFacts.packument(name));
        if (fact instanceof Fact.Unavailable<NpmPackument> unavailable) {
            return context.unknown(subject, unavailable.unavailability());
        }
        NpmPackument packument = ((Fact.Available<NpmPackument>) fact).value();
        Map<String, Publisher> publishers = new LinkedHashMap<>();
        for (NpmPerson maintainer : packument.maintainers()) {
            if (!maintainer.name().isBlank()) {
                publishers.putIfAbsent(key(maintainer.name()), new Publisher(maintainer.name(), maintainer.name()));
            }
        }
        if (publishers.isEmpty()) {
            return context.unknown(subject, "The registry lists no maintainers for " + name + ".",
                    "the package's owners as `npm owner ls " + name + "` shows them");
        }
        Optional<Set<String>> roster = context.policy().rosterFor(subject);
        String source = "GET /" + name + " (maintainers, versions[]._npmUser, time)";
        Map<String, Publish> lastHere = lastByPublisher(packument);
        Instant idleSince = context.now().minus(IDLE);
        List<Evidence> extra = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        for (Publisher publisher : publishers.values()) {
            Publish here = lastHere.get(key(publisher.name()));
            Publish anywhere = lastAnywhere.get(key(publisher.name()));
            String value = here == null ? "has published no version of " + name + " by hand"
                    : "last published " + here.version() + " on " + DATE.format(here.at());
            if (anywhere != null && (here == null || anywhere.at().isAfter(here.at()))) {
                value += "; last publish of all audited packages: " + anywhere.pkg() + " " + anywhere.version()
                        + " on " + DATE.format(anywhere.at());
            }
            extra.add(Evidence.of("publisher " + publisher.name(), value, source));
            if (anywhere == null || anywhere.at().isBefore(idleSince)) {
                idle.add(publisher.name());
            }
        }
        boolean trustedLatest = packument.versions().stream().reduce((a, b) -> b)
                .map(v -> v.trustedPublisher().isPresent()).orElse(false);
        if (trustedLatest && !idle.isEmpty()) {
            // Releases go through trusted publishing, so nobody is expected to publish by hand.
            extra.add(Evidence.of("idle", String.join(", ", idle) + " (not judged: the latest release went through"
                    + " trusted publishing)", source));
            idle = List.of();
        }
        return judge(context, subject, name, List.copyOf(publishers.values()), roster, source, extra, idle)
                .withAttribute("publishers", names(publishers));
    }

    private static Finding pypiProject(CheckContext context, String name) {
        String subject = "pypi:" + name;
        Fact<PyPIProject> fact = context.facts().lookup(PyPIFacts.project(name));
        if (fact instanceof Fact.Unavailable<PyPIProject> unavailable) {
            return context.unknown(subject, unavailable.unavailability());
        }
        String source = "GET /pypi/" + name + "/json (ownership)";
        Optional<PyPIOwnership> ownership = ((Fact.Available<PyPIProject>) fact).value().ownership();
        if (ownership.isEmpty()) {
            return context.unknown(subject, "PyPI did not include `ownership` in the JSON of " + name
                            + " (an older PyPI or a mirror), so its publishers are not visible.",
                    "the JSON API of pypi.org, or the project's collaborators page on PyPI");
        }
        List<Evidence> extra = new ArrayList<>();
        Optional<String> organization = ownership.get().organization();
        organization.ifPresent(org -> extra.add(Evidence.of("organization", org + " (its owners can also manage the project)", source)));
        Map<String, Publisher> publishers = new LinkedHashMap<>();
        for (PyPIRole role : ownership.get().roles()) {
            if (PYPI_PUBLISHING_ROLES.contains(role.role().toLowerCase(Locale.ROOT)) && !role.user().isBlank()) {
                publishers.putIfAbsent(key(role.user()), new Publisher(role.user(), role.user() + " (" + role.role() + ")"));
            }
        }
        if (publishers.isEmpty()) {
            String reason = organization
                    .map(org -> name + " belongs to the PyPI organization " + org
                            + ", and PyPI does not publish which of its members can upload.")
                    .orElse("PyPI lists no owners or maintainers for " + name + ".");
            return context.unknown(subject, reason, "a review of the project's collaborators (and the organization's"
                    + " members and teams) on PyPI", extra.toArray(Evidence[]::new));
        }
        Optional<Set<String>> roster = context.policy().rosterFor(subject)
                .or(() -> context.policy().rosterFor("pypi:" + normalisedPyPIName(name)));
        return judge(context, subject, name, List.copyOf(publishers.values()), roster, source, extra, List.of())
                .withAttribute("publishers", names(publishers));
    }

    private static Finding judge(CheckContext context, String subject, String name, List<Publisher> publishers,
                                 Optional<Set<String>> roster, String source, List<Evidence> extra, List<String> idle) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("publishers", String.join(", ", publishers.stream().map(Publisher::shownAs).toList()), source));
        evidence.addAll(extra);
        boolean single = publishers.size() == 1;
        String sole = single ? " " + publishers.get(0).name() + " is also its only publisher." : "";
        if (roster.isPresent()) {
            Set<String> allowed = new TreeSet<>();
            roster.get().forEach(r -> allowed.add(key(r)));
            String policySource = context.policy().source().isEmpty() ? "policy" : "policy " + context.policy().source();
            evidence.add(Evidence.of("roster", String.join(", ", new TreeSet<>(roster.get())), policySource));
            List<String> outsiders = publishers.stream().map(Publisher::name).filter(p -> !allowed.contains(key(p))).toList();
            Set<String> publishing = new TreeSet<>();
            publishers.forEach(p -> publishing.add(key(p.name())));
            List<String> absent = new TreeSet<>(roster.get()).stream().filter(r -> !publishing.contains(key(r))).toList();
            if (!absent.isEmpty()) {
                evidence.add(Evidence.of("in the roster but not a publisher", String.join(", ", absent), policySource));
            }
            if (!outsiders.isEmpty()) {
                return context.fail(subject, outsiders.size() + (outsiders.size() == 1 ? " account" : " accounts")
                        + " can publish " + name + " without being in the team's roster: " + String.join(", ", outsiders)
                        + "." + sole + idleSentence(idle, name), evidence);
            }
        }
        if (single) {
            String who = publishers.get(0).name();
            return context.warn(subject, "Only " + who + " can publish " + name + ": one phished or reused password takes"
                    + " the package over, and nobody else can yank a bad release or revoke tokens if " + who
                    + " is unavailable." + idleSentence(idle, name), evidence);
        }
        if (!idle.isEmpty()) {
            return context.warn(subject, idleSentence(idle, name).strip() + " An account nobody uses is one nobody watches:"
                    + " remove its publish rights, or confirm it is still protected.", evidence);
        }
        String message = roster.isPresent()
                ? "All " + publishers.size() + " publishers of " + name + " are in the team's roster."
                : name + " has " + publishers.size() + " publishers; add a roster for " + subject
                        + " to the policy to be told when that changes.";
        return context.pass(subject, message, evidence);
    }

    private static String idleSentence(List<String> idle, String name) {
        if (idle.isEmpty()) {
            return "";
        }
        return " " + String.join(", ", idle) + (idle.size() == 1 ? " has" : " have") + " published nothing for more than"
                + " a year but can still publish " + name + ".";
    }

    /** The publishers' account names, machine-readable for snapshot diffs and the team view. */
    private static List<String> names(Map<String, Publisher> publishers) {
        return publishers.values().stream().map(Publisher::name).toList();
    }

    private static String key(String user) {
        return user.trim().toLowerCase(Locale.ROOT);
    }

    /** PEP 503: PyPI treats runs of {@code -}, {@code _} and {@code .} as one {@code -}, case-insensitively. */
    private static String normalisedPyPIName(String name) {
        return PEP503_SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }
}
