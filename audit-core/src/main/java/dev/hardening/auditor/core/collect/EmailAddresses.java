package dev.hardening.auditor.core.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Finds addresses in free-form metadata fields and names the domain someone would have to own to
 * receive their mail. PyPI's {@code author_email} holds whatever the author wrote:
 * {@code "Name <a@b.org>, c@d.net"}, semicolon lists, quoted names with commas.
 */
public final class EmailAddresses {
    // Local part per RFC 5322 "atext" and dots; a domain of at least two labels (letters of any script).
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

    private EmailAddresses() {
    }

    /** Every address in {@code text}, lower-cased, in order of appearance (duplicates kept). */
    public static List<String> extract(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * GitHub's no-reply addresses ({@code 123+user@users.noreply.github.com}, {@code noreply@github.com})
     * receive no mail, so they cannot be taken over through their domain.
     */
    public static boolean isGitHubNoreply(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return a.endsWith("@users.noreply.github.com") || a.equals("noreply@github.com");
    }

    /**
     * The registrable domain (public suffix plus one label), e.g. {@code example.co.uk} for
     * {@code a@mail.example.co.uk}; empty for a public suffix itself, an IP literal or a malformed
     * domain. Uses OkHttp's bundled public suffix list.
     */
    public static Optional<String> registrableDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse("https://" + address.substring(at + 1) + "/");
        if (url == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(url.topPrivateDomain());
    }
}
