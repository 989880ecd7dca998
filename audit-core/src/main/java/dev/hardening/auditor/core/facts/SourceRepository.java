package dev.hardening.auditor.core.facts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source repository a package names (npm {@code repository}, PyPI {@code project_urls}), so that
 * the repository checks run on the repositories that actually publish. Only hosted forges whose
 * owner/name can be read from the URL are recognised; anything else is empty rather than guessed.
 *
 * @param host        e.g. {@code github.com}
 * @param owner       the account or organisation
 * @param name        the repository name, without {@code .git}
 * @param publishedAs the value as the registry shows it
 */
public record SourceRepository(String host, String owner, String name, String publishedAs) {
    private static final List<String> FORGES = List.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org");
    // scheme://[user@]host[:port]/owner/name[.git][/...] or user@host:owner/name[.git]
    private static final Pattern URL = Pattern.compile(
            "^(?:git\\+)?(?:[a-z][a-z0-9+.-]*://)?(?:[^@/]+@)?([A-Za-z0-9.-]+)(?::\\d+)?[/:]([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?(?:[/#?].*)?$");
    private static final Pattern SHORTHAND = Pattern.compile(
            "^(?:(github|gitlab|bitbucket):)?([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?(?:#.*)?$");
    /** project_urls keys that name the source, most specific first (PyPI shows them as given). */
    private static final List<String> SOURCE_KEYS = List.of("source", "source code", "repository", "code", "github",
            "homepage", "home");

    /** {@code "github.com/owner/name"}. */
    public String slug() {
        return host + "/" + owner + "/" + name;
    }

    public boolean isGitHub() {
        return host.equals("github.com");
    }

    /** npm {@code repository}: a URL, {@code github:owner/name}, or the bare {@code owner/name} shorthand. */
    public static Optional<SourceRepository> parse(String published) {
        if (published == null || published.isBlank()) {
            return Optional.empty();
        }
        String p = published.strip();
        Matcher s = SHORTHAND.matcher(p);
        if (!p.contains("://") && !p.contains("@") && s.matches()) {
            String forge = s.group(1) == null ? "github" : s.group(1);
            String host = forge.equals("bitbucket") ? "bitbucket.org" : forge + ".com";
            return of(host, s.group(2), s.group(3), p);
        }
        Matcher m = URL.matcher(p);
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        return FORGES.contains(host) ? of(host, m.group(2), m.group(3), p) : Optional.empty();
    }

    /** PyPI {@code project_urls}: the first forge URL among the keys that name the source. */
    public static Optional<SourceRepository> fromProjectUrls(Map<String, String> projectUrls) {
        for (String wanted : SOURCE_KEYS) {
            for (Map.Entry<String, String> e : projectUrls.entrySet()) {
                if (e.getKey().strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                    Optional<SourceRepository> r = parse(e.getValue()).filter(x -> x.publishedAs().contains("://"));
                    if (r.isPresent()) {
                        return r;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SourceRepository> of(String host, String owner, String name, String published) {
        if (owner.equals(".") || owner.equals("..") || name.equals(".") || name.equals("..") || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SourceRepository(host, owner, name, published));
    }
}
