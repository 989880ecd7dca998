package dev.hardening.auditor.core.team;

import dev.hardening.auditor.core.signing.EvidenceException;
import dev.hardening.auditor.core.signing.EvidenceFile;
import dev.hardening.auditor.core.signing.VerifiedSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies members' signed self-audit snapshots: each file against the registered key of the member
 * it claims to come from. A file signed by an unregistered key, changed after signing, truncated or
 * not a signed snapshot is refused with the reason; the others make the team view.
 */
public final class TeamImport {
    private TeamImport() {
    }

    /** A verified snapshot of a member. */
    public record Accepted(Path file, TeamMember member, VerifiedSnapshot snapshot) {
    }

    /** A file that was refused, and why. */
    public record Refused(Path file, String reason) {
    }

    public record Result(List<Accepted> accepted, List<Refused> refused) {
        public Result {
            accepted = List.copyOf(accepted);
            refused = List.copyOf(refused);
        }
    }

    public static Result verify(List<Path> files, List<TeamMember> members) {
        List<Accepted> accepted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Path file : files) {
            try {
                byte[] bytes = read(file);
                String claimed = EvidenceFile.claimedKeyId(bytes);
                Optional<TeamMember> member = members.stream()
                        .filter(m -> m.publicKey().keyId().equals(claimed)).findFirst();
                if (member.isEmpty()) {
                    throw new EvidenceException("signed with key " + claimed + ", which is registered to no team "
                            + "member (register it with: auditor team add-member NAME PUBLIC-KEY-FILE)");
                }
                VerifiedSnapshot snapshot = EvidenceFile.verify(bytes, member.get().publicKey());
                accepted.add(new Accepted(file, member.get(), snapshot));
            } catch (EvidenceException e) {
                refused.add(new Refused(file, e.getMessage()));
            }
        }
        return new Result(accepted, refused);
    }

    private static byte[] read(Path file) throws EvidenceException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new EvidenceException("no such file");
            }
            if (Files.size(file) > EvidenceFile.MAX_BYTES) {
                throw new EvidenceException("larger than any signed snapshot (" + Files.size(file) + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EvidenceException("cannot read it: " + e.getClass().getSimpleName());
        }
    }
}
