package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.signing.PublicKey;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.StoreException;
import dev.hardening.auditor.core.playbook.TeamPlaybook;
import dev.hardening.auditor.core.report.TeamPlaybookWriter;
import dev.hardening.auditor.core.team.TeamImport;
import dev.hardening.auditor.core.team.TeamMember;
import dev.hardening.auditor.core.team.TeamRegistry;
import dev.hardening.auditor.core.team.TeamView;
import dev.hardening.auditor.core.team.TeamViewWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code auditor team}: the team registry and the roll-up of members' signed self-audits. */
@Command(name = "team", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = {
        "The team view: members run 'auditor snapshot --export FILE' on their own accounts and machines and send the file;",
        "the lead registers each member's public key once and imports the files."},
        subcommands = {TeamCommand.AddMember.class, TeamCommand.RemoveMember.class, TeamCommand.Members.class,
                TeamCommand.Import.class, TeamCommand.Playbook.class})
final class TeamCommand implements Runnable {
    @ParentCommand
    AuditorCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(root.terminal().out());
    }

    @Command(name = "add-member", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
            description = "Register a member and the public key (PEM, from their 'auditor keys export') their snapshots are signed with.")
    static final class AddMember implements Callable<Integer> {
        @ParentCommand
        TeamCommand team;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "PUBLIC-KEY-FILE")
        Path keyFile;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            PublicKey key;
            try {
                if (Files.size(keyFile) > 16 * 1024) {
                    throw UserError.usage(keyFile + " is too large to be a public key");
                }
                key = PublicKey.fromPem(Files.readString(keyFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw UserError.usage("cannot read " + keyFile + ": " + e.getClass().getSimpleName());
            } catch (IllegalArgumentException e) {
                throw UserError.usage(keyFile + ": " + e.getMessage());
            }
            try (SnapshotStore s = store.openOrCreate(team.root.environment())) {
                TeamMember m = new TeamRegistry(s.database()).add(name, key, Instant.now());
                team.root.terminal().out().println("registered " + m.name() + " with key " + key.keyId());
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                throw UserError.usage(e.getMessage());
            } catch (StoreException e) {
                throw UserError.cannotRun(e.getMessage());
            }
        }
    }

    @Command(name = "remove-member", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
            description = "Remove a member from the registry (their files are refused from then on).")
    static final class RemoveMember implements Callable<Integer> {
        @ParentCommand
        TeamCommand team;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            try (SnapshotStore s = store.open(team.root.environment())) {
                if (!new TeamRegistry(s.database()).remove(name)) {
                    throw UserError.usage("no team member named " + name);
                }
                team.root.terminal().out().println("removed " + name);
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw UserError.cannotRun(e.getMessage());
            }
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
            description = "List the registered members and their key ids.")
    static final class Members implements Callable<Integer> {
        @ParentCommand
        TeamCommand team;

        @Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            try (SnapshotStore s = store.open(team.root.environment())) {
                List<TeamMember> members = new TeamRegistry(s.database()).members();
                if (members.isEmpty()) {
                    team.root.terminal().out().println("No members yet: auditor team add-member NAME PUBLIC-KEY-FILE");
                }
                members.forEach(m -> team.root.terminal().out().println(m.name() + "  " + m.publicKey().keyId()
                        + "  added " + m.addedAt()));
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw UserError.cannotRun(e.getMessage());
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = {
            "Verify members' signed snapshots against their registered keys and print the team view:",
            "per person and platform, and per package who can publish and how hardened each publisher is.",
            "Files that cannot be verified are refused with the reason. Exit code 0 all verified, 1 some refused, 3 none verified."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        TeamCommand team;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Signed snapshots of members.")
        List<Path> files = new ArrayList<>();

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md or json. Default: ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the team view to FILE.")
        Path out;

        @Override
        public Integer call() {
            if (!format.equals("md") && !format.equals("json")) {
                throw UserError.usage("--format: expected md or json, found '" + format + "'");
            }
            List<TeamMember> members = registeredMembers(team, store);
            TeamImport.Result result = TeamImport.verify(files, members);
            Terminal t = team.root.terminal();
            result.refused().forEach(r -> t.error("refused " + r.file() + ": " + r.reason()));
            TeamView view = TeamView.of(result);
            String text = t.redactor().redact(format.equals("json") ? TeamViewWriter.json(view) : TeamViewWriter.markdown(view));
            if (out != null) {
                AuditRunner.writeAtomically(out, text.getBytes(StandardCharsets.UTF_8));
            } else {
                t.out().print(text);
                t.out().flush();
            }
            if (result.accepted().isEmpty()) {
                return ExitCodes.COULD_NOT_RUN;
            }
            return result.refused().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }

    @Command(name = "playbook", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = {
            "The team's incident playbook from members' signed snapshots (verified like 'team import'):",
            "per package who publishes it, which member that is and whom to notify; every credential with its owner,",
            "in rotation order (those that can publish first). Exit codes as 'team import'."})
    static final class Playbook implements Callable<Integer> {
        @ParentCommand
        TeamCommand team;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Signed snapshots of members.")
        List<Path> files = new ArrayList<>();

        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
                description = "md or html (one self-contained file). Default: ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the playbook to FILE.")
        Path out;

        @Override
        public Integer call() {
            if (!format.equals("md") && !format.equals("html")) {
                throw UserError.usage("--format: expected md or html, found '" + format + "'");
            }
            TeamImport.Result result = TeamImport.verify(files, registeredMembers(team, store));
            Terminal t = team.root.terminal();
            result.refused().forEach(r -> t.error("refused " + r.file() + ": " + r.reason()));
            TeamPlaybook playbook = TeamPlaybook.of(result);
            TeamPlaybookWriter writer = new TeamPlaybookWriter(t.redactor());
            String text = format.equals("html") ? writer.html(playbook) : writer.markdown(playbook);
            if (out != null) {
                AuditRunner.writeAtomically(out, text.getBytes(StandardCharsets.UTF_8));
            } else {
                t.out().print(text);
                t.out().flush();
            }
            if (result.accepted().isEmpty()) {
                return ExitCodes.COULD_NOT_RUN;
            }
            return result.refused().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }

    /** The registered members; none registered is a usage error naming the command that registers one. */
    static List<TeamMember> registeredMembers(TeamCommand team, StoreOptions store) {
        List<TeamMember> members;
        try (SnapshotStore s = store.open(team.root.environment())) {
            members = new TeamRegistry(s.database()).members();
        } catch (StoreException e) {
            throw UserError.cannotRun(e.getMessage());
        }
        if (members.isEmpty()) {
            throw UserError.usage("no team members are registered: auditor team add-member NAME PUBLIC-KEY-FILE");
        }
        return members;
    }
}
