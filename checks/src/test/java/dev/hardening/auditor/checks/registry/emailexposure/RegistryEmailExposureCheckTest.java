package dev.hardening.auditor.checks.registry.emailexposure;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedNpm;
import dev.hardening.auditor.checks.recorded.RecordedPyPI;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryEmailExposureCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new RegistryEmailExposureCheck())
            .targets(targets().npmUser("bcoe").pypiUser("abn").build());

    static FakeFacts npm(String fixture, String name, Consumer<ObjectNode> edit) {
        ObjectNode p = Fixtures.object("npm/" + fixture);
        edit.accept(p);
        return FakeFacts.none().with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(name), List.of()))
                .with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(), List.of()))
                .with(NpmFacts.packument(name), RecordedNpm.packument(p));
    }

    static FakeFacts pypi(String fixture, String name, Consumer<ObjectNode> edit) {
        ObjectNode p = Fixtures.object("pypi/" + fixture);
        edit.accept((ObjectNode) p.get("info"));
        return FakeFacts.none().with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(name), List.of()))
                .with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of(), List.of()))
                .with(PyPIFacts.project(name), RecordedPyPI.project(p));
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("recorded npm maintainer address", npm("packument_full_tiny-tarball.json", "tiny-tarball", p -> { }),
                        Status.WARN, "b***@npmjs.com"),
                Arguments.of("npm maintainers with no-reply addresses only", npm("packument_full_tiny-tarball.json", "tiny-tarball",
                        p -> p.putArray("maintainers").addObject().put("name", "bcoe").put("email", "1+bcoe@users.noreply.github.com")),
                        Status.PASS, "no personal email"),
                Arguments.of("recorded PyPI author and maintainer addresses", pypi("pypi_json_poetry-core_2.1.3.json", "poetry-core", i -> { }),
                        Status.WARN, "s***@eustace.io"),
                Arguments.of("recorded PyPI author address, blank maintainer", pypi("pypi_json_project_attrs_legacy.json", "attrs", i -> { }),
                        Status.WARN, "h***@ox.cx"),
                Arguments.of("PyPI project without addresses", pypi("pypi_json_project_attrs_legacy.json", "attrs",
                        i -> i.put("author_email", "")), Status.PASS, "no personal email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void publishedAddressesAreReportedMasked(String name, FakeFacts facts, Status expected, String evidence) {
        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.toString()).doesNotContain("ben@npmjs.com", "sebastien@eustace.io", "hs@ox.cx", "arun.neelicattu@");
        if (expected == Status.WARN) {
            assertThat(finding.evidence()).extracting(Evidence::label).contains(evidence);
        } else {
            assertThat(finding.message()).contains(evidence);
        }
    }

    @Test
    void evidenceNamesWhereEachAddressIsPublished() {
        Finding finding = HARNESS.runSingle(pypi("pypi_json_poetry-core_2.1.3.json", "poetry-core", i -> { }));

        assertThat(finding.evidence()).containsExactly(
                new Evidence("s***@eustace.io", "info.author_email", "GET /pypi/poetry-core/json"),
                new Evidence("a***@gmail.com", "info.maintainer_email", "GET /pypi/poetry-core/json"));
        assertThat(finding.message()).contains("2 addresses on eustace.io, gmail.com");
    }

    @Test
    void anUnreadablePackageIsUnknownOnItsOwn() {
        FakeFacts facts = FakeFacts.none().with(NpmFacts.AUDITED_PACKAGES, new NameList(List.of("gone"), List.of()))
                .with(PyPIFacts.AUDITED_PROJECTS, new NameList(List.of(), List.of()))
                .unavailable(NpmFacts.packument("gone"), Cause.NOT_FOUND);

        assertThat(HARNESS.run(facts)).extracting(Finding::subject, Finding::status).containsExactly(tuple("npm:gone", Status.UNKNOWN));
    }
}
