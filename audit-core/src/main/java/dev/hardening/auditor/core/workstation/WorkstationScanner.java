package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredentials;
import dev.hardening.auditor.core.tokens.TokenRecognizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an install script running as this user could steal now: every credential file the
 * publishing tools keep, and the environment. Reads through a {@link Home}, parses each file with
 * its own parser, judges every value offline, and keeps fingerprints only.
 */
public final class WorkstationScanner {
    /** A parser of one file format, pure over the file's text. */
    @FunctionalInterface
    interface FileParser {
        void parse(String text, String shownPath, ScanResults out);
    }

    private final Home home;
    private final TokenRecognizers recognizers;

    public WorkstationScanner(Home home, TokenRecognizers recognizers) {
        this.home = home;
        this.recognizers = recognizers;
    }

    public WorkstationScanner(Home home) {
        this(home, TokenRecognizers.standard());
    }

    public WorkstationCredentials scan() {
        CredentialLocations where = new CredentialLocations(home);
        ScanResults out = new ScanResults(new CredentialClassifier(recognizers, home.environment()));
        for (Path npmrc : where.npmConfigs()) {
            file(npmrc, NpmrcParser::parse, out);
        }
        file(where.pypirc(), PypircParser::parse, out);
        file(where.ghHosts(), GhHostsParser::parse, out);
        for (Path p : where.gitCredentials()) {
            file(p, GitCredentialsParser::parse, out);
        }
        file(where.awsCredentials(), AwsCredentialsParser::parse, out);
        file(where.awsConfig(), AwsCredentialsParser::parse, out);
        file(where.dockerConfig(), DockerConfigParser::parse, out);
        for (Path p : where.netrc()) {
            file(p, NetrcParser::parse, out);
        }
        int before = out.credentialCount();
        int ignoredBefore = out.ignoredCount();
        EnvironmentCredentials.scan(home.environment(), recognizers, out);
        out.inspected("environment", state(out.credentialCount() - before, out.ignoredCount() - ignoredBefore));
        return out.build();
    }

    private void file(Path path, FileParser parser, ScanResults out) {
        String shown = home.display(path);
        Optional<String> text;
        try {
            text = home.readText(path);
        } catch (IOException | RuntimeException e) {
            out.inspected(shown, "unreadable");
            // The message names the file and the kind of problem, never its content.
            out.gap(Unavailability.of(Cause.INTERNAL, shown + " could not be read (" + reason(e) + ")",
                    "make " + shown + " readable by this user, or inspect it by hand"));
            return;
        }
        if (text.isEmpty()) {
            out.inspected(shown, "absent");
            return;
        }
        int before = out.credentialCount();
        int ignoredBefore = out.ignoredCount();
        parser.parse(text.get(), shown, out);
        out.inspected(shown, state(out.credentialCount() - before, out.ignoredCount() - ignoredBefore));
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m != null && m.startsWith("larger than") ? m : e.getClass().getSimpleName();
    }

    private static String state(int credentials, int ignored) {
        String c = credentials == 0 ? "no credentials" : credentials == 1 ? "1 credential" : credentials + " credentials";
        return ignored == 0 ? c : c + ", " + ignored + (ignored == 1 ? " value" : " values") + " ignored";
    }

    /** For tests: the paths this scanner reads, in order. */
    List<Path> locations() {
        CredentialLocations where = new CredentialLocations(home);
        List<Path> all = new java.util.ArrayList<>(where.npmConfigs());
        all.add(where.pypirc());
        all.add(where.ghHosts());
        all.addAll(where.gitCredentials());
        all.add(where.awsCredentials());
        all.add(where.awsConfig());
        all.add(where.dockerConfig());
        all.addAll(where.netrc());
        return all;
    }
}
