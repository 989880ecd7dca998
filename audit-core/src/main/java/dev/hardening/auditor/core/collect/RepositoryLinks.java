package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a repository link as packages publish it into a GitHub repository. npm's {@code repository}
 * takes many spellings ({@code git+https://github.com/o/r.git}, {@code git://github.com/o/r.git},
 * {@code git+ssh://git@github.com/o/r.git}, {@code git@github.com:o/r.git}, {@code github:o/r}, the
 * bare shorthand {@code o/r}); PyPI's {@code project_urls} hold web pages
 * ({@code https://github.com/o/r/issues}). Only links to one of the accepted hosts resolve (github.com,
 * or the configured GitHub Enterprise host); anything else is refused with the reason.
 */
public final class RepositoryLinks {
    private static final Pattern SCP = Pattern.compile("^(?:([A-Za-z0-9._-]+)@)?([A-Za-z0-9.-]+):(?!//)(.+)$");
    private static final Pattern SHORTHAND = Pattern.compile("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$");
    /** First path segments of github.com pages that are not owners. */
    private static final Set<String> NOT_OWNERS = Set.of("about", "apps", "codespaces", "collections", "contact",
            "customer-stories", "enterprise", "explore", "features", "login", "marketplace", "notifications", "orgs",
            "organizations", "pricing", "pulls", "issues", "readme", "search", "security", "settings", "site", "sponsors",
            "topics", "trending", "users");

    /** The outcome: a repository, or why there is none. */
    public sealed interface Resolution {
        record Repository(RepoRef repo, String host) implements Resolution {
        }

        record Refused(String reason) implements Resolution {
        }
    }

    private RepositoryLinks() {
    }

    /**
     * @param link  the link as published
     * @param hosts the accepted web hosts, lower-case (see {@code GitHubRepoClient#repositoryHosts})
     */
    public static Resolution resolve(String link, Set<String> hosts) {
        if (link == null || link.isBlank()) {
            return new Resolution.Refused("the link is empty");
        }
        String l = link.strip();
        if (l.length() > 2000) {
            return new Resolution.Refused("the link is too long to be a repository URL");
        }
        String lower = l.toLowerCase(Locale.ROOT);
        for (String other : new String[] {"gitlab:", "bitbucket:", "gist:"}) {
            if (lower.startsWith(other)) {
                return new Resolution.Refused("it points to " + other.substring(0, other.length() - 1) + ", not to GitHub");
            }
        }
        if (lower.startsWith("github:")) {
            return onHost("github.com", l.substring("github:".length()), hosts);
        }
        if (SHORTHAND.matcher(l).matches()) {
            // npm reads a bare "owner/name" as a GitHub repository.
            return onHost("github.com", l, hosts);
        }
        if (lower.startsWith("git+")) {
            l = l.substring(4);
            lower = lower.substring(4);
        }
        if (!lower.contains("://")) {
            Matcher scp = SCP.matcher(l);
            // user@host:path, or host:path with a dotted host (not "javascript:...").
            if (scp.matches() && (scp.group(1) != null || scp.group(2).contains("."))) {
                return onHost(scp.group(2), scp.group(3), hosts);
            }
            int slash = l.indexOf('/');
            if (slash > 0 && l.substring(0, slash).contains(".")) {
                // "github.com/owner/name" without a scheme
                return onHost(l.substring(0, slash), l.substring(slash), hosts);
            }
            return new Resolution.Refused("it is not a URL");
        }
        URI uri;
        try {
            uri = new URI(l);
        } catch (URISyntaxException e) {
            return new Resolution.Refused("it is not a valid URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!Set.of("https", "http", "git", "ssh").contains(scheme)) {
            return new Resolution.Refused("its scheme " + scheme + ": is not one a repository is cloned with");
        }
        if (uri.getHost() == null) {
            return new Resolution.Refused("it names no host");
        }
        return onHost(uri.getHost(), Optional.ofNullable(uri.getPath()).orElse(""), hosts);
    }

    private static Resolution onHost(String rawHost, String path, Set<String> hosts) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (!hosts.contains(host)) {
            return new Resolution.Refused("it is on " + host + ", and the audit reads repositories on "
                    + String.join(" and ", hosts) + " only");
        }
        String p = path;
        int cut = indexOfAny(p, '#', '?');
        if (cut >= 0) {
            p = p.substring(0, cut);
        }
        String[] segments = p.replaceAll("^/+", "").split("/+");
        if (segments.length < 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            return new Resolution.Refused("it names " + (segments.length == 1 && !segments[0].isEmpty()
                    ? "an account" : "no repository") + ", not a repository");
        }
        String owner = segments[0];
        String name = segments[1];
        if (name.toLowerCase(Locale.ROOT).endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        if (host.equals("github.com") && NOT_OWNERS.contains(owner.toLowerCase(Locale.ROOT))) {
            return new Resolution.Refused("it is a GitHub page, not a repository");
        }
        if (!RepoRef.isValid(owner, name)) {
            return new Resolution.Refused("\"" + owner + "/" + name + "\" is not a valid GitHub repository name");
        }
        return new Resolution.Repository(new RepoRef(owner, name), host);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
