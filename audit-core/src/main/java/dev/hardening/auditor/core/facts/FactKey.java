package dev.hardening.auditor.core.facts;

import dev.hardening.auditor.core.model.Platform;
import java.util.Objects;

/**
 * Names one fact: its kind (what is collected), its subject (about what) and its type. Equal keys
 * are collected once per audit, however many checks ask for them.
 *
 * @param kind     e.g. {@code npm.packument}; a collector is registered per kind
 * @param subject  e.g. the package name; empty for facts about the audit as a whole
 * @param platform where the fact comes from, for progress and error texts
 * @param type     the record type the collector returns
 * @param lane     the read-ahead lane that collects it ahead of need (see {@link ReadAheadLanes}): the
 *                 platform's own by default, another for facts read from another host of the platform
 */
public record FactKey<T>(String kind, String subject, Platform platform, Class<T> type, String lane) {
    public FactKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lane, "lane");
    }

    public FactKey(String kind, String subject, Platform platform, Class<T> type) {
        this(kind, subject, platform, type, platform.id());
    }

    public static <T> FactKey<T> of(String kind, Platform platform, Class<T> type) {
        return new FactKey<>(kind, "", platform, type);
    }

    public FactKey<T> about(String newSubject) {
        return new FactKey<>(kind, newSubject, platform, type, lane);
    }

    /**
     * The same key read ahead on its own lane: for facts that come from another host than the
     * platform's other facts (PyPI's file host), so that a queue of them does not hold back the
     * platform's main host, nor the other way round.
     */
    public FactKey<T> onLane(String newLane) {
        return new FactKey<>(kind, subject, platform, type, newLane);
    }

    @Override
    public String toString() {
        return subject.isEmpty() ? kind : kind + "(" + subject + ")";
    }
}
