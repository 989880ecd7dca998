package dev.hardening.auditor.core.facts;

import java.util.List;

/**
 * A list of names gathered from several sources (e.g. the packages to audit: those named on the
 * command line plus those of an npm user), with the sources that could not be read. Checks report
 * the gaps as UNKNOWN and go on with the names they have.
 */
public record NameList(List<String> names, List<Unavailability> gaps) {
    public NameList {
        names = List.copyOf(names);
        gaps = List.copyOf(gaps);
    }
}
