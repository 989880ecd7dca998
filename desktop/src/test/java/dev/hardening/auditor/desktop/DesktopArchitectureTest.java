package dev.hardening.auditor.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps view models testable without a toolkit, and background work in one place. */
@AnalyzeClasses(packages = "dev.hardening.auditor.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {

    @ArchTest
    static final ArchRule view_models_use_only_javafx_properties_and_collections = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "javafx.application..", "javafx.concurrent..", "javafx.animation..")
            .because("view models are unit-tested without starting the JavaFX toolkit");

    @ArchTest
    static final ArchRule only_the_task_executor_uses_javafx_concurrency = noClasses()
            .that().resideOutsideOfPackage("..desktop.concurrent..")
            .should().dependOnClassesThat().resideInAPackage("javafx.concurrent..")
            .because("background work goes through the TaskExecutor interface");

    @ArchTest
    static final ArchRule views_do_not_start_audits_themselves = noClasses()
            .that().haveSimpleNameEndingWith("View")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hardening.auditor.core", "..core.engine..",
                    "..core.demo..", "..core.http..")
            .because("views bind to view models; audits start only through an AuditLauncher off the UI thread");
}
