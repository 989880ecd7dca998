package dev.hardening.auditor.core.facts.npm;

/** A person as npm lists them in {@code maintainers} or {@code _npmUser}. Email may be empty. */
public record NpmPerson(String name, String email) {
    public NpmPerson {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
    }
}
