package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.workstation.IgnoredValue;
import dev.hardening.auditor.core.facts.workstation.InspectedSource;
import dev.hardening.auditor.core.facts.workstation.SafeStorage;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredential;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredentials;
import java.util.ArrayList;
import java.util.List;

/** Collects what the parsers find, judging each candidate as it arrives. Not thread-safe; one per scan. */
final class ScanResults {
    private final CredentialClassifier classifier;
    private final List<WorkstationCredential> credentials = new ArrayList<>();
    private final List<IgnoredValue> ignored = new ArrayList<>();
    private final List<SafeStorage> safe = new ArrayList<>();
    private final List<InspectedSource> inspected = new ArrayList<>();
    private final List<Unavailability> gaps = new ArrayList<>();

    ScanResults(CredentialClassifier classifier) {
        this.classifier = classifier;
    }

    /** Judges a candidate; returns whether it was reported as a credential. */
    boolean candidate(Candidate c) {
        CredentialClassifier.Verdict v = classifier.judge(c);
        if (v.credential() != null) {
            credentials.add(v.credential());
            return true;
        }
        ignored.add(v.ignored());
        return false;
    }

    void ignored(String location, String reason) {
        ignored.add(new IgnoredValue(location, reason));
    }

    void safe(String location, String description) {
        safe.add(new SafeStorage(location, description));
    }

    void inspected(String location, String state) {
        inspected.add(new InspectedSource(location, state));
    }

    void gap(Unavailability why) {
        gaps.add(why);
    }

    int credentialCount() {
        return credentials.size();
    }

    int ignoredCount() {
        return ignored.size();
    }

    WorkstationCredentials build() {
        return new WorkstationCredentials(credentials, ignored, safe, inspected, gaps);
    }
}
