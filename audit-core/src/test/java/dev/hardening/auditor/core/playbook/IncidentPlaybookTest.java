package dev.hardening.auditor.core.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.tokens.CredentialKind;
import dev.hardening.auditor.core.tokens.Revocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentPlaybookTest {

    @Test
    void credentialsFromFindingsPublishCapableFirstWithTheirRotationSteps() {
        List<Finding> findings = List.of(
                credential("workstation.credentials", Status.WARN, CredentialKind.AWS_LONG_LIVED_KEY, "~/.aws/credentials line 3",
                        "profile default", false, "sha256:aaaaaaaaaaaa"),
                credential("workstation.credentials", Status.FAIL, CredentialKind.NPM_TOKEN, "~/.npmrc line 2",
                        "registry.npmjs.org", true, "npm_… sha256:bbbbbbbbbbbb"),
                other());

        IncidentPlaybook playbook = IncidentPlaybook.from(findings);

        assertThat(playbook.credentials()).extracting(PlaybookCredential::kind, PlaybookCredential::canPublish,
                PlaybookCredential::fingerprint).containsExactly(
                tuple("npm-token", true, "npm_… sha256:bbbbbbbbbbbb"),
                tuple("aws-long-lived-key", false, "sha256:aaaaaaaaaaaa"));
        assertThat(playbook.credentials().get(0).steps()).isEqualTo(Revocation.stepsFor(CredentialKind.NPM_TOKEN));
        assertThat(playbook.credentials().get(0).description()).isEqualTo("npm access token");
        assertThat(playbook.steps()).isNotEmpty();
    }

    @Test
    void oneCredentialSeenInTwoPlacesIsOneEntryWithBothLocations() {
        IncidentPlaybook playbook = IncidentPlaybook.from(List.of(
                credential("workstation.credentials", Status.FAIL, CredentialKind.NPM_TOKEN, "~/.npmrc line 2", "registry.npmjs.org",
                        true, "npm_… sha256:bbbbbbbbbbbb"),
                credential("workstation.credentials", Status.FAIL, CredentialKind.NPM_TOKEN, "environment variable NPM_TOKEN",
                        "registry.npmjs.org", true, "npm_… sha256:bbbbbbbbbbbb")));

        assertThat(playbook.credentials()).singleElement().extracting(PlaybookCredential::locations)
                .isEqualTo(List.of("~/.npmrc line 2", "environment variable NPM_TOKEN"));
    }

    @Test
    void theAuditsGitHubTokenAndThePublishersOfEachPackageAreListed() {
        Finding token = new Finding("github.token", Status.FAIL, Severity.HIGH, Stage.LIMIT, "github:octo", "t", "m", "",
                List.of(Evidence.of("kind", "classic personal access token", "token prefix"),
                        Evidence.of("fingerprint", "ghp_… sha256:cccccccccccc", "token prefix")), List.of(), List.of());
        Finding roster = new Finding("publishers.roster", Status.WARN, Severity.MEDIUM, Stage.LIMIT, "npm:left-pad", "t", "m", "",
                List.of(Evidence.of("publishers", "alice, bob", "GET /left-pad")), List.of(), List.of());

        IncidentPlaybook playbook = IncidentPlaybook.from(List.of(roster, token));

        assertThat(playbook.packages()).extracting(PlaybookPackage::subject, PlaybookPackage::publishers)
                .containsExactly(tuple("npm:left-pad", List.of("alice", "bob")));
        assertThat(playbook.credentials()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("github-classic-pat");
            assertThat(c.canPublish()).isTrue();
            assertThat(c.locations()).containsExactly("the token given to the audit (GITHUB_TOKEN or --github-token-file)");
        });
    }

    @Test
    void anUnknownKindKeepsTheFindingsOwnRemediation() {
        List<Evidence> evidence = new ArrayList<>(CredentialEvidence.of(CredentialKind.NPM_TOKEN, "npm token list", "", true, "publish",
                "", "npm_… sha256:dddddddddddd", "GET /-/npm/v1/tokens"));
        evidence.set(0, Evidence.of("credential", "a token kind from the future (future-kind)", "GET /-/npm/v1/tokens"));
        List<RemediationStep> own = List.of(RemediationStep.of("Revoke it"));
        Finding f = new Finding("npm.tokens", Status.FAIL, Severity.HIGH, Stage.LIMIT, "npm:octo", "t", "m", "", evidence, own, List.of());

        PlaybookCredential c = IncidentPlaybook.from(List.of(f)).credentials().get(0);

        assertThat(c.kind()).isEmpty();
        assertThat(c.description()).isEqualTo("a token kind from the future");
        assertThat(c.steps()).isEqualTo(own);
    }

    @Test
    void nothingFoundIsAnEmptyPlaybookWithoutSteps() {
        IncidentPlaybook playbook = IncidentPlaybook.from(List.of(other()));

        assertThat(playbook.isEmpty()).isTrue();
        assertThat(playbook.steps()).isEmpty();
    }

    static Finding credential(String check, Status status, CredentialKind kind, String location, String target, boolean canPublish,
                              String fingerprint) {
        return new Finding(check, status, Severity.CRITICAL, Stage.LIMIT, "workstation:" + location, "title", "message", "",
                CredentialEvidence.of(kind, location, target, canPublish, kind.capability(), "format valid", fingerprint, location),
                List.of(), List.of());
    }

    private static Finding other() {
        return new Finding("github.2fa", Status.PASS, Severity.CRITICAL, Stage.EVALUATE, "github:octo", "t", "m", "",
                List.of(Evidence.of("two_factor_authentication", "true", "GET /user")), List.of(), List.of());
    }
}
