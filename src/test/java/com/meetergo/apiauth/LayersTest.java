package com.meetergo.apiauth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The floors of the house (docs/architecture.md, "Where things live"): dependencies point down, never up. The
 * authentication layer answers with the contract's vocabulary (security/contract), never with the REST layer above it.
 */
@AnalyzeClasses(packages = "com.meetergo.apiauth", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule securityNeverDependsOnTheLayersAboveIt = noClasses()
            .that()
            .resideInAPackage("..apiauth.security..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..apiauth.rest..", "..apiauth.web..", "..apiauth.application..");

    @ArchTest
    static final ArchRule theDomainDependsOnNoOtherLayer = noClasses()
            .that()
            .resideInAPackage("..apiauth.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..apiauth.security..",
                    "..apiauth.application..",
                    "..apiauth.infrastructure..",
                    "..apiauth.rest..",
                    "..apiauth.web..");

    @ArchTest
    static final ArchRule onlyTheWebLayerIsAboveRest = noClasses()
            .that()
            .resideOutsideOfPackages("..apiauth.rest..", "..apiauth.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..apiauth.rest..", "..apiauth.web..");
}
