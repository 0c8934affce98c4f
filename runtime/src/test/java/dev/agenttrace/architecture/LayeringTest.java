package dev.agenttrace.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md, checked on the compiled runtime: a package may depend only
 * on the packages listed before it. A new upward import fails this test with the offending class
 * and member.
 */
class LayeringTest {
  /** Bottom first. Sub-packages count as their parent's layer only where listed. */
  static final List<String> LAYERS =
      List.of(
          "dev.agenttrace.internal..",
          "dev.agenttrace",
          "dev.agenttrace.spi",
          "dev.agenttrace.proxy",
          "dev.agenttrace.propagation",
          "dev.agenttrace.metrics",
          "dev.agenttrace.export..",
          "dev.agenttrace.processing",
          "dev.agenttrace.sdk",
          "dev.agenttrace.context",
          "dev.agenttrace.config");

  private static JavaClasses runtime;

  @BeforeAll
  static void importRuntime() {
    runtime =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.agenttrace");
  }

  @Test
  void everyRuntimeClassLivesInALayer() {
    noClasses()
        .should()
        .resideOutsideOfPackages(LAYERS.toArray(String[]::new))
        .because("docs/ARCHITECTURE.md gives every package of the runtime a layer")
        .check(runtime);
  }

  @Test
  void noPackageDependsOnALayerAboveIt() {
    for (int layer = 0; layer < LAYERS.size() - 1; layer++) {
      String[] above = LAYERS.subList(layer + 1, LAYERS.size()).toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(LAYERS.get(layer))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(above)
          .because("a layer may use only the layers below it (docs/ARCHITECTURE.md)")
          .check(runtime);
    }
  }

  @Test
  void runtimeUsesNoReflection() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.lang.reflect..")
        .orShould()
        .callMethod(Class.class, "forName", String.class)
        .because("the runtime promises no reflection")
        .check(runtime);
  }

  @Test
  void onlyTheApiAndSpiAreUsedByTheProxySupport() {
    noClasses()
        .that()
        .resideInAPackage("dev.agenttrace.proxy")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.agenttrace.sdk..", "dev.agenttrace.processing..", "dev.agenttrace.config..")
        .because("generated code must work against any tracer implementation")
        .check(runtime);
  }
}
