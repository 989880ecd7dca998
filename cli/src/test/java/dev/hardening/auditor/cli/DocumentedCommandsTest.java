package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every compliance command line shown in the documentation and the example workflow parses: the
 * options named there exist and take the values shown.
 */
class DocumentedCommandsTest {
    private static final Pattern COMMAND = Pattern.compile(
            "auditor\\s+((?:snapshot|history|diff|export|verify|keys|team)\\b[^`|>\\n]*)");
    private static final Pattern FENCED = Pattern.compile("(?s)```[a-z]*\\n(.*?)```");
    private static final List<Path> DOCS = List.of(Path.of("..", "docs", "SCHEDULING.md"),
            Path.of("..", "docs", "EVIDENCE.md"), Path.of("..", "docs", "examples", "hardening-snapshot.yml"));

    static Stream<String> commands() throws Exception {
        List<String> out = new ArrayList<>();
        for (Path doc : DOCS) {
            String text = Files.readString(doc);
            if (doc.toString().endsWith(".md")) {
                // Only the code blocks: prose names commands without all their arguments.
                StringBuilder code = new StringBuilder();
                Matcher block = FENCED.matcher(text);
                while (block.find()) {
                    code.append(block.group(1)).append('\n');
                }
                text = code.toString();
            }
            // Join shell continuation lines.
            text = text.replaceAll("\\\\\\n\\s*", " ");
            Matcher m = COMMAND.matcher(text);
            while (m.find()) {
                String line = m.group(1).replaceAll("\\s+#.*$", "").replaceAll("[\"']", "").strip();
                if (!line.contains("...") && !line.contains("…") && !line.contains(" | ")) {
                    out.add(line);
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(10);
        return out.stream().distinct();
    }

    @ParameterizedTest(name = "auditor {0}")
    @MethodSource("commands")
    void parses(String line) {
        String[] args = line.split("\\s+");
        CommandLine cl = new CommandLine(new AuditorCommand());

        CommandLine.ParseResult result = cl.parseArgs(args);

        assertThat(result.hasSubcommand()).isTrue();
    }
}
