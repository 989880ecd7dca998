package dev.hardening.auditor.core.clients.internal;

import dev.hardening.auditor.core.http.FetchException;

/**
 * Checks a user-supplied name before it becomes a URL path segment. OkHttp encodes every other
 * character, but it resolves {@code .} and {@code ..} segments, so a name like {@code ..} would
 * address a different resource than the one the user named.
 */
public final class PathSegments {
    private PathSegments() {
    }

    /**
     * @param value   the name as given
     * @param what    how to name it in the message, e.g. "npm package name"
     * @param needed  what the user should do, e.g. "check the --npm-package value"
     * @param slashOk whether a {@code /} may appear (npm scoped names); it is then encoded as {@code %2F}
     */
    public static String checked(String value, String what, String needed, boolean slashOk) throws FetchException {
        String v = value == null ? "" : value.trim();
        boolean bad = v.isEmpty() || v.equals(".") || v.equals("..") || v.indexOf('\\') >= 0
                || !slashOk && v.indexOf('/') >= 0 || v.chars().anyMatch(Character::isISOControl);
        if (bad) {
            throw Failures.invalidName("'" + printable(v) + "' is not a valid " + what, needed);
        }
        return v;
    }

    private static String printable(String v) {
        StringBuilder b = new StringBuilder();
        v.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
