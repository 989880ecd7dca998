package dev.hardening.auditor.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorldGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of(new WorldSpec(2, 0, 1, 0, 1, 1, 1L, NOW)),
                Arguments.of(new WorldSpec(4, 3, 4, 2, 3, 2, 7L, NOW)),
                Arguments.of(new WorldSpec(50, 100, 20, 20, 8, 20, 99L, NOW)),
                Arguments.of(new WorldSpec(500, 1000, 20, 200, 8, 200, 20260601L, NOW)));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void produces_the_requested_counts(WorldSpec spec) {
        World w = WorldGenerator.generate(spec);

        assertThat(w.members()).hasSize(spec.members());
        assertThat(w.members().get(0)).isEqualTo(w.owner());
        assertThat(w.npmPackages()).hasSize(spec.npmPackages())
                .allSatisfy(p -> assertThat(p.versions()).hasSize(spec.versionsPerPackage()));
        assertThat(w.pypiProjects()).hasSize(spec.pypiProjects())
                .allSatisfy(p -> assertThat(p.releases()).hasSize(spec.releasesPerProject()));
        assertThat(w.repositories()).hasSize(spec.repositories());
        // Names are unique, so every resource is distinct.
        assertThat(w.npmPackages().stream().map(NpmPackage::name).distinct().count()).isEqualTo(spec.npmPackages());
        assertThat(w.repositories().stream().map(Repository::fullName).distinct().count()).isEqualTo(spec.repositories());
    }

    @Test
    void version_histories_are_ordered_and_in_the_past() {
        World w = WorldGenerator.generate(new WorldSpec(50, 100, 20, 20, 8, 20, 99L, NOW));

        for (NpmPackage p : w.npmPackages()) {
            for (int i = 1; i < p.versions().size(); i++) {
                assertThat(p.versions().get(i).published()).isAfter(p.versions().get(i - 1).published());
            }
            assertThat(p.versions().get(p.versions().size() - 1).published()).isBeforeOrEqualTo(NOW);
        }
        for (PyPIProject p : w.pypiProjects()) {
            assertThat(p.latest().uploaded()).isBeforeOrEqualTo(NOW);
            assertThat(p.latest().files()).extracting(PyPIProject.File::packageType).contains("sdist", "bdist_wheel");
        }
    }

    @Test
    void the_same_seed_gives_the_same_world_and_another_seed_another() {
        WorldSpec spec = new WorldSpec(50, 100, 20, 20, 8, 20, 99L, NOW);
        World a = WorldGenerator.generate(spec);
        World b = WorldGenerator.generate(spec);
        World c = WorldGenerator.generate(new WorldSpec(50, 100, 20, 20, 8, 20, 100L, NOW));

        assertThat(b.members()).isEqualTo(a.members());
        assertThat(b.npmPackages()).isEqualTo(a.npmPackages());
        assertThat(b.pypiProjects()).isEqualTo(a.pypiProjects());
        assertThat(b.repositories()).isEqualTo(a.repositories());
        assertThat(b.domains()).isEqualTo(a.domains());
        assertThat(b.breached()).isEqualTo(a.breached());
        assertThat(c.npmPackages()).isNotEqualTo(a.npmPackages());
    }

    @Test
    void a_world_gives_the_checks_a_spread_of_cases() {
        World w = WorldGenerator.generate(new WorldSpec(100, 100, 20, 20, 8, 20, 99L, NOW));

        assertThat(w.repositories()).extracting(Repository::protection).contains(Repository.Protection.values());
        assertThat(w.members()).extracting(Member::mfa).contains(Member.Mfa.SMS, Member.Mfa.TOTP, Member.Mfa.SECURITY_KEY);
        assertThat(w.breached()).isNotEmpty();
        assertThat(w.domains().values()).anyMatch(d -> !d.registered());
        assertThat(w.npmPackages().stream().anyMatch(p -> latest(p).trusted())).as("a package published by OIDC").isTrue();
        assertThat(w.npmPackages().stream().anyMatch(p -> !latest(p).trusted())).as("a package published by token").isTrue();
    }

    private static NpmPackage.Version latest(NpmPackage p) {
        return p.versions().get(p.versions().size() - 1);
    }
}
