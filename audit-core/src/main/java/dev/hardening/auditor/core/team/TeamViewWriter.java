package dev.hardening.auditor.core.team;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.report.MarkdownText;
import dev.hardening.auditor.core.team.TeamView.Aspect;
import dev.hardening.auditor.core.team.TeamView.Cell;

/** Renders a {@link TeamView} as Markdown tables or JSON. */
public final class TeamViewWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamViewWriter() {
    }

    public static String markdown(TeamView view) {
        StringBuilder md = new StringBuilder("# Team hardening view\n\n");
        md.append("Built from ").append(view.sources().size()).append(" verified self-audit snapshot")
                .append(view.sources().size() == 1 ? "" : "s").append(" (each member's latest).\n\n");
        if (!view.refused().isEmpty()) {
            md.append("## Refused files\n\n");
            view.refused().forEach(r -> md.append("- ").append(MarkdownText.code(r.file().toString())).append(": ")
                    .append(MarkdownText.escape(r.reason())).append('\n'));
            md.append('\n');
        }
        md.append("## Snapshots\n\n| member | snapshot | taken | by | score | key |\n|---|---:|---|---|---:|---|\n");
        for (TeamView.Source s : view.sources()) {
            md.append("| ").append(MarkdownText.escape(s.member())).append(" | ").append(s.snapshotId()).append(" | ")
                    .append(MarkdownText.escape(s.takenAt())).append(" | ").append(MarkdownText.escape(s.takenBy()))
                    .append(" | ").append(s.score()).append(" | ").append(MarkdownText.code(s.keyId())).append(" |\n");
        }
        md.append("\n## People\n\n| member | platform |");
        for (Aspect a : Aspect.values()) {
            md.append(' ').append(a.title()).append(" |");
        }
        md.append("\n|---|---|").append("---|".repeat(Aspect.values().length)).append('\n');
        for (TeamView.PersonRow row : view.people()) {
            md.append("| ").append(MarkdownText.escape(row.member())).append(" | ")
                    .append(MarkdownText.escape(row.platform())).append(" |");
            for (Aspect a : Aspect.values()) {
                md.append(' ').append(MarkdownText.escape(row.cells().get(a).describe())).append(" |");
            }
            md.append('\n');
        }
        md.append("\n## Packages: who can publish, and how hardened they are\n\n")
                .append("| package | publisher | member | second factor | long-lived tokens | score |\n")
                .append("|---|---|---|---|---|---:|\n");
        for (TeamView.PackageRow p : view.packages()) {
            md.append("| ").append(MarkdownText.code(p.subject())).append(" | ").append(MarkdownText.escape(p.publisher()))
                    .append(" | ").append(p.member().map(MarkdownText::escape)
                            .orElse("no verified self-audit")).append(" | ")
                    .append(MarkdownText.escape(p.secondFactor().describe())).append(" | ")
                    .append(MarkdownText.escape(p.longLivedTokens().describe())).append(" | ")
                    .append(p.score().map(String::valueOf).orElse("\u2014")).append(" |\n");
        }
        return md.toString();
    }

    public static String json(TeamView view) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sources = root.putArray("snapshots");
        for (TeamView.Source s : view.sources()) {
            ObjectNode n = sources.addObject();
            n.put("member", s.member());
            n.put("keyId", s.keyId());
            n.put("snapshotId", s.snapshotId());
            n.put("takenAt", s.takenAt());
            n.put("takenBy", s.takenBy());
            n.put("score", s.score());
            s.targets().forEach(n.putArray("targets")::add);
        }
        ArrayNode people = root.putArray("people");
        for (TeamView.PersonRow row : view.people()) {
            ObjectNode n = people.addObject();
            n.put("member", row.member());
            n.put("platform", row.platform());
            ObjectNode cells = n.putObject("aspects");
            for (Aspect a : Aspect.values()) {
                cell(cells.putObject(a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')), row.cells().get(a));
            }
        }
        ArrayNode packages = root.putArray("packages");
        for (TeamView.PackageRow p : view.packages()) {
            ObjectNode n = packages.addObject();
            n.put("subject", p.subject());
            n.put("publisher", p.publisher());
            p.member().ifPresentOrElse(m -> n.put("member", m), () -> n.putNull("member"));
            cell(n.putObject("secondFactor"), p.secondFactor());
            cell(n.putObject("longLivedTokens"), p.longLivedTokens());
            p.score().ifPresentOrElse(s -> n.put("score", s), () -> n.putNull("score"));
        }
        ArrayNode refused = root.putArray("refused");
        view.refused().forEach(r -> refused.addObject().put("file", r.file().toString()).put("reason", r.reason()));
        return root.toPrettyString() + "\n";
    }

    private static void cell(ObjectNode n, Cell c) {
        c.worst().ifPresentOrElse(s -> n.put("status", s.name()), () -> n.putNull("status"));
        n.put("findings", c.findings());
        n.put("needingAction", c.needingAction());
        n.put("attestedOnly", c.attestedOnly());
        c.messages().forEach(n.putArray("messages")::add);
    }
}
