package dev.hardening.auditor.core.report;

/**
 * Makes untrusted text (subjects and messages come from APIs) inert inside Markdown: it can neither
 * break the checklist structure nor inject links, images or raw HTML.
 */
public final class MarkdownText {
    /**
     * Characters that are markup anywhere on a line: emphasis, links and images (an escaped {@code [}
     * also disarms {@code ![} and {@code ](}), raw HTML and autolinks, entities, table cells,
     * strikethrough, code spans and escapes themselves.
     */
    private static final String SPECIAL_ANYWHERE = "\\`*_[]<>&|~";
    /** Characters that are markup only at the start of a block: headings, lists, quotes, setext lines. */
    private static final String SPECIAL_AT_START = "#-+=>";

    /**
     * Text on one line, trimmed, with markup characters backslash-escaped. The start is escaped too
     * (a leading {@code #}, {@code -}, {@code 1.}), because some data (an evidence label, a remediation
     * step) opens a list item's content, where it would otherwise become a heading or a nested list.
     */
    public static String escape(String text) {
        String line = oneLine(text).strip();
        StringBuilder out = new StringBuilder(line.length() + 16);
        int digits = 0;
        while (digits < line.length() && line.charAt(digits) >= '0' && line.charAt(digits) <= '9') {
            digits++;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean atStart = i == 0 && SPECIAL_AT_START.indexOf(c) >= 0;
            boolean orderedListMarker = digits > 0 && i == digits && (c == '.' || c == ')');
            if (SPECIAL_ANYWHERE.indexOf(c) >= 0 || atStart || orderedListMarker) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A code span whose fence is longer than any run of backticks inside, so the text cannot close it. */
    public static String code(String text) {
        String line = oneLine(text);
        if (line.isEmpty()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = line.startsWith("`") || line.endsWith("`") || line.startsWith(" ") || line.endsWith(" ");
        return pad ? fence + " " + line + " " + fence : fence + line + fence;
    }

    /** A link when the URL is a plain http(s) URL, else the escaped URL as text. */
    static String link(String title, String url) {
        return SafeUrl.http(url)
                .map(u -> "[" + escape(title) + "](<" + u + ">)")
                .orElseGet(() -> escape(title) + (url.isEmpty() ? "" : " (" + escape(url) + ")"));
    }

    /** An autolink for a plain http(s) URL, else the escaped URL as text. */
    static String url(String url) {
        return SafeUrl.http(url).map(u -> "<" + u + ">").orElseGet(() -> escape(url));
    }

    /** Line breaks and control characters would end a list item early; they become spaces. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }
}
