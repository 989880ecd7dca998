package dev.hardening.auditor.core.facts.pypi;

import java.util.Optional;

/**
 * The trusted publisher named by an attestation bundle ({@code attestation_bundles[].publisher}).
 *
 * @param kind        e.g. {@code GitHub}, {@code GitLab}
 * @param repository  e.g. {@code trailofbits/pypi-attestations}
 * @param workflow    e.g. {@code release.yml}
 * @param environment the deployment environment, if the publisher requires one
 */
public record PyPIPublisher(String kind, String repository, String workflow, Optional<String> environment) {
}
