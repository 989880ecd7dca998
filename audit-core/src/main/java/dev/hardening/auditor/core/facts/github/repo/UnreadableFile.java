package dev.hardening.auditor.core.facts.github.repo;

import dev.hardening.auditor.core.facts.Unavailability;

/** A file that was listed but could not be read (too large, not decodable, request failed). */
public record UnreadableFile(String path, Unavailability why) {
}
