package dev.hardening.auditor.core.model;

import java.util.Locale;

/** Where an item sits in the maintainer hardening cycle. */
public enum Stage {
    RECON("What an attacker learns"),
    EVALUATE("How strong the accounts are"),
    FORTIFY("Signing and protections"),
    LIMIT("Least privilege and blast radius"),
    EXPOSE("Detection"),
    EXERCISE("Drills, playbook and snapshot cadence");

    private final String description;

    Stage(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage parse(String text) {
        for (Stage s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + text + "'");
    }
}
