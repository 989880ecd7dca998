package dev.hardening.auditor.checks.email.domainexpiry;

import java.util.Locale;
import java.util.Set;

/**
 * Mail domains that will not lapse to a stranger: large providers, and GitHub (whose noreply addresses
 * sit under {@code users.noreply.github.com}). Their addresses are protected by the mailbox's own
 * security, not by a registration someone must renew.
 */
final class LargeMailProviders {
    private static final Set<String> DOMAINS = Set.of(
            "gmail.com", "googlemail.com",
            "outlook.com", "hotmail.com", "live.com", "msn.com",
            "yahoo.com", "ymail.com", "aol.com",
            "icloud.com", "me.com", "mac.com",
            "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
            "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com",
            "yandex.ru", "yandex.com", "zoho.com", "fastmail.com", "tutanota.com", "tuta.io",
            "qq.com", "163.com", "126.com",
            "github.com");

    /** Brands whose country domains (e.g. {@code yahoo.co.uk}, {@code gmx.at}) are the same provider. */
    private static final Set<String> BRANDS_UNDER_ANY_SUFFIX = Set.of("gmx", "yahoo", "hotmail", "outlook");

    private LargeMailProviders() {
    }

    static boolean contains(String registrableDomain) {
        String domain = registrableDomain.toLowerCase(Locale.ROOT);
        if (DOMAINS.contains(domain)) {
            return true;
        }
        int dot = domain.indexOf('.');
        return dot > 0 && BRANDS_UNDER_ANY_SUFFIX.contains(domain.substring(0, dot));
    }
}
