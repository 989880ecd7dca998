package dev.hardening.auditor.checks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** Checks are pure functions over facts: no I/O, no UI, no command line, no wall clock. */
@AnalyzeClasses(packages = "dev.hardening.auditor.checks", importOptions = ImportOption.DoNotIncludeTests.class)
class ChecksArchitectureTest {

    @ArchTest
    static final ArchRule checksDoNoNetworkOrUiWork = noClasses()
            .that().resideInAPackage("dev.hardening.auditor.checks..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "javafx..", "picocli..", "java.net..")
            .because("checks read collected facts; collectors and clients do the I/O");

    @ArchTest
    static final ArchRule checksDoNoFileWork = noClasses()
            .that().resideInAPackage("dev.hardening.auditor.checks..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.File.*")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
            .because("checks must not read files or run programs");

    @ArchTest
    static final ArchRule checksUseTheAuditClock = noClasses()
            .that().resideInAPackage("dev.hardening.auditor.checks..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("a check reads the time from CheckContext.now(), so that tests and the demo are reproducible");
}
