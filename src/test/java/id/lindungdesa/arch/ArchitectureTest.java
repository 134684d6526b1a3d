package id.lindungdesa.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the arrows pointing one way: ui/cli → service → persistence → domain; no JavaFX in the core. */
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
}
