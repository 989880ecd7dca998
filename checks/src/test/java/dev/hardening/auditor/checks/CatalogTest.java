package dev.hardening.auditor.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.RemediationStep;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registered catalog as a whole: every check loads with valid metadata, is tested, and is registered. */
class CatalogTest {
    private static final Pattern ID = Pattern.compile("[a-z]+(\\.[a-z0-9-]+)+");
    private static final CheckRegistry REGISTRY = CheckRegistry.load();

    @Test
    void everyRegisteredCheckLoadsWithValidMetadata() {
        assertThatCode(CheckRegistry::load).doesNotThrowAnyException();
        assertThat(REGISTRY.all()).isNotEmpty();
    }

    @Test
    void idsAreUniqueAndWellFormed() {
        List<String> ids = REGISTRY.all().stream().map(RegisteredCheck::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(id).matches(ID));
    }

    @Test
    void everyCheckHasATestClassNamedAfterIt() {
        for (RegisteredCheck check : REGISTRY.all()) {
            String testName = check.check().getClass().getName() + "Test";
            assertThatCode(() -> Class.forName(testName))
                    .as("%s (%s) needs a test class %s", check.id(), check.check().getClass().getSimpleName(), testName)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void everyCheckClassInThisModuleIsRegistered() {
        Set<String> checkClasses = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.hardening.auditor.checks").stream()
                .filter(c -> c.isAssignableTo(Check.class) && !c.isInterface() && !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        Set<String> registered = REGISTRY.all().stream().map(c -> c.check().getClass().getName()).collect(Collectors.toSet());

        assertThat(registered).as("classes listed in META-INF/services").containsExactlyInAnyOrderElementsOf(checkClasses);
    }

    @Test
    void checksAreFinalAndEachLivesInItsOwnPackage() {
        List<Class<?>> classes = REGISTRY.all().stream().<Class<?>>map(c -> c.check().getClass()).toList();

        assertThat(classes).allSatisfy(c -> assertThat(Modifier.isFinal(c.getModifiers())).as(c.getName()).isTrue());
        assertThat(classes.stream().map(Class::getPackageName)).doesNotHaveDuplicates();
    }

    @Test
    void everyCheckPointsToWhereTheFixIsDone() {
        for (CheckMetadata metadata : REGISTRY.catalog()) {
            assertThat(metadata.remediation()).as(metadata.id())
                    .anySatisfy(step -> assertThat(step.url().isEmpty() && step.command().isEmpty()).isFalse());
            assertThat(metadata.remediation()).extracting(RemediationStep::text).allSatisfy(t -> assertThat(t).isNotBlank());
            assertThat(metadata.why()).as(metadata.id()).hasSizeGreaterThan(200);
        }
    }
}
