package dev.hardening.auditor.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.diff.ReportDiff.FindingChange;
import dev.hardening.auditor.core.diff.ReportDiff.TokenChange;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.model.Waiver;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.testing.ReportBuilder;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDiffTest {
    private static final String OLD_TOKEN = "sha256:0123456789ab";
    private static final String NEW_TOKEN = "sha256:ba9876543210";

    private static AuditReport before() {
        return ReportBuilder.report()
                .with("npm.2fa", "npm:~alice", Status.PASS)
                .with("release.provenance", "npm:left-pad", Status.FAIL)
                .with("email.domain-expiry", "domain:example.org", Status.WARN)
                .with("github.2fa", "github:alice", Status.UNKNOWN)
                .with("pypi.gone", "pypi:old", Status.PASS)
                .with(roster("npm:left-pad", Status.PASS, "alice", "bob"))
                .with(roster("npm:right-pad", Status.WARN, "alice"))
                .with("github.token", "github:alice", Status.PASS, Evidence.of("fingerprint", OLD_TOKEN, "token"))
                .with("npm.tokens", "npm:~alice", Status.WARN, Evidence.of("token", "npm_… " + OLD_TOKEN, "GET /-/npm/v1/tokens"))
                .build();
    }

    private static AuditReport after() {
        return ReportBuilder.report()
                .with("npm.2fa", "npm:~alice", Status.FAIL)                     // new
                .with("release.provenance", "npm:left-pad", Status.PASS)        // resolved
                .with("email.domain-expiry", "domain:example.org", Status.FAIL) // changed WARN -> FAIL
                .with("github.2fa", "github:alice", Status.PASS)                // changed UNKNOWN -> PASS
                .with("workstation.ssh-keys", "workstation:~/.ssh", Status.PASS) // changed: appears
                .with(roster("npm:left-pad", Status.FAIL, "alice", "mallory"))   // new, roster +mallory -bob
                .with(roster("npm:right-pad", Status.WARN, "alice"))             // unchanged
                .with("github.token", "github:alice", Status.PASS, Evidence.of("fingerprint", NEW_TOKEN, "token"))
                .with("npm.tokens", "npm:~alice", Status.WARN, Evidence.of("token", "npm_… " + OLD_TOKEN, "GET /-/npm/v1/tokens"))
                .build();
    }

    @Test
    void reports_exactly_the_changes() {
        ReportDiff diff = ReportDiff.between(before(), after());

        assertThat(keys(diff.newFindings())).containsExactly("npm.2fa npm:~alice", "publishers.roster npm:left-pad");
        assertThat(keys(diff.resolved())).containsExactly("release.provenance npm:left-pad");
        assertThat(keys(diff.changed())).containsExactly("email.domain-expiry domain:example.org",
                "github.2fa github:alice", "pypi.gone pypi:old", "workstation.ssh-keys workstation:~/.ssh");
        assertThat(diff.rosterChanges()).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo("npm:left-pad");
            assertThat(r.added()).containsExactly("mallory");
            assertThat(r.removed()).containsExactly("bob");
        });
        assertThat(diff.tokensAdded()).containsExactly(new TokenChange("github.token", "github:alice", NEW_TOKEN));
        assertThat(diff.tokensRemoved()).containsExactly(new TokenChange("github.token", "github:alice", OLD_TOKEN));
    }

    @Test
    void the_same_report_has_no_changes_and_wording_alone_is_not_a_change() {
        AuditReport a = before();
        Finding reworded = ReportBuilder.finding("npm.2fa", "npm:~alice", Status.PASS)
                .withVerdict(Status.PASS, "expires in 29 days", "");
        AuditReport b = ReportBuilder.report().with(reworded).build();
        AuditReport c = ReportBuilder.report().with("npm.2fa", "npm:~alice", Status.PASS).build();

        assertThat(ReportDiff.between(a, a).isEmpty()).isTrue();
        assertThat(ReportDiff.between(c, b).isEmpty()).isTrue();
    }

    @Test
    void a_waiver_expiring_is_a_change() {
        Waiver active = new Waiver("alice", "j", LocalDate.parse("2026-09-30"), true);
        Waiver expired = new Waiver("alice", "j", LocalDate.parse("2026-09-30"), false);
        Finding f = ReportBuilder.finding("publishers.roster", "npm:x", Status.FAIL);
        ReportDiff diff = ReportDiff.between(ReportBuilder.report().with(f.withWaiver(active)).build(),
                ReportBuilder.report().with(f.withWaiver(expired)).build());

        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.describe(c.before())).isEqualTo("FAIL (waived)");
            assertThat(c.describe(c.after())).isEqualTo("FAIL (waiver expired)");
        });
    }

    @Test
    void the_writers_list_every_section() {
        ReportDiff diff = ReportDiff.between(before(), after());
        String md = DiffWriter.markdown(diff, "snapshot 1", "snapshot 2");
        String json = DiffWriter.json(diff, "snapshot 1", "snapshot 2");

        assertThat(md).contains("## New findings (need action now) (2)", "## Resolved findings (1)", "## Changed findings (4)",
                "added mallory; removed bob", "## Tokens added", NEW_TOKEN, "## Tokens removed", "PASS \u2192 FAIL");
        assertThat(json).contains("\"newFindings\"", "\"rosterChanges\"", "\"fingerprint\" : \"" + NEW_TOKEN + "\"");
        assertThat(DiffWriter.markdown(ReportDiff.between(before(), before()), "a", "b")).contains("No changes.");
    }

    private static Finding roster(String subject, Status status, String... publishers) {
        return ReportBuilder.finding("publishers.roster", subject, status,
                Evidence.of("publishers", String.join(", ", publishers), "GET /x (maintainers)"))
                .withAttribute("publishers", List.of(publishers));
    }

    private static List<String> keys(List<FindingChange> changes) {
        return changes.stream().map(c -> c.check() + " " + c.subject()).toList();
    }
}
