package dev.hardening.auditor.core.workstation;

import java.util.ArrayList;
import java.util.List;

/**
 * INI files as the tools that write them read them. Two dialects:
 * <ul>
 *   <li>{@link Dialect#NPM} (the {@code ini} package behind npm): {@code key=value} split at the first
 *       {@code =} only (npm keys contain {@code :}, as in {@code //registry.npmjs.org/:_authToken}),
 *       quoted values unquoted, {@code ;} or {@code #} ending an unquoted value;</li>
 *   <li>{@link Dialect#CONFIGPARSER} (Python's configparser, used by twine for {@code .pypirc}, and
 *       the AWS CLI's format): {@code =} or {@code :} as delimiter, indented lines continuing the
 *       previous value, no inline comments.</li>
 * </ul>
 * Both: {@code [section]} headers, whole-line comments starting with {@code ;} or {@code #}.
 * Malformed lines are skipped, never fatal: the file is the user's, not ours.
 */
public final class IniFile {
    /** One setting, with the 1-based line it starts on. */
    public record Entry(String section, String key, String value, int line) {
    }

    public enum Dialect { NPM, CONFIGPARSER }

    private IniFile() {
    }

    public static List<Entry> parse(String text, Dialect dialect) {
        List<Entry> entries = new ArrayList<>();
        String section = "";
        String[] lines = text.split("\r\n|\r|\n", -1);
        Entry open = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            boolean indented = !raw.isEmpty() && Character.isWhitespace(raw.charAt(0));
            if (line.isEmpty()) {
                open = null;
                continue;
            }
            if (line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (dialect == Dialect.CONFIGPARSER && indented && open != null) {
                Entry continued = new Entry(open.section(), open.key(), open.value() + "\n" + line, open.line());
                entries.set(entries.size() - 1, continued);
                open = continued;
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                open = null;
                continue;
            }
            int at = delimiter(line, dialect);
            if (at <= 0) {
                open = null;
                continue;
            }
            String key = line.substring(0, at).strip();
            String value = line.substring(at + 1).strip();
            if (dialect == Dialect.NPM) {
                value = npmValue(value);
            }
            open = new Entry(section, key, value, i + 1);
            entries.add(open);
        }
        return entries;
    }

    private static int delimiter(String line, Dialect dialect) {
        int eq = line.indexOf('=');
        if (dialect == Dialect.NPM) {
            return eq;
        }
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** The {@code ini} package's reading of a value: quotes removed, else cut at an inline comment. */
    private static String npmValue(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (escaped) {
                if (c != '\\' && c != ';' && c != '#') {
                    out.append('\\');
                }
                out.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ';' || c == '#') {
                break;
            } else {
                out.append(c);
            }
        }
        if (escaped) {
            out.append('\\');
        }
        return out.toString().strip();
    }
}
