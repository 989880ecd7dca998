package dev.hardening.auditor.core.facts.workstation;

import dev.hardening.auditor.core.facts.Unavailability;
import java.util.List;

/**
 * Everything the workstation scan found: the credentials, the values it ignored and why, the
 * credentials kept safely, what it looked at, and the files it could not read.
 */
public record WorkstationCredentials(List<WorkstationCredential> credentials, List<IgnoredValue> ignored,
                                     List<SafeStorage> safe, List<InspectedSource> inspected, List<Unavailability> gaps) {
    public WorkstationCredentials {
        credentials = List.copyOf(credentials);
        ignored = List.copyOf(ignored);
        safe = List.copyOf(safe);
        inspected = List.copyOf(inspected);
        gaps = List.copyOf(gaps);
    }
}
