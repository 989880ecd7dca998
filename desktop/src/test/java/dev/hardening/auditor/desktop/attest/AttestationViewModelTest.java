package dev.hardening.auditor.desktop.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.attest.MfaAttestation;
import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AttestationViewModelTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final InMemoryAttestationStore store = new InMemoryAttestationStore();
    private final AttestationViewModel vm = new AttestationViewModel(store, new CurrentThreadTaskExecutor(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recordingStoresADatedDeclarationAndListsIt() {
        vm.platformProperty().set(Platform.NPM);
        vm.methodProperty().set(MfaMethod.PASSKEY);

        vm.record();

        assertThat(store.saved().mfaFor(Platform.NPM)).contains(new MfaAttestation(Platform.NPM, MfaMethod.PASSKEY, NOW));
        assertThat(vm.declarations()).containsExactly("npm: a passkey (WebAuthn), declared 2026-06-01");
        assertThat(vm.messageProperty().get()).startsWith("Recorded: npm is protected by a passkey");
    }

    @Test
    void aWeakMethodIsRecordedWithAdviceAndReplacesTheEarlierDeclaration() {
        vm.platformProperty().set(Platform.GITHUB);
        vm.methodProperty().set(MfaMethod.SECURITY_KEY);
        vm.record();
        vm.methodProperty().set(MfaMethod.SMS);

        vm.record();

        assertThat(store.saved().mfaList()).extracting(MfaAttestation::method).containsExactly(MfaMethod.SMS);
        assertThat(vm.messageProperty().get()).contains("Consider a security key or passkey");
    }

    @Test
    void loadingShowsWhatIsOnRecord() {
        vm.load();

        assertThat(vm.declarations()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Nothing declared yet.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aStoreThatCannotBeWrittenSaysWhy() {
        store.failingWith("attestations.json is not valid JSON; fix it or move it away and attest again");

        vm.record();

        assertThat(vm.messageProperty().get()).isEqualTo("The declaration could not be recorded: attestations.json is not valid"
                + " JSON; fix it or move it away and attest again.");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
