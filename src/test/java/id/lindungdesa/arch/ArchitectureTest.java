package id.lindungdesa.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows pointing one way (docs/architecture.md, decision 0080): domain ← persistence ← service ←
 * features ← wiring ← ui/cli ← app, with task and i18n as support below the services and the benchmarks on top;
 * no package cycles; no JavaFX in the core; JDBC only in persistence.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.lindungdesa");
    }

    @Test
    void domainDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("id.lindungdesa.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("id.lindungdesa.domain..", "java..")
                .check(classes);
    }

    @Test
    void coreHasNoJavaFx() {
        noClasses().that().resideOutsideOfPackages("id.lindungdesa.ui..", "id.lindungdesa.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void jooqStaysInPersistence() {
        noClasses().that().resideOutsideOfPackage("id.lindungdesa.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "id.lindungdesa.persistence.jooq..")
                .check(classes);
    }

    @Test
    void viewsHoldNoSqlNorRepositories() {
        noClasses().that().resideInAPackage("id.lindungdesa.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("id.lindungdesa.persistence.Tx")
                .check(classes);
    }

    @Test
    void cliDoesNotUseTheDesktop() {
        noClasses().that().resideInAPackage("id.lindungdesa.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("id.lindungdesa.ui..")
                .check(classes);
    }

    @Test
    void servicesDoNotKnowTheirCallers() {
        noClasses().that().resideInAnyPackage("id.lindungdesa.service..", "id.lindungdesa.persistence..",
                        "id.lindungdesa.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("id.lindungdesa.cli..", "id.lindungdesa.ui..",
                        "id.lindungdesa.app..")
                .check(classes);
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy("id.lindungdesa.domain..")
                .layer("Support").definedBy("id.lindungdesa.task..", "id.lindungdesa.i18n..")
                .layer("Persistence").definedBy("id.lindungdesa.persistence..")
                .layer("Service").definedBy("id.lindungdesa.service..")
                .layer("Features").definedBy("id.lindungdesa.bundle..", "id.lindungdesa.imports..",
                        "id.lindungdesa.report..", "id.lindungdesa.backup..", "id.lindungdesa.security..",
                        "id.lindungdesa.field..")
                .layer("Wiring").definedBy("id.lindungdesa.wiring..")
                .layer("Ui").definedBy("id.lindungdesa.ui..")
                .layer("Cli").definedBy("id.lindungdesa.cli..")
                .layer("Bench").definedBy("id.lindungdesa.bench..")
                .layer("App").definedBy("id.lindungdesa.app..")
                .whereLayer("Domain").mayNotAccessAnyLayer()
                .whereLayer("Support").mayOnlyAccessLayers("Domain")
                .whereLayer("Persistence").mayOnlyAccessLayers("Domain", "Support") // i18n: message keys of its failures
                .whereLayer("Service").mayOnlyAccessLayers("Domain", "Support", "Persistence")
                .whereLayer("Features").mayOnlyAccessLayers("Domain", "Support", "Persistence", "Service",
                        "Features")
                .whereLayer("Wiring").mayOnlyAccessLayers("Domain", "Support", "Persistence", "Service",
                        "Features")
                .whereLayer("Ui").mayOnlyAccessLayers("Domain", "Support", "Persistence", "Service", "Features",
                        "Wiring")
                .whereLayer("Cli").mayOnlyAccessLayers("Domain", "Support", "Persistence", "Service", "Features",
                        "Wiring")
                .whereLayer("Bench").mayNotBeAccessedByAnyLayer()
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("id.lindungdesa.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void jdbcStaysInPersistence() {
        noClasses().that().resideOutsideOfPackage("id.lindungdesa.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..")
                .check(classes);
    }

    @Test
    void backupAndSecurityDoNotImportEachOther() {
        noClasses().that().resideInAPackage("id.lindungdesa.backup..")
                .should().dependOnClassesThat().resideInAPackage("id.lindungdesa.security..")
                .check(classes);
        noClasses().that().resideInAPackage("id.lindungdesa.security..")
                .should().dependOnClassesThat().resideInAPackage("id.lindungdesa.backup..")
                .check(classes);
    }

    /** The main jar runs without lindungdesa-bench.jar: nothing outside the bench package needs it. */
    @Test
    void theProgramDoesNotNeedTheBenchJar() {
        noClasses().that().resideOutsideOfPackage("id.lindungdesa.bench..")
                .should().dependOnClassesThat().resideInAPackage("id.lindungdesa.bench..")
                .check(classes);
    }

    /**
     * View-models receive the services they use, not the whole registry (issue 11, item 5): only views (and the
     * shell) may hold {@code Services} to build them. Nested records and lambdas of a view-model count as its own.
     */
    @Test
    void viewModelsDoNotHoldTheRegistry() {
        noClasses().that().resideInAPackage("id.lindungdesa.ui..")
                .and().haveNameMatching(".*\\.[^.$]*(ViewModel|DialogModel)(\\$.*)?")
                .should().dependOnClassesThat().haveFullyQualifiedName("id.lindungdesa.wiring.Services")
                .because("a view-model gets the narrow services it needs from its view")
                .check(classes);
    }
}
