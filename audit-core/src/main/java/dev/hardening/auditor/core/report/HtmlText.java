package dev.hardening.auditor.core.report;

/** Escapes untrusted text for HTML element content and quoted attribute values alike. */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and line breaks are invalid in HTML text.
                    boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
                    out.append(control ? '\uFFFD' : c);
                }
            }
        }
        return out.toString();
    }
}
