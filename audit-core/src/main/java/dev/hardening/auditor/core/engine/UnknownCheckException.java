package dev.hardening.auditor.core.engine;

import java.util.List;

/** An audit asked for checks that are not registered; the message names them all. */
public final class UnknownCheckException extends IllegalArgumentException {
    private final List<String> ids;

    public UnknownCheckException(List<String> ids) {
        super((ids.size() == 1 ? "unknown check '" + ids.get(0) + "'" : "unknown checks " + ids)
                + "; the catalog ('auditor checks') lists the checks there are");
        this.ids = List.copyOf(ids);
    }

    /** The ids that are not registered, sorted. */
    public List<String> ids() {
        return ids;
    }
}
