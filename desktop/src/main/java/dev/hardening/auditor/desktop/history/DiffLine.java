package dev.hardening.auditor.desktop.history;

/** One line of the difference between two snapshots, with its kind in words and an icon. */
public record DiffLine(Kind kind, String text) {

    public enum Kind {
        NEW("✚ New"), RESOLVED("✔ Resolved"), CHANGED("↻ Changed"), PUBLISHERS("👥 Publishers"),
        TOKEN_ADDED("＋ Token"), TOKEN_REMOVED("－ Token");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String display() {
        return kind.label() + ": " + text;
    }
}
