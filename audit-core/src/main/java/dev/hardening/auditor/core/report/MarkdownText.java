package dev.hardening.auditor.core.report;

/**
 * Makes untrusted text (subjects and messages come from APIs) inert inside Markdown: it can neither
 * break the checklist structure nor inject links, images or raw HTML.
 */
final class MarkdownText {
    /** Every character CommonMark could read as markup here; backslash-escaping any of them is allowed. */
    private static final String SPECIAL = "\\`*_{}[]()<>#+-!|~&";

    private MarkdownText() {
    }

    /** Text on one line with every Markdown-special character backslash-escaped. */
    static String escape(String text) {
        String line = oneLine(text);
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A code span whose fence is longer than any run of backticks inside, so the text cannot close it. */
    static String code(String text) {
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
