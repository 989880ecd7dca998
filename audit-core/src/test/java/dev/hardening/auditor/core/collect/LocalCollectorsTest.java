package dev.hardening.auditor.core.collect;

import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.attest.AttestationStore;
import dev.hardening.auditor.core.attest.FileAttestationStore;
import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.MemoizedFacts;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.attest.AttestationFacts;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.password.PasswordFacts;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredentials;
import dev.hardening.auditor.core.facts.workstation.WorkstationFacts;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.testing.TargetsBuilder;
import dev.hardening.auditor.core.workstation.PlantedHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectors of what is read from this machine: the home only with --workstation, declarations, never a password. */
class LocalCollectorsTest {
    @TempDir
    Path root;

    private MemoizedFacts facts(AuditTargets targets, LocalSources local) {
        Clients clients = Clients.create(gateway(), Endpoints.defaults(), Credentials.none());
        return new MemoizedFacts(StandardCollectors.create(clients, targets, local));
    }

    @Test
    void theHomeIsReadOnlyWhenTheAuditAsksForIt() {
        PlantedHome planted = PlantedHome.everything(root);
        LocalSources local = new LocalSources(planted.local(), AttestationStore.fixed(Attestations.none()));

        Fact<WorkstationCredentials> without = facts(TargetsBuilder.targets().npmPackage("x").build(), local)
                .lookup(WorkstationFacts.CREDENTIALS);
        Fact<WorkstationCredentials> with = facts(TargetsBuilder.targets().workstation().build(), local)
                .lookup(WorkstationFacts.CREDENTIALS);

        assertThat(without).isInstanceOfSatisfying(Fact.Unavailable.class, u -> {
            assertThat(u.unavailability().cause()).isEqualTo(Cause.NOT_CONFIGURED);
            assertThat(u.unavailability().needed()).contains("--workstation");
        });
        assertThat(with.valueIfAvailable().orElseThrow().credentials()).isNotEmpty();
    }

    @Test
    void aDamagedDeclarationFileIsAnUnavailableFactWithItsReason() throws Exception {
        Path file = root.resolve("attestations.json");
        Files.writeString(file, "{ nope");
        LocalSources local = new LocalSources(new PlantedHome(root).local(), new FileAttestationStore(file));

        Fact<Attestations> fact = facts(AuditTargets.none(), local).lookup(AttestationFacts.ATTESTATIONS);

        assertThat(fact).isInstanceOfSatisfying(Fact.Unavailable.class, u -> {
            assertThat(u.unavailability().cause()).isEqualTo(Cause.MALFORMED);
            assertThat(u.unavailability().reason()).contains("not valid JSON");
        });
    }

    @Test
    void anAuditNeverHasAPassword() {
        Fact<?> fact = facts(AuditTargets.none(), LocalSources.none()).lookup(PasswordFacts.PWNED);

        assertThat(fact).isInstanceOfSatisfying(Fact.Unavailable.class,
                u -> assertThat(u.unavailability().needed()).contains("password-check"));
    }
}
