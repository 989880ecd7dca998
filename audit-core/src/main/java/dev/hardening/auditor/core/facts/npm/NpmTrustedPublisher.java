package dev.hardening.auditor.core.facts.npm;

/** {@code _npmUser.trustedPublisher}: the version was published through OIDC trusted publishing. */
public record NpmTrustedPublisher(String id, String oidcConfigId) {
}
