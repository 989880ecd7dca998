package dev.hardening.auditor.checks.release.publishanomalies;

import dev.hardening.auditor.checks.release.publishanomalies.Anomaly.Kind;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The anomalies of one npm package's version history (versions oldest first by publish time):
 * a version published by an account outside the roster (or, without a roster, outside the current
 * maintainers); a version without provenance after one with it; an install script a version adds that
 * its predecessor (in the same release line, else the version before it) did not have; and the
 * timing anomalies of {@link Timeline}.
 */
final class NpmHistory {
    private static final int MAX_COMMAND = 120;

    private NpmHistory() {
    }

    static List<Anomaly> anomalies(NpmPackument packument, Optional<Set<String>> roster) {
        List<NpmVersion> versions = packument.versions();
        List<Anomaly> out = new ArrayList<>();
        out.addAll(publishers(packument, roster));
        out.addAll(provenance(versions));
        out.addAll(installScripts(versions));
        List<Timeline.Release> dated = versions.stream().filter(v -> v.publishedAt().isPresent())
                .map(v -> new Timeline.Release(v.version(), v.publishedAt().get())).toList();
        out.addAll(Timeline.anomalies(dated));
        return out;
    }

    private static List<Anomaly> publishers(NpmPackument packument, Optional<Set<String>> roster) {
        Set<String> allowed = new TreeSet<>();
        roster.ifPresentOrElse(r -> r.forEach(u -> allowed.add(key(u))),
                () -> packument.maintainers().forEach(m -> allowed.add(key(m.name()))));
        String against = roster.isPresent() ? "who is not on the team's roster" : "who is not among the package's maintainers";
        List<Anomaly> out = new ArrayList<>();
        for (NpmVersion v : packument.versions()) {
            // An OIDC publish names the CI provider, not a person; it is judged by its provenance instead.
            Optional<String> who = v.publisher().map(NpmPerson::name).filter(n -> !n.isBlank());
            if (v.trustedPublisher().isPresent() || who.isEmpty() || allowed.isEmpty()) {
                continue;
            }
            if (!allowed.contains(key(who.get()))) {
                out.add(new Anomaly(v.version(), Kind.UNEXPECTED_PUBLISHER, "published by " + who.get() + ", " + against));
            }
        }
        return out;
    }

    private static List<Anomaly> provenance(List<NpmVersion> versions) {
        List<Anomaly> out = new ArrayList<>();
        Optional<NpmVersion> lastAttested = Optional.empty();
        for (NpmVersion v : versions) {
            if (v.hasProvenance()) {
                lastAttested = Optional.of(v);
            } else if (lastAttested.isPresent()) {
                out.add(new Anomaly(v.version(), Kind.PROVENANCE_LOST, "published without provenance although "
                        + lastAttested.get().version() + ", published before it, had "
                        + (lastAttested.get().trustedPublisher().isPresent() ? "a trusted publisher" : "a provenance attestation")));
            }
        }
        return out;
    }

    private static List<Anomaly> installScripts(List<NpmVersion> versions) {
        List<Anomaly> out = new ArrayList<>();
        Map<String, NpmVersion> lastOfLine = new HashMap<>();
        NpmVersion previous = null;
        for (NpmVersion v : versions) {
            String line = ReleaseLines.of(v.version());
            NpmVersion before = lastOfLine.getOrDefault(line, previous);
            if (before != null) {
                for (Map.Entry<String, String> s : v.installScripts().entrySet()) {
                    if (!before.installScripts().containsKey(s.getKey())) {
                        out.add(new Anomaly(v.version(), Kind.INSTALL_SCRIPT_ADDED, "adds a " + s.getKey() + " script (`"
                                + shorten(s.getValue()) + "`) that " + before.version() + " did not have"));
                    }
                }
            }
            lastOfLine.put(line, v);
            previous = v;
        }
        return out;
    }

    private static String shorten(String command) {
        String oneLine = command.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_COMMAND ? oneLine : oneLine.substring(0, MAX_COMMAND) + "…";
    }

    private static String key(String user) {
        return user.trim().toLowerCase(Locale.ROOT);
    }
}
