package dev.hardening.auditor.core.engine;

import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.model.Platform;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A check named with {@code --check} whose platforms the audit cannot read (no target and no credential
 * for them). Run blind it would report UNKNOWN for facts nobody collects, or judge nothing; instead it
 * reports one NOT_APPLICABLE finding that says what would bring its platform into the audit.
 */
final class NotAudited {
    /** What adds each platform to an audit. */
    private static final Map<Platform, String> HOW_TO_ADD = new EnumMap<>(Map.of(
            Platform.GITHUB, "--github-user, --github-org or GITHUB_TOKEN",
            Platform.NPM, "--npm-user, --npm-package or NPM_TOKEN",
            Platform.PYPI, "--pypi-user, --pypi-project or PYPI_TOKEN",
            Platform.WORKSTATION, "--workstation",
            Platform.EMAIL, "--email",
            Platform.RDAP, "--email",
            Platform.HIBP, "--email",
            Platform.POLICY, "--policy"));

    private NotAudited() {
    }

    /** The check itself when the audit reads one of its platforms; else a stand-in that says why it did not run. */
    static RegisteredCheck unlessAudited(RegisteredCheck check, Set<Platform> audited) {
        Set<Platform> platforms = check.metadata().platforms();
        if (!Collections.disjoint(platforms, audited)) {
            return check;
        }
        List<Platform> sorted = platforms.stream().sorted().toList();
        String subject = String.join(",", sorted.stream().map(Platform::id).toList());
        String names = String.join(" or ", sorted.stream().map(Platform::displayName).toList());
        Set<String> ways = new TreeSet<>();
        sorted.forEach(p -> ways.add(HOW_TO_ADD.getOrDefault(p, "a target on " + p.displayName())));
        String message = check.id() + " was named for this audit, but the audit has no " + names
                + " target or credential, so it did not run. To audit " + names + ", add " + String.join("; or ", ways) + ".";
        Check standIn = context -> List.of(context.notApplicable(subject, message));
        return new RegisteredCheck(check.metadata(), standIn);
    }
}
