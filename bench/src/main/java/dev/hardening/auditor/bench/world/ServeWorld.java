package dev.hardening.auditor.bench.world;

import dev.hardening.auditor.sim.server.Behaviour;
import dev.hardening.auditor.sim.server.SimServer;
import dev.hardening.auditor.sim.world.PyPIProject;
import dev.hardening.auditor.sim.world.World;
import dev.hardening.auditor.sim.world.WorldGenerator;
import dev.hardening.auditor.sim.world.WorldSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Serves a simulated world on loopback until interrupted, so that the command line or the desktop app
 * can be pointed at it by hand ({@code scripts/serve-world}). The base URLs and the world's own test
 * tokens go to an environment file readable only by its owner, not to the terminal: what the auditor
 * treats as a credential is never printed, even a simulated one.
 */
public final class ServeWorld {
    private ServeWorld() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        WorldSpec d = WorldSpec.small();
        WorldSpec spec = new WorldSpec(num(o, "--members", 6), num(o, "--npm", 4), num(o, "--versions", 6),
                num(o, "--pypi", 2), num(o, "--releases", 3), num(o, "--repos", 3), d.seed(), d.now());
        Path envFile = Path.of(o.getOrDefault("--env-file", "target/sim-world.env")).toAbsolutePath();
        World world = WorldGenerator.generate(spec);
        SimServer server = SimServer.start(world, Behaviour.latency(Duration.ofMillis(num(o, "--latency-ms", 0))));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-world-stop"));

        writeEnvironment(envFile, server.environment());
        String projects = world.pypiProjects().stream().map(PyPIProject::name).map(p -> "--pypi-project " + p)
                .collect(Collectors.joining(" "));
        System.out.printf("simulated world on loopback: organisation %s (%d members, %d repositories), npm user %s"
                        + " (%d packages), %d PyPI projects%n", world.org(), world.members().size(), world.repositories().size(),
                world.owner().login(), world.npmPackages().size(), world.pypiProjects().size());
        System.out.println("base URLs and the world's test tokens: " + envFile + " (mode 600)");
        System.out.println();
        System.out.println("in another terminal:");
        System.out.println("  set -a; . " + envFile + "; set +a");
        System.out.println("  ./auditor audit --github-org " + world.org() + " --npm-user " + world.owner().login() + " " + projects);
        System.out.println("  ./auditor gui --no-demo     # Setup: the same organisation, npm user and PyPI projects; tokens come from the environment");
        System.out.println();
        System.out.println("Ctrl+C stops the world.");
        stopped.await();
    }

    static void writeEnvironment(Path file, Map<String, String> env) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        StringBuilder text = new StringBuilder("# written by scripts/serve-world: a simulated world on loopback\n");
        env.forEach((k, v) -> text.append(k).append("='").append(v.replace("'", "")).append("'\n"));
        Files.writeString(file, text);
    }

    private static int num(Map<String, String> o, String key, int fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " takes a number, not " + v);
        }
    }
}
