package dev.hardening.auditor.core.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.diff.ReportDiff.FindingChange;
import dev.hardening.auditor.core.diff.ReportDiff.TokenChange;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.report.MarkdownText;
import java.util.List;
import java.util.Optional;

/** Renders a {@link ReportDiff} as Markdown (for people) or JSON (for scripts). */
public final class DiffWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiffWriter() {
    }

    /** @param before and {@code after} name the two sides, e.g. "snapshot 3 (2026-05-01T...)" */
    public static String markdown(ReportDiff diff, String before, String after) {
        StringBuilder md = new StringBuilder();
        md.append("# Changes from ").append(MarkdownText.escape(before)).append(" to ")
                .append(MarkdownText.escape(after)).append("\n\n");
        if (diff.isEmpty()) {
            md.append("No changes.\n");
            return md.toString();
        }
        findings(md, "New findings (need action now)", diff.newFindings());
        findings(md, "Resolved findings", diff.resolved());
        findings(md, "Changed findings", diff.changed());
        if (!diff.rosterChanges().isEmpty()) {
            md.append("## Publisher roster changes\n\n");
            for (ReportDiff.RosterChange r : diff.rosterChanges()) {
                md.append("- ").append(MarkdownText.code(r.subject())).append(':');
                if (!r.added().isEmpty()) {
                    md.append(" added ").append(MarkdownText.escape(String.join(", ", r.added())));
                }
                if (!r.removed().isEmpty()) {
                    md.append(r.added().isEmpty() ? "" : ";").append(" removed ")
                            .append(MarkdownText.escape(String.join(", ", r.removed())));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        tokens(md, "Tokens added", diff.tokensAdded());
        tokens(md, "Tokens removed", diff.tokensRemoved());
        return md.toString();
    }

    private static void findings(StringBuilder md, String title, List<FindingChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append(" (").append(changes.size()).append(")\n\n");
        for (FindingChange c : changes) {
            Finding f = c.current();
            md.append("- ").append(MarkdownText.code(c.check())).append(' ').append(MarkdownText.code(c.subject()))
                    .append(": ").append(MarkdownText.escape(c.describe(c.before()))).append(" \u2192 ")
                    .append(MarkdownText.escape(c.describe(c.after()))).append(" \u00b7 ")
                    .append(MarkdownText.escape(f.severity().id())).append(" \u2014 ")
                    .append(MarkdownText.escape(f.message())).append('\n');
        }
        md.append('\n');
    }

    private static void tokens(StringBuilder md, String title, List<TokenChange> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        for (TokenChange t : tokens) {
            md.append("- ").append(MarkdownText.code(t.fingerprint())).append(" (")
                    .append(MarkdownText.code(t.check())).append(' ').append(MarkdownText.code(t.subject()))
                    .append(")\n");
        }
        md.append('\n');
    }

    public static String json(ReportDiff diff, String before, String after) {
        ObjectNode root = JSON.createObjectNode();
        root.put("before", before);
        root.put("after", after);
        root.put("changes", !diff.isEmpty());
        findings(root.putArray("newFindings"), diff.newFindings());
        findings(root.putArray("resolvedFindings"), diff.resolved());
        findings(root.putArray("changedFindings"), diff.changed());
        ArrayNode roster = root.putArray("rosterChanges");
        for (ReportDiff.RosterChange r : diff.rosterChanges()) {
            ObjectNode n = roster.addObject();
            n.put("subject", r.subject());
            r.added().forEach(n.putArray("added")::add);
            r.removed().forEach(n.putArray("removed")::add);
        }
        tokens(root.putArray("tokensAdded"), diff.tokensAdded());
        tokens(root.putArray("tokensRemoved"), diff.tokensRemoved());
        return root.toPrettyString() + "\n";
    }

    private static void findings(ArrayNode out, List<FindingChange> changes) {
        for (FindingChange c : changes) {
            ObjectNode n = out.addObject();
            n.put("check", c.check());
            n.put("subject", c.subject());
            side(n, "before", c.before());
            side(n, "after", c.after());
            n.put("severity", c.current().severity().id());
            n.put("message", c.current().message());
        }
    }

    private static void side(ObjectNode n, String name, Optional<Finding> f) {
        if (f.isEmpty()) {
            n.putNull(name);
            return;
        }
        ObjectNode s = n.putObject(name);
        s.put("status", f.get().status().name());
        f.get().waiver().ifPresent(w -> s.put("waived", w.active()));
    }

    private static void tokens(ArrayNode out, List<TokenChange> tokens) {
        for (TokenChange t : tokens) {
            ObjectNode n = out.addObject();
            n.put("check", t.check());
            n.put("subject", t.subject());
            n.put("fingerprint", t.fingerprint());
        }
    }
}
