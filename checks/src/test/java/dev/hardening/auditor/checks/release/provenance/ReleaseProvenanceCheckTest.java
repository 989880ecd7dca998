package dev.hardening.auditor.checks.release.provenance;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedNpm;
import dev.hardening.auditor.checks.recorded.RecordedPyPI;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import dev.hardening.auditor.core.testing.Policies;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReleaseProvenanceCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new ReleaseProvenanceCheck())
            .targets(targets().npmUser("ljharb").pypiUser("abn").build());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Nested
    class Npm {
        private static final String PKG = "has-package-exports";
        private static final List<String> ALL = List.of("1.0.0", "1.1.0", "1.2.0", "1.2.1-alpha.0", "1.2.1-alpha.1",
                "1.2.1-alpha.2", "1.2.1-alpha.3", "1.2.1", "1.2.2", "1.2.3", "1.3.0");

        static Stream<Arguments> positive() {
            return Stream.of(
                    Arguments.of("every version attested", packument(ALL, List.of()), "1.3.0"),
                    Arguments.of("attested since 1.2.3, latest attested", packument(List.of("1.2.3", "1.3.0"), List.of()), "since 1.2.3"),
                    Arguments.of("latest published by a trusted publisher", packument(List.of(), List.of("1.3.0")), "1.3.0"),
                    Arguments.of("recorded @x402/stellar 2.12.0 (attestations and trusted publisher)", x402(), "2.12.0"));
        }

        static Stream<Arguments> negative() {
            return Stream.of(
                    Arguments.of("recorded packument, never any provenance", packument(List.of(), List.of()), Status.WARN, "No version"),
                    Arguments.of("latest lost provenance (the Nx pattern)", packument(List.of("1.2.2", "1.2.3"), List.of()), Status.FAIL,
                            "1.3.0 was published without provenance"),
                    Arguments.of("a recent version without provenance between attested ones", packument(List.of("1.2.2", "1.3.0"), List.of()),
                            Status.FAIL, "1.2.3 was published without provenance"),
                    Arguments.of("provenance long ago, none since", packument(List.of("1.0.0"), List.of()), Status.FAIL,
                            "1.2.2, 1.2.3, 1.3.0 were published without provenance"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("positive")
        void latestWithProvenancePasses(String name, FakeFacts facts, String mentioned) {
            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).isEqualTo(Status.PASS);
            assertThat(finding.message()).contains(mentioned);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("negative")
        void missingOrLostProvenanceIsFlagged(String name, FakeFacts facts, Status expected, String mentioned) {
            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).isEqualTo(expected);
            assertThat(finding.message()).contains(mentioned);
        }

        @Test
        void evidenceShowsTheLatestThreeVersionsNewestFirstWithoutAddresses() {
            Finding finding = HARNESS.runSingle(packument(List.of("1.3.0"), List.of()));

            assertThat(finding.subject()).isEqualTo("npm:has-package-exports");
            assertThat(finding.evidence()).extracting(Evidence::label).containsExactly(
                    "version 1.3.0 (2022-04-07)", "version 1.2.3 (2021-05-02)", "version 1.2.2 (2020-10-28)");
            assertThat(finding.evidence().get(0).value()).isEqualTo("provenance attestation (https://slsa.dev/provenance/v1)");
            assertThat(finding.evidence().get(1).value()).isEqualTo("no provenance; published by ljharb");
            assertThat(finding.evidence()).extracting(Evidence::value).noneMatch(v -> v.contains("@"));
        }

        @Test
        void unreadablePackumentIsUnknownForThatPackage() {
            FakeFacts facts = names(PKG).unavailable(NpmFacts.packument(PKG), Cause.SERVER_ERROR);

            assertThat(HARNESS.runSingle(facts).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void packageWithoutVersionsIsNotApplicable() {
            ObjectNode empty = Fixtures.object("npm/packument_full_has-package-exports.json");
            empty.putObject("versions");

            Finding finding = HARNESS.runSingle(names(PKG).with(NpmFacts.packument(PKG), RecordedNpm.packument(empty)));

            assertThat(finding.status()).isEqualTo(Status.NOT_APPLICABLE);
        }

        /** The recorded has-package-exports packument, with real provenance fields grafted onto some versions. */
        static FakeFacts packument(List<String> attested, List<String> trustedPublished) {
            ObjectNode packument = Fixtures.object("npm/packument_full_has-package-exports.json");
            JsonNode x402 = Fixtures.json("npm/version_latest_x402-stellar_2.12.0_trusted_publisher.json");
            ObjectNode versions = (ObjectNode) packument.get("versions");
            attested.forEach(v -> ((ObjectNode) versions.get(v).get("dist")).set("attestations", x402.get("dist").get("attestations").deepCopy()));
            trustedPublished.forEach(v -> ((ObjectNode) versions.get(v).get("_npmUser"))
                    .set("trustedPublisher", x402.get("_npmUser").get("trustedPublisher").deepCopy()));
            return names(PKG).with(NpmFacts.packument(PKG), RecordedNpm.packument(packument));
        }

        /** A packument holding only the recorded @x402/stellar version document. */
        static FakeFacts x402() {
            JsonNode version = Fixtures.json("npm/version_latest_x402-stellar_2.12.0_trusted_publisher.json");
            ObjectNode packument = JSON.objectNode().put("name", "@x402/stellar");
            packument.set("maintainers", version.get("maintainers").deepCopy());
            packument.putObject("dist-tags").put("latest", "2.12.0");
            packument.putObject("versions").set("2.12.0", version);
            return names("@x402/stellar").with(NpmFacts.packument("@x402/stellar"), RecordedNpm.packument(packument));
        }

        static FakeFacts names(String name) {
            return FakeFacts.none()
                    .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(name), List.of()))
                    .with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(), List.of()));
        }
    }

    @Nested
    class PyPI {
        private static final String POETRY = "poetry-core";
        private static final String WHEEL = "poetry_core-2.1.3-py3-none-any.whl";
        private static final String SDIST = "poetry_core-2.1.3.tar.gz";

        static Stream<Arguments> positive() {
            return Stream.of(
                    Arguments.of("recorded release, both files attested", poetry(Set.of(WHEEL, SDIST))));
        }

        static Stream<Arguments> negative() {
            return Stream.of(
                    Arguments.of("wheel attested, sdist not (uploaded outside the publisher)", poetry(Set.of(WHEEL)), Status.FAIL, SDIST),
                    Arguments.of("no file attested, no earlier release", poetry(Set.of()), Status.WARN, "No file of poetry-core 2.1.3"),
                    Arguments.of("no file attested, previous release attested (the ultralytics pattern)", attrsLostAttestation(),
                            Status.FAIL, "although 17.4.0 did"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("positive")
        void attestedLatestReleasePasses(String name, FakeFacts facts) {
            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).isEqualTo(Status.PASS);
            assertThat(finding.subject()).isEqualTo("pypi:poetry-core");
            assertThat(finding.evidence()).contains(new Evidence("file " + WHEEL,
                    "attested by GitHub trailofbits/pypi-attestations, workflow release.yml, no environment",
                    "GET /integrity/poetry-core/2.1.3/" + WHEEL + "/provenance"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("negative")
        void missingOrLostAttestationsAreFlagged(String name, FakeFacts facts, Status expected, String mentioned) {
            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).isEqualTo(expected);
            assertThat(finding.message()).contains(mentioned);
        }

        static Stream<Arguments> recentReleases() {
            return Stream.of(
                    Arguments.of("three attested releases", List.of("1.0", "1.1", "1.2"), Status.PASS, "Every file of wide 1.2"),
                    Arguments.of("attestation adopted at 1.1", List.of("1.1", "1.2"), Status.PASS, "Every file of wide 1.2"),
                    Arguments.of("1.1 uploaded without attestation between attested releases", List.of("1.0", "1.2"), Status.FAIL,
                            "1.1 (after 1.0) was uploaded without attestations between attested releases"),
                    Arguments.of("an attested release older than the window does not count", List.of("0.9", "1.2"), Status.PASS,
                            "Every file of wide 1.2"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("recentReleases")
        void theLastThreeReleasesAreRead(String name, List<String> attested, Status expected, String says) {
            PyPIProject wide = new PyPIProject("wide", "1.2", java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Map.of(), java.util.Optional.empty(), List.of(release("0.9", 2, "2024-11-01T00:00:00Z"),
                    release("1.0", 2, "2024-12-01T00:00:00Z"), release("1.1", 2, "2025-01-01T00:00:00Z"),
                    release("1.2", 2, "2025-02-01T00:00:00Z")));
            FakeFacts facts = names("wide").with(PyPIFacts.project("wide"), wide);
            JsonNode recorded = Fixtures.json("pypi/integrity_provenance_pypi_attestations-0.0.19.tar.gz.json");
            for (PyPIRelease r : wide.releases()) {
                r.files().forEach(f -> facts.with(PyPIFacts.provenance("wide", r.version(), f.filename()), attested.contains(r.version())
                        ? RecordedPyPI.provenance("wide", r.version(), f.filename(), recorded)
                        : RecordedPyPI.noProvenance("wide", r.version(), f.filename())));
            }

            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).isEqualTo(expected);
            assertThat(finding.message()).contains(says);
            assertThat(facts.lookupsOfKind("pypi.file-provenance")).isLessThanOrEqualTo(2 + 2 * 2 + 2);
        }

        @Test
        void unreadableProvenanceForEveryFileIsUnknown() {
            FakeFacts facts = names(POETRY).with(PyPIFacts.project(POETRY), recordedPoetry())
                    .unavailable(PyPIFacts.provenance(POETRY, "2.1.3", WHEEL), Cause.RATE_LIMITED)
                    .unavailable(PyPIFacts.provenance(POETRY, "2.1.3", SDIST), Cause.RATE_LIMITED);

            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
            assertThat(finding.needed()).isNotEmpty();
        }

        @Test
        void readsABoundedNumberOfFiles() {
            PyPIProject manyFiles = new PyPIProject("wide", "2.0", java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Map.of(), java.util.Optional.empty(), List.of(release("1.0", 10, "2024-01-01T00:00:00Z"),
                    release("2.0", 40, "2025-01-01T00:00:00Z")));
            FakeFacts facts = names("wide").with(PyPIFacts.project("wide"), manyFiles);
            for (PyPIRelease r : manyFiles.releases()) {
                r.files().forEach(f -> facts.with(PyPIFacts.provenance("wide", r.version(), f.filename()),
                        RecordedPyPI.noProvenance("wide", r.version(), f.filename())));
            }

            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).isEqualTo(Status.WARN);
            assertThat(facts.lookupsOfKind("pypi.file-provenance"))
                    .isEqualTo(PyPIReleaseProvenance.MAX_FILES + PyPIReleaseProvenance.MAX_PREVIOUS_FILES);
            assertThat(finding.evidence()).contains(new Evidence("files checked", "12 of 40", "GET /pypi/wide/json"));
        }

        @Test
        void unreadableProjectIsUnknownForThatProject() {
            FakeFacts facts = names(POETRY).unavailable(PyPIFacts.project(POETRY),
                    Unavailability.of(Cause.NOT_FOUND, "PyPI has no project named poetry-core", ""));

            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
            assertThat(finding.subject()).isEqualTo("pypi:poetry-core");
        }

        static PyPIProject recordedPoetry() {
            return RecordedPyPI.project(Fixtures.json("pypi/pypi_json_poetry-core_2.1.3.json"));
        }

        /** poetry-core 2.1.3 as recorded; the files in {@code attested} answer with the recorded provenance, the others 404. */
        static FakeFacts poetry(Set<String> attested) {
            FakeFacts facts = names(POETRY).with(PyPIFacts.project(POETRY), recordedPoetry());
            for (String file : List.of(WHEEL, SDIST)) {
                facts.with(PyPIFacts.provenance(POETRY, "2.1.3", file), attested.contains(file)
                        ? RecordedPyPI.provenance(POETRY, "2.1.3", file, Fixtures.json("pypi/integrity_provenance_pypi_attestations-0.0.19.tar.gz.json"))
                        : RecordedPyPI.noProvenance(POETRY, "2.1.3", file));
            }
            return facts;
        }

        /** The recorded attrs document plus a later release 18.1.0 shaped like 17.4.0: 17.4.0 attested, 18.1.0 not. */
        static FakeFacts attrsLostAttestation() {
            ObjectNode attrs = Fixtures.object("pypi/pypi_json_project_attrs_legacy.json");
            ArrayNode newer = attrs.get("releases").get("17.4.0").deepCopy();
            newer.forEach(f -> ((ObjectNode) f)
                    .put("filename", f.get("filename").asText().replace("17.4.0", "18.1.0"))
                    .put("upload_time", "2018-05-03T08:00:00"));
            ((ObjectNode) attrs.get("releases")).set("18.1.0", newer);
            ((ObjectNode) attrs.get("info")).put("version", "18.1.0");
            PyPIProject project = RecordedPyPI.project(attrs);
            FakeFacts facts = names("attrs").with(PyPIFacts.project("attrs"), project);
            JsonNode recorded = Fixtures.json("pypi/integrity_provenance_pypi_attestations-0.0.19.tar.gz.json");
            for (PyPIRelease r : project.releases()) {
                for (PyPIFile f : r.files()) {
                    facts.with(PyPIFacts.provenance("attrs", r.version(), f.filename()), r.version().equals("17.4.0")
                            ? RecordedPyPI.provenance("attrs", r.version(), f.filename(), recorded)
                            : RecordedPyPI.noProvenance("attrs", r.version(), f.filename()));
                }
            }
            return facts;
        }

        static PyPIRelease release(String version, int files, String uploaded) {
            List<PyPIFile> list = new java.util.ArrayList<>();
            for (int i = 0; i < files; i++) {
                list.add(new PyPIFile("wide-" + version + "-cp3" + i + "-none-any.whl", "bdist_wheel", "", 1,
                        java.util.Optional.of(java.time.Instant.parse(uploaded)), false, ""));
            }
            return new PyPIRelease(version, list);
        }

        static FakeFacts names(String name) {
            return FakeFacts.none()
                    .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(), List.of()))
                    .with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(name), List.of()));
        }
    }

    /** {@code release.require-provenance}: "never had provenance" is a WARN without the policy and a FAIL naming it with it. */
    @Nested
    class WithPolicy {
        private final CheckHarness required = HARNESS.policy(Policies.of("release: {require-provenance: true}"));

        static Stream<Arguments> cases() {
            return Stream.of(
                    // facts, status without the policy, status with it
                    Arguments.of("npm: never any provenance", Npm.packument(List.of(), List.of()), Status.WARN, Status.FAIL),
                    Arguments.of("npm: latest attested", Npm.packument(List.of("1.3.0"), List.of()), Status.PASS, Status.PASS),
                    Arguments.of("npm: lost provenance fails either way", Npm.packument(List.of("1.2.2"), List.of()), Status.FAIL,
                            Status.FAIL),
                    Arguments.of("PyPI: no file ever attested", PyPI.poetry(Set.of()), Status.WARN, Status.FAIL),
                    Arguments.of("PyPI: every file attested", PyPI.poetry(Set.of("poetry_core-2.1.3-py3-none-any.whl",
                            "poetry_core-2.1.3.tar.gz")), Status.PASS, Status.PASS));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void neverHavingProvenanceFailsWhenThePolicyRequiresIt(String name, FakeFacts facts, Status without, Status with) {
            Finding lenient = HARNESS.runSingle(facts);
            Finding strict = required.runSingle(facts);

            assertThat(lenient.status()).as(lenient.message()).isEqualTo(without);
            assertThat(lenient.message()).doesNotContain("policy");
            assertThat(strict.status()).as(strict.message()).isEqualTo(with);
            if (without == Status.WARN) {
                assertThat(strict.message()).endsWith("The team policy requires provenance on every release"
                        + " (policy team.yaml (release.require-provenance)).");
                assertThat(strict.evidence()).contains(Evidence.of("provenance", "required on every release",
                        "policy team.yaml (release.require-provenance)"));
            } else {
                assertThat(strict.message()).isEqualTo(lenient.message());
            }
        }
    }
}
