package dev.hardening.auditor.core.facts.github.repo;

/**
 * One workflow file, decoded from the contents API.
 *
 * @param path e.g. {@code .github/workflows/release.yml}
 * @param sha  the blob SHA (identifies the version that was read)
 * @param text the file as UTF-8 text
 */
public record WorkflowFile(String path, String sha, String text) {
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
