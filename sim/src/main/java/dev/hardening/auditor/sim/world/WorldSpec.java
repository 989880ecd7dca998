package dev.hardening.auditor.sim.world;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The size of a simulated world.
 *
 * @param members            people in the organisation (the first is its owner, whose token audits it)
 * @param npmPackages        npm packages, all maintained by the owner (so {@code --npm-user} lists them)
 * @param versionsPerPackage published versions of each npm package
 * @param pypiProjects       PyPI projects
 * @param releasesPerProject releases of each PyPI project (an sdist and two wheels each)
 * @param repositories       GitHub repositories of the organisation, each linked by some packages
 * @param seed               everything else is derived from it
 * @param now                the world's present: publish dates and expiries are relative to it
 */
public record WorldSpec(int members, int npmPackages, int versionsPerPackage, int pypiProjects, int releasesPerProject,
                        int repositories, long seed, Instant now) {

    public WorldSpec {
        if (members < 2 || npmPackages < 0 || versionsPerPackage < 1 || pypiProjects < 0 || releasesPerProject < 1
                || repositories < 1) {
            throw new IllegalArgumentException("a world needs an owner and a member, a repository, and at least one"
                    + " version per package and release per project");
        }
    }

    /** The benchmark world: 500 members, 1,000 npm packages of 20 versions, 200 PyPI projects, 200 repositories. */
    public static WorldSpec benchmark() {
        return new WorldSpec(500, 1000, 20, 200, 8, 200, 20260601L, today());
    }

    /** A world small enough for a test that runs it many times. */
    public static WorldSpec small() {
        return new WorldSpec(4, 3, 4, 2, 3, 2, 7L, today());
    }

    public WorldSpec scaled(double factor) {
        return new WorldSpec(Math.max(2, (int) Math.round(members * factor)), (int) Math.round(npmPackages * factor),
                versionsPerPackage, (int) Math.round(pypiProjects * factor), releasesPerProject,
                Math.max(1, (int) Math.round(repositories * factor)), seed, now);
    }

    private static Instant today() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);
    }
}
