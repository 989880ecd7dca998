package dev.hardening.auditor.core.engine;

import dev.hardening.auditor.core.model.Platform;

/** What an audit is doing, for a progress line in the terminal and a progress bar in the app. */
public sealed interface ProgressEvent {

    /** The audit will run {@code totalChecks} checks. */
    record AuditStarted(int totalChecks) implements ProgressEvent {
    }

    record CheckStarted(String checkId, int completed, int total) implements ProgressEvent {
    }

    record CheckFinished(String checkId, int completed, int total) implements ProgressEvent {
    }

    /** A request to a source began; {@code what} names the resource, never a secret. */
    record FetchStarted(Platform platform, String what) implements ProgressEvent {
    }

    /** A request to a source ended; {@code ok} is false for errors. */
    record FetchFinished(Platform platform, String what, boolean ok) implements ProgressEvent {
    }

    record AuditFinished(boolean cancelled, int findings) implements ProgressEvent {
    }
}
