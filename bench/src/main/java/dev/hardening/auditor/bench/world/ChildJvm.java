package dev.hardening.auditor.bench.world;

import dev.hardening.auditor.cli.AuditorCommand;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JVM the benchmark audits in, set up as {@code ./auditor} sets up its own: the CLI's jar and
 * its dependencies' jars, the launcher's JVM options, and a class-data archive made by one demo run
 * with that class path. The benchmark's own class ({@link MeasuredAudit}) comes after the CLI's
 * jars, which class-data sharing allows.
 */
final class ChildJvm {
    private final List<String> command;

    private ChildJvm(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** {@code java -Xmx... options... -cp ...}, to be followed by a main class and its arguments. */
    List<String> command() {
        return command;
    }

    static ChildJvm prepare(Path work, String xmx, List<String> jvmOptions, boolean classDataArchive)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cliClassPath = cliClassPath();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmx));
        cmd.addAll(jvmOptions);
        if (classDataArchive) {
            Path archive = work.resolve("auditor-cli.jsa");
            List<String> dump = new ArrayList<>(cmd);
            dump.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-cp", cliClassPath, AuditorCommand.class.getName(), "demo"));
            Process p = new ProcessBuilder(dump).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(archive)) {
                p.destroyForcibly();
                throw new IllegalStateException("the demo run that makes the class-data archive failed");
            }
            // The launcher ignores an archive the JVM cannot use; here it must be in use, or the figures would not be the launcher's.
            List<String> check = new ArrayList<>(cmd);
            check.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp", cliClassPath + File.pathSeparator
                    + benchClasses(), AuditorCommand.class.getName(), "--version"));
            Process c = new ProcessBuilder(check).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!c.waitFor(1, TimeUnit.MINUTES) || c.exitValue() != 0) {
                c.destroyForcibly();
                throw new IllegalStateException("the class-data archive cannot be used with the benchmark's class path");
            }
            // As the launcher: an archive the JVM cannot use is ignored without a word.
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        cmd.addAll(List.of("-cp", cliClassPath + File.pathSeparator + benchClasses()));
        return new ChildJvm(cmd);
    }

    /** cli/target's jar, then cli/target/lib's jars by name: jars only, as class-data sharing needs. */
    private static String cliClassPath() throws IOException {
        Path target = Path.of("cli", "target");
        List<String> jars = new ArrayList<>();
        try (Stream<Path> top = Files.list(target)) {
            top.map(Path::toString).filter(n -> n.matches(".*/cli-[^/]*\\.jar") && !n.endsWith("-sources.jar")
                    && !n.endsWith("-javadoc.jar")).sorted().limit(1).forEach(jars::add);
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no CLI jar under " + target.toAbsolutePath() + "; build with mvn package first");
        }
        try (Stream<Path> lib = Files.list(target.resolve("lib"))) {
            lib.map(Path::toString).filter(n -> n.endsWith(".jar")).sorted().forEach(jars::add);
        }
        return String.join(File.pathSeparator, jars.stream().map(j -> Path.of(j).toAbsolutePath().toString()).toList());
    }

    private static String benchClasses() {
        try {
            return Path.of(MeasuredAudit.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
