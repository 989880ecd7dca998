package dev.hardening.auditor.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.check.fixtures.badstage.BadStageCheck;
import dev.hardening.auditor.core.check.fixtures.duplicate.DuplicateIdCheck;
import dev.hardening.auditor.core.check.fixtures.emptyremediation.EmptyRemediationCheck;
import dev.hardening.auditor.core.check.fixtures.httpurl.HttpUrlCheck;
import dev.hardening.auditor.core.check.fixtures.invalidyaml.InvalidYamlCheck;
import dev.hardening.auditor.core.check.fixtures.manyproblems.ManyProblemsCheck;
import dev.hardening.auditor.core.check.fixtures.nometadata.NoMetadataCheck;
import dev.hardening.auditor.core.check.fixtures.valid.ValidCheck;
import dev.hardening.auditor.core.engine.fixtures.passing.PassingCheck;
import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry loads each check with its validated metadata.yaml, or refuses with every problem listed. */
class CheckRegistryTest {

    private static List<String> problemsOf(Check... checks) {
        InvalidCheckMetadataException e = catchThrowableOfType(InvalidCheckMetadataException.class,
                () -> CheckRegistry.of(List.of(checks)));
        assertThat(e).as("the registry refused to load").isNotNull();
        assertThat(e.getMessage()).contains(e.problems().toArray(String[]::new));
        return e.problems();
    }

    @Test
    void loadsValidMetadataFromTheChecksOwnPackage() {
        CheckRegistry registry = CheckRegistry.of(List.of(new ValidCheck()));

        CheckMetadata m = registry.find("test.valid").orElseThrow().metadata();
        assertThat(m.title()).isEqualTo("Turn on the thing");
        assertThat(m.stage()).isEqualTo(Stage.FORTIFY);
        assertThat(m.severity()).isEqualTo(Severity.HIGH);
        assertThat(m.platforms()).containsExactlyInAnyOrder(Platform.GITHUB, Platform.NPM);
        assertThat(m.incidents()).singleElement().satisfies(i -> assertThat(i.url()).isEqualTo("https://example.com/incident"));
        assertThat(m.remediation()).hasSize(2);
        assertThat(m.remediation().get(0).url()).isEqualTo("https://example.com/settings");
        assertThat(m.remediation().get(1).text()).isEqualTo("Check again.");
        assertThat(m.references()).singleElement().satisfies(r -> assertThat(r.title()).isEqualTo("Thing benchmark 1.2"));
        assertThat(registry.catalog()).containsExactly(m);
        assertThat(registry.find("test.unknown")).isEmpty();
    }

    @Test
    void ordersChecksByStageThenId() {
        // test.passing is in the evaluate stage, test.valid in fortify.
        CheckRegistry registry = CheckRegistry.of(List.of(new ValidCheck(), new PassingCheck()));

        assertThat(registry.all()).extracting(RegisteredCheck::id).containsExactly("test.passing", "test.valid");
    }

    @Test
    void refusesACheckWithoutMetadata() {
        assertThat(problemsOf(new NoMetadataCheck())).singleElement().asString()
                .contains(NoMetadataCheck.class.getName(), "no metadata.yaml");
    }

    @Test
    void refusesAnUnknownStage() {
        assertThat(problemsOf(new BadStageCheck())).singleElement().asString()
                .contains(BadStageCheck.class.getName(), "unknown stage 'harden'");
    }

    @Test
    void refusesAnEmptyRemediation() {
        assertThat(problemsOf(new EmptyRemediationCheck())).singleElement().asString()
                .contains("remediation must list at least one step");
    }

    @Test
    void refusesPlainHttpUrls() {
        List<String> problems = problemsOf(new HttpUrlCheck());

        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("remediation", "http://example.com/settings"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("reference", "http://example.com/benchmark"));
    }

    @Test
    void refusesADuplicateIdNamingBothChecks() {
        assertThat(problemsOf(new ValidCheck(), new DuplicateIdCheck())).singleElement().asString()
                .contains("'test.valid'", ValidCheck.class.getName(), DuplicateIdCheck.class.getName());
    }

    @Test
    void refusesInvalidYaml() {
        assertThat(problemsOf(new InvalidYamlCheck())).singleElement().asString()
                .contains(InvalidYamlCheck.class.getName(), "not valid YAML");
    }

    @Test
    void listsEveryProblemOfEveryCheckAtOnce() {
        List<String> problems = problemsOf(new ValidCheck(), new ManyProblemsCheck(), new BadStageCheck(),
                new NoMetadataCheck(), new DuplicateIdCheck());

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("id 'Not An Id'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("title is missing"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("summary is missing"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown severity 'urgent'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown platform 'myspace'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("every incident needs a name"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("ftp://example.com/incident"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("remediation step has no text"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("reference has no title"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown stage 'harden'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no metadata.yaml"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'test.valid'", DuplicateIdCheck.class.getName()));
        assertThat(problems).allSatisfy(p -> assertThat(p).doesNotStartWith(ValidCheck.class.getName()));
    }
}
