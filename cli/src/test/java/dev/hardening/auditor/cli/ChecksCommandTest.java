package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.check.CheckRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChecksCommandTest {

    @Test
    void json_lists_every_registered_check_with_its_metadata() throws Exception {
        CliRun run = CliRun.of("checks", "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        var registry = CheckRegistry.load();
        assertThat(root.path("count").asInt()).isEqualTo(registry.all().size()).isGreaterThanOrEqualTo(6);
        Set<String> ids = new HashSet<>();
        for (JsonNode c : root.path("checks")) {
            ids.add(c.path("id").asText());
            assertThat(c.path("stage").asText()).isNotBlank();
            assertThat(c.path("severity").asText()).isIn("critical", "high", "medium", "low", "info");
            assertThat(c.path("title").asText()).isNotBlank();
            assertThat(c.path("remediation").size()).isPositive();
            assertThat(c.path("remediation").get(0).path("text").asText()).isNotBlank();
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(registry.all().stream().map(r -> r.id()).toList());
    }

    @Test
    void explain_prints_why_remediation_and_references() {
        String id = CheckRegistry.load().all().get(0).id();

        CliRun run = CliRun.of("explain", id);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(id).contains("Why it matters").contains("How to fix it").contains("References");
    }

    /** The README's catalog is generated from the metadata; this fails when they disagree. */
    @Test
    void readme_catalog_matches_the_registered_checks() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(CatalogRenderer.README_BEGIN);
        int end = text.indexOf(CatalogRenderer.README_END);
        assertThat(begin).as("README has the catalog markers").isPositive();
        assertThat(end).isGreaterThan(begin);
        String section = text.substring(begin + CatalogRenderer.README_BEGIN.length(), end).strip();

        String expected = CatalogRenderer.markdownTable(CheckRegistry.load().catalog()).strip();

        assertThat(section)
                .as("README catalog is stale: regenerate it with ./auditor checks --format md")
                .isEqualTo(expected);
    }
}
