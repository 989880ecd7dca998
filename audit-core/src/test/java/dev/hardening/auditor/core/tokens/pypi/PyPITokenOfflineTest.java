package dev.hardening.auditor.core.tokens.pypi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The decoder cannot reach the network: none of its classes (or jmacaroons' parser it calls) use a network API. */
@AnalyzeClasses(packages = "dev.hardening.auditor.core.tokens.pypi", importOptions = ImportOption.DoNotIncludeTests.class)
class PyPITokenOfflineTest {

    @ArchTest
    static final ArchRule decoderNeverTouchesTheNetwork = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "javax.net..", "okhttp3..", "okio..",
                    "dev.hardening.auditor.core.http..", "dev.hardening.auditor.core.clients..")
            .because("a PyPI token is decoded offline and never leaves the machine");
}
