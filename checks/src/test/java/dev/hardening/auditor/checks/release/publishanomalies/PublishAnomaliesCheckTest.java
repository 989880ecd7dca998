package dev.hardening.auditor.checks.release.publishanomalies;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedNpm;
import dev.hardening.auditor.checks.recorded.RecordedPyPI;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.facts.pypi.PyPIWheelEntries;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublishAnomaliesCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new PublishAnomaliesCheck())
            .targets(targets().npmUser("ljharb").pypiUser("abn").build());

    @Nested
    class Npm {
        private static final String PKG = "has-package-exports";

        /** The recorded has-package-exports packument (11 versions by ljharb, 2020-2022) edited by {@code edit}. */
        static FakeFacts history(Consumer<ObjectNode> edit) {
            return history("packument_full_has-package-exports.json", PKG, edit);
        }

        static FakeFacts history(String fixture, String name, Consumer<ObjectNode> edit) {
            ObjectNode p = Fixtures.object("npm/" + fixture);
            edit.accept(p);
            return FakeFacts.none().with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(name), List.of()))
                    .with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(), List.of()))
                    .with(NpmFacts.packument(name), RecordedNpm.packument(p));
        }

        static ObjectNode version(ObjectNode p, String v) {
            return (ObjectNode) p.at("/versions/" + v);
        }

        static void attest(ObjectNode p, String... versions) {
            for (String v : versions) {
                ((ObjectNode) version(p, v).get("dist")).putObject("attestations")
                        .put("url", "https://registry.npmjs.org/-/npm/v1/attestations/" + PKG + "@" + v)
                        .putObject("provenance").put("predicateType", "https://slsa.dev/provenance/v1");
            }
        }

        /** Adds a copy of 1.3.0 as {@code v}, published at {@code at}. */
        static void add(ObjectNode p, String v, String at) {
            ObjectNode copy = version(p, "1.3.0").deepCopy().put("version", v);
            ((ObjectNode) p.get("versions")).set(v, copy);
            ((ObjectNode) p.get("time")).put(v, at);
        }

        static Stream<Arguments> clean() {
            return Stream.of(
                    Arguments.of("recorded has-package-exports", history(p -> { })),
                    Arguments.of("recorded tiny-tarball", history("packument_full_tiny-tarball.json", "tiny-tarball", p -> { })),
                    Arguments.of("recorded package whose first version has a postinstall",
                            history("packument_full_testing-fail-postinstall.json", "@isaacs/testing-fail-postinstall", p -> { })),
                    Arguments.of("provenance from 1.2.2 on, kept", history(p -> attest(p, "1.2.2", "1.2.3", "1.3.0"))),
                    Arguments.of("a script that every version has", history(p -> p.get("versions")
                            .forEach(v -> ((ObjectNode) v.path("scripts")).put("install", "node-gyp rebuild")))),
                    Arguments.of("two release lines patched together (only two versions)", history(p -> {
                        add(p, "0.9.9", "2022-04-07T13:22:10.000Z");
                    })),
                    Arguments.of("ten months between releases", history(p -> ((ObjectNode) p.get("time"))
                            .put("1.3.0", "2022-03-01T00:00:00.000Z"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("clean")
        void cleanHistoriesPass(String name, FakeFacts facts) {
            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).as(finding.message()).isEqualTo(Status.PASS);
            assertThat(finding.message()).startsWith("Nothing unusual");
        }

        static Stream<Arguments> planted() {
            return Stream.of(
                    Arguments.of("latest published by a stranger (event-stream)", history(p ->
                                    ((ObjectNode) version(p, "1.3.0").get("_npmUser")).put("name", "right9ctrl")),
                            Policy.none(), Status.FAIL, List.of("1.3.0"), "published by right9ctrl, who is not among the package's maintainers"),
                    Arguments.of("mid-history version by a maintainer outside the roster", history(p -> {
                        p.withArray("maintainers").addObject().put("name", "dex").put("email", "dex@example.com");
                        ((ObjectNode) version(p, "1.2.2").get("_npmUser")).put("name", "dex");
                    }), new Policy("team.yaml", Map.of("npm:" + PKG, Set.of("ljharb"))), Status.FAIL, List.of("1.2.2"),
                            "published by dex, who is not on the team's roster"),
                    Arguments.of("provenance lost (Nx)", history(p -> attest(p, "1.2.1", "1.2.2")), Policy.none(), Status.FAIL,
                            List.of("1.2.3", "1.3.0"), "published without provenance although 1.2.2"),
                    Arguments.of("trusted publishing, then a hand publish", history(p -> ((ObjectNode) version(p, "1.2.3").get("_npmUser"))
                                    .putObject("trustedPublisher").put("id", "github").put("oidcConfigId", "oidc:x")),
                            Policy.none(), Status.FAIL, List.of("1.3.0"), "although 1.2.3, published before it, had a trusted publisher"),
                    Arguments.of("postinstall added (eslint-scope)", history(p -> ((ObjectNode) version(p, "1.2.2").get("scripts"))
                                    .put("postinstall", "node ./lib/build.js")), Policy.none(), Status.FAIL, List.of("1.2.2"),
                            "adds a postinstall script (`node ./lib/build.js`) that 1.2.1 did not have"),
                    Arguments.of("preinstall added in the latest", history(p -> version(p, "1.3.0").putObject("scripts")
                                    .put("preinstall", "start /B node compile.js")), Policy.none(), Status.FAIL, List.of("1.3.0"),
                            "adds a preinstall script"),
                    Arguments.of("dormant, then republished (coa)", history(p -> ((ObjectNode) p.get("time"))
                                    .put("1.3.0", "2024-11-04T15:30:00.000Z")), Policy.none(), Status.WARN, List.of("1.3.0"),
                            "after 1281 days without a release (previous: 1.2.3 on 2021-05-02)"),
                    Arguments.of("burst across lines (rc)", history(p -> {
                        add(p, "0.9.9", "2022-04-07T13:21:50.000Z");
                        add(p, "2.0.1", "2022-04-07T13:22:01.000Z");
                    }), Policy.none(), Status.WARN, List.of("1.3.0, 0.9.9, 2.0.1"), "3 versions across release lines 1, 0.9, 2 within 28 seconds"),
                    Arguments.of("ua-parser-js: a burst across lines with a new preinstall", history(p -> {
                        add(p, "0.7.28", "2021-06-01T10:00:00.000Z");
                        add(p, "0.7.29", "2022-04-07T13:25:00.000Z");
                        add(p, "2.0.0", "2022-04-07T13:27:00.000Z");
                        for (String v : List.of("1.3.0", "0.7.29", "2.0.0")) {
                            ((ObjectNode) version(p, v).get("scripts")).put("preinstall", "sh preinstall.sh");
                        }
                    }), Policy.none(), Status.FAIL, List.of("1.3.0", "0.7.29", "1.3.0, 0.7.29, 2.0.0"),
                            "adds a preinstall script (`sh preinstall.sh`) that 0.7.28 did not have"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("planted")
        void plantedAnomaliesAreFoundWithTheirVersion(String name, FakeFacts facts, Policy policy, Status expected,
                                                      List<String> versions, String detail) {
            Finding finding = HARNESS.policy(policy).runSingle(facts);

            assertThat(finding.status()).isEqualTo(expected);
            List<String> named = new ArrayList<>();
            finding.evidence().forEach(e -> named.add(e.label().substring("version ".length(), e.label().indexOf(": "))));
            assertThat(named).containsExactlyInAnyOrderElementsOf(versions);
            assertThat(finding.evidence()).extracting(Evidence::value).anyMatch(v -> v.contains(detail));
            versions.forEach(v -> assertThat(finding.message()).contains(v));
        }

        @Test
        void anUnreadablePackumentIsUnknownAndAnEmptyOneNotApplicable() {
            FakeFacts facts = FakeFacts.none().with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of("gone", PKG), List.of()))
                    .with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(), List.of()))
                    .unavailable(NpmFacts.packument("gone"), Cause.NOT_FOUND);
            ObjectNode empty = Fixtures.object("npm/packument_full_has-package-exports.json");
            empty.putObject("versions");
            facts.with(NpmFacts.packument(PKG), RecordedNpm.packument(empty));

            assertThat(HARNESS.run(facts)).extracting(Finding::status).containsExactly(Status.UNKNOWN, Status.NOT_APPLICABLE);
        }
    }

    @Nested
    class PyPI {
        private static final String PROJECT = "poetry-core";
        private static final String INTEGRITY = "pypi/integrity_provenance_pypi_attestations-0.0.19.tar.gz.json";

        /** Releases of poetry-core in the recorded file shapes, one per (version, upload day). */
        static PyPIProject project(String... versionAndDay) {
            List<PyPIRelease> releases = new ArrayList<>();
            for (int i = 0; i < versionAndDay.length; i += 2) {
                String v = versionAndDay[i];
                Optional<Instant> at = Optional.of(Instant.parse(versionAndDay[i + 1] + "T10:00:00Z"));
                releases.add(new PyPIRelease(v, List.of(
                        new PyPIFile("poetry_core-" + v + "-py3-none-any.whl", "bdist_wheel", "0".repeat(64), 300_000, at, false,
                                "https://files.pythonhosted.org/packages/poetry_core-" + v + "-py3-none-any.whl"),
                        new PyPIFile("poetry_core-" + v + ".tar.gz", "sdist", "1".repeat(64), 360_000, at, false,
                                "https://files.pythonhosted.org/packages/poetry_core-" + v + ".tar.gz"))));
            }
            PyPIProject recorded = RecordedPyPI.project(Fixtures.json("pypi/pypi_json_poetry-core_2.1.3.json"));
            return new PyPIProject(PROJECT, releases.get(releases.size() - 1).version(), recorded.authorEmail(),
                    recorded.maintainerEmail(), recorded.projectUrls(), recorded.ownership(), releases);
        }

        /** Facts for the project; each listed version's files are attested ("v") or not ("v!"), or only its wheel ("v~"). */
        static FakeFacts facts(PyPIProject project, String... provenance) {
            FakeFacts facts = FakeFacts.none().with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(PROJECT), List.of()))
                    .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(), List.of()))
                    .with(PyPIFacts.project(PROJECT), project);
            for (String p : provenance) {
                String v = p.replaceAll("[!~]$", "");
                for (PyPIFile f : project.release(v).orElseThrow().files()) {
                    boolean attested = !p.endsWith("!") && !(p.endsWith("~") && f.packageType().equals("sdist"));
                    facts.with(PyPIFacts.provenance(PROJECT, v, f.filename()), attested
                            ? RecordedPyPI.provenance(PROJECT, v, f.filename(), Fixtures.json(INTEGRITY))
                            : RecordedPyPI.noProvenance(PROJECT, v, f.filename()));
                }
            }
            return facts;
        }

        static Stream<Arguments> cases() {
            PyPIProject three = project("2.1.0", "2025-01-10", "2.1.1", "2025-02-20", "2.1.2", "2025-03-28");
            return Stream.of(
                    Arguments.of("every release attested", facts(three, "2.1.0", "2.1.1", "2.1.2"), Status.PASS, List.of(), ""),
                    Arguments.of("never attested", facts(three, "2.1.0!", "2.1.1!", "2.1.2!"), Status.PASS, List.of(), ""),
                    Arguments.of("attested since 2.1.1", facts(three, "2.1.0!", "2.1.1", "2.1.2"), Status.PASS, List.of(), ""),
                    Arguments.of("provenance unreadable", facts(three), Status.PASS, List.of(), ""),
                    Arguments.of("2.1.2 without provenance after attested releases (ultralytics)",
                            facts(three, "2.1.0", "2.1.1", "2.1.2!"), Status.FAIL, List.of("2.1.2"),
                            "although 2.1.1, uploaded before it, was attested"),
                    Arguments.of("2.1.2 with an unattested sdist", facts(three, "2.1.0", "2.1.1", "2.1.2~"), Status.FAIL,
                            List.of("2.1.2"), "poetry_core-2.1.2.tar.gz carry no attestation while poetry_core-2.1.2-py3-none-any.whl do"),
                    Arguments.of("dormant for three years (ctx)", facts(project("0.1.2", "2019-12-01", "0.2.0", "2023-05-14")),
                            Status.WARN, List.of("0.2.0"), "after 1260 days without a release"),
                    Arguments.of("a burst across lines", facts(project("1.9.9", "2025-03-01", "2.0.0", "2025-03-01", "3.0.0", "2025-03-01")),
                            Status.WARN, List.of("1.9.9, 2.0.0, 3.0.0"), "3 versions across release lines 1, 2, 3"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void releasesAreReadForTakeoverTraces(String name, FakeFacts facts, Status expected, List<String> versions, String detail) {
            Finding finding = HARNESS.runSingle(facts);

            assertThat(finding.status()).as(finding.message()).isEqualTo(expected);
            List<String> named = new ArrayList<>();
            finding.evidence().stream().filter(e -> e.label().startsWith("release "))
                    .forEach(e -> named.add(e.label().substring("release ".length(), e.label().indexOf(": "))));
            assertThat(named).containsExactlyInAnyOrderElementsOf(versions);
            assertThat(finding.evidence()).extracting(Evidence::value).anyMatch(v -> v.contains(detail));
        }

        /** Wheel listings: per version, its entries ("" for a wheel that could not be read). */
        static FakeFacts wheels(PyPIProject project, String... versionAndEntries) {
            FakeFacts facts = facts(project);
            for (int i = 0; i < versionAndEntries.length; i += 2) {
                String v = versionAndEntries[i];
                String wheel = "poetry_core-" + v + "-py3-none-any.whl";
                if (versionAndEntries[i + 1].isEmpty()) {
                    facts.unavailable(PyPIFacts.wheelEntries(PROJECT, v, wheel), Cause.NOT_FOUND);
                    continue;
                }
                List<String> entries = new ArrayList<>(List.of("poetry/core/__init__.py", "poetry_core-" + v + ".dist-info/RECORD"));
                entries.addAll(List.of(versionAndEntries[i + 1].split(",")));
                facts.with(PyPIFacts.wheelEntries(PROJECT, v, wheel), new PyPIWheelEntries(PROJECT, v, wheel, entries, true));
            }
            return facts;
        }

        static Stream<Arguments> pth() {
            PyPIProject three = project("0.23.1", "2026-03-01", "0.23.2", "2026-04-01", "0.23.3", "2026-04-24");
            return Stream.of(
                    Arguments.of("no .pth anywhere", wheels(three, "0.23.1", "LICENSE", "0.23.2", "LICENSE", "0.23.3", "LICENSE"),
                            Status.PASS, List.of(), ""),
                    Arguments.of("a .pth every release ships", wheels(three, "0.23.1", "x.pth", "0.23.2", "x.pth", "0.23.3", "x.pth"),
                            Status.PASS, List.of(), ""),
                    Arguments.of("a .pth inside a package directory is not run", wheels(three, "0.23.1", "LICENSE", "0.23.2", "LICENSE",
                            "0.23.3", "poetry/data/x.pth"), Status.PASS, List.of(), ""),
                    Arguments.of("0.23.3 adds elementary.pth (elementary-data)", wheels(three, "0.23.1", "LICENSE", "0.23.2", "LICENSE",
                            "0.23.3", "elementary.pth"), Status.FAIL, List.of("0.23.3"),
                            "poetry_core-0.23.3-py3-none-any.whl adds elementary.pth, which Python runs at every start, absent from"
                                    + " poetry_core-0.23.2-py3-none-any.whl"),
                    Arguments.of("the previous wheel could not be read", wheels(three, "0.23.1", "LICENSE", "0.23.2", "",
                            "0.23.3", "elementary.pth"), Status.PASS, List.of(), ""));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("pth")
        void newPthFilesInWheelsAreFound(String name, FakeFacts facts, Status expected, List<String> versions, String detail) {
            releasesAreReadForTakeoverTraces(name, facts, expected, versions, detail);
        }

        @Test
        void provenanceIsReadForABoundedNumberOfRecentReleasesAndFiles() {
            List<String> spec = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                spec.add("1." + i + ".0");
                spec.add("2025-01-" + String.format("%02d", i + 1));
            }
            FakeFacts facts = facts(project(spec.toArray(String[]::new)));

            HARNESS.runSingle(facts);

            assertThat(facts.lookupsOfKind("pypi.file-provenance"))
                    .isEqualTo((long) PyPIHistory.RECENT_RELEASES * PyPIHistory.FILES_PER_RELEASE);
        }
    }
}
