package dev.hardening.auditor.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of DESIGN.md, enforced on the main classes of audit-core. */
@AnalyzeClasses(packages = "dev.hardening.auditor.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoUserInterface = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..")
            .because("audit-core is the library under both the CLI and the desktop app");

    @ArchTest
    static final ArchRule factsAndModelKnowNothingOfHttp = noClasses()
            .that().resideInAnyPackage("dev.hardening.auditor.core.facts..", "dev.hardening.auditor.core.model..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
            .because("facts and findings are plain data; checks read them and never touch OkHttp");

    @ArchTest
    static final ArchRule checkSpiKnowsNothingOfHttp = noClasses()
            .that().resideInAPackage("dev.hardening.auditor.core.check..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
            .because("a check never touches OkHttp: it reads facts");
}
