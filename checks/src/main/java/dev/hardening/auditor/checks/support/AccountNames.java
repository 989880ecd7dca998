package dev.hardening.auditor.checks.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Account names as users type them: GitHub logins and npm user names compare case-insensitively. */
public final class AccountNames {
    private AccountNames() {
    }

    /** The names without case-insensitive repeats, in the order first given, with the first spelling kept. */
    public static List<String> distinctIgnoringCase(List<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        names.forEach(n -> byKey.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        return List.copyOf(byKey.values());
    }
}
