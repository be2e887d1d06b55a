package com.meetergo.apiauth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.meetergo.apiauth.security.NoScopeRequired;
import com.meetergo.apiauth.security.RequiresScope;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * Every endpoint of the v4 API declares its scope beside its role, exactly once: either the scope it needs or that it
 * needs none. ScopeFilter refuses an endpoint that declares neither; this keeps one from shipping.
 */
@AnalyzeClasses(packages = "com.meetergo.apiauth.rest", importOptions = ImportOption.DoNotIncludeTests.class)
class ScopeDeclarationsTest {

    private static final DescribedPredicate<JavaClass> V4_RESOURCES = DescribedPredicate.describe(
            "resources under /v4",
            c -> c.isAnnotatedWith(Path.class)
                    && c.getAnnotationOfType(Path.class)
                            .value()
                            .replaceFirst("^/", "")
                            .startsWith("v4/"));

    @ArchTest
    static final ArchRule everyV4EndpointDeclaresItsScope = methods()
            .that()
            .areMetaAnnotatedWith(HttpMethod.class)
            .and()
            .areDeclaredInClassesThat(V4_RESOURCES)
            .should()
            .beAnnotatedWith(RequiresScope.class)
            .orShould()
            .beAnnotatedWith(NoScopeRequired.class);

    @ArchTest
    static final ArchRule noEndpointDeclaresBoth =
            noMethods().that().areAnnotatedWith(RequiresScope.class).should().beAnnotatedWith(NoScopeRequired.class);
}
