package charms.reactive.processor;

import charms.reactive.internal.FlagNames;
import charms.reactive.internal.conditions.HookPatterns;
import charms.reactive.internal.conditions.JujuHookNames;
import charms.reactive.internal.handlers.HandlerIndex;
import charms.reactive.spi.ConditionAnnotation;
import charms.reactive.spi.InterfaceHandlerBase;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the handler index at compile time and rejects malformed handler declarations there.
 *
 * <p>For every class with handler methods it writes the method names in source order to
 * {@code META-INF/charms.reactive/handlers/<binary name>.list}, so that handlers register in the
 * order they are written without scanning anything at run time. It reports as compile errors:
 * invalid flag names, malformed hook patterns, a hook or restricted condition combined with a flag
 * condition (such a handler could never run), and overloaded handler methods.
 */
@SupportedAnnotationTypes("*")
public final class HandlerIndexProcessor extends AbstractProcessor {
  private static final String PKG = "charms.reactive.";
  private static final Set<String> FLAG_ANNOTATIONS = Set.of("When", "WhenAll", "WhenAny",
      "WhenNot", "WhenNone", "WhenNotAll");
  private static final Set<String> OTHER_ANNOTATIONS = Set.of("Hook", "OnlyOnce", "CollectMetrics",
      "MeterStatusChanged", "WhenChanged", "Stable");
  /**
   * The mark of the base classes of interface handler classes (reactive-relations' endpoints, for
   * example): handlers declared in their subclasses may use the {@code {endpoint_name}}
   * placeholder, which the declaring module expands per endpoint before any flag reaches the core.
   */
  private static final String INTERFACE_BASE = InterfaceHandlerBase.class.getName();
  /** The meta-annotation of modules' own condition annotations. */
  private static final String CONDITION_ANNOTATION = ConditionAnnotation.class.getName();
  /**
   * The processor option naming the charm's {@code metadata.yaml}
   * ({@code -Acharms.reactive.metadata=<path>}): with it, a {@code @Hook} pattern that can match
   * no hook of the charm is a compile error.
   */
  public static final String METADATA_OPTION = "charms.reactive.metadata";
  private final Set<String> written = new HashSet<>();
  private JujuHookNames hookNames;
  private boolean hookNamesRead;

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(METADATA_OPTION);
  }

  /** The charm's hooks, if the metadata option names a file; a problem with it is reported once. */
  private JujuHookNames hookNames() {
    if (!hookNamesRead) {
      hookNamesRead = true;
      String file = processingEnv.getOptions().get(METADATA_OPTION);
      if (file != null && !file.isBlank()) {
        try {
          hookNames = JujuHookNames.read(java.nio.file.Path.of(file)).orElse(null);
          if (hookNames == null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                "-A" + METADATA_OPTION + " names " + file + ", which does not exist");
          }
        } catch (RuntimeException e) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
              "-A" + METADATA_OPTION + ": " + e.getMessage());
        }
      }
    }
    return hookNames;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element root : round.getRootElements()) {
      visitType(root);
    }
    return false;
  }

  private void visitType(Element element) {
    if (!(element instanceof TypeElement type)) {
      return;
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement nested) {
        visitType(nested);
      } else if (member.getKind() == ElementKind.METHOD && isHandler(member)) {
        String name = member.getSimpleName().toString();
        if (!seen.add(name)) {
          error(member, "handler methods must have unique names: " + name + " is overloaded");
        }
        validate((ExecutableElement) member);
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    if (!names.isEmpty()) {
      write(type, names);
    }
  }

  private boolean isHandler(Element method) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      String name = annotationName(a);
      if (name != null && (FLAG_ANNOTATIONS.contains(name) || OTHER_ANNOTATIONS.contains(name))) {
        return true;
      }
      for (AnnotationMirror meta : a.getAnnotationType().asElement().getAnnotationMirrors()) {
        if (qualifiedName(meta).equals(CONDITION_ANNOTATION)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The simple name of one of the framework's own annotations, or null for any other. */
  private static String annotationName(AnnotationMirror a) {
    String qualified = qualifiedName(a);
    return qualified.startsWith(PKG) && qualified.indexOf('.', PKG.length()) < 0
        ? qualified.substring(PKG.length()) : null;
  }

  private static String qualifiedName(AnnotationMirror a) {
    return ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** True if a superclass of {@code type} (at any depth) is marked {@link InterfaceHandlerBase}. */
  private static boolean isInterfaceHandlerClass(Element type) {
    for (Element e = type; e instanceof TypeElement t; ) {
      if (!(t.getSuperclass() instanceof javax.lang.model.type.DeclaredType parent)) {
        return false;
      }
      e = parent.asElement();
      for (AnnotationMirror a : e.getAnnotationMirrors()) {
        if (qualifiedName(a).equals(INTERFACE_BASE)) {
          return true;
        }
      }
    }
    return false;
  }

  private void validate(ExecutableElement method) {
    boolean placeholderAllowed = isInterfaceHandlerClass(method.getEnclosingElement());
    boolean flags = false;
    String phased = null;
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      String name = annotationName(a);
      if (name == null) {
        continue;
      }
      if (FLAG_ANNOTATIONS.contains(name)) {
        flags = true;
        for (String flag : stringValues(a)) {
          String checked = placeholderAllowed
              ? flag.replace(FlagNames.ENDPOINT_PLACEHOLDER, "endpoint") : flag;
          try {
            FlagNames.requireValid(checked);
          } catch (RuntimeException e) {
            error(method, "@" + name + ": "
                + e.getMessage().replace("'" + checked + "'", "'" + flag + "'"), a);
          }
        }
      } else if (name.equals("Hook")) {
        phased = "@Hook";
        List<String> patterns = stringValues(a);
        if (patterns.isEmpty()) {
          error(method, "@Hook needs at least one pattern", a);
        }
        for (String pattern : patterns) {
          try {
            HookPatterns.validate(pattern);
          } catch (IllegalArgumentException e) {
            error(method, "@Hook: " + e.getMessage(), a);
            continue;
          }
          // Interface handlers' patterns name {endpoint_name}, expanded per endpoint at run time.
          JujuHookNames names = placeholderAllowed ? null : hookNames();
          if (names != null) {
            names.problem(pattern).ifPresent(problem -> error(method, "@Hook: " + problem, a));
          }
        }
      } else if (name.equals("CollectMetrics") || name.equals("MeterStatusChanged")) {
        phased = phased == null ? "@" + name : phased;
      }
    }
    if (flags && phased != null) {
      error(method, "handler can never run: " + phased
          + " runs in its own phase, flag conditions in phase other");
    }
  }

  private static List<String> stringValues(AnnotationMirror a) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : a.getElementValues().entrySet()) {
      if (!e.getKey().getSimpleName().contentEquals("value")) {
        continue;
      }
      Object v = e.getValue().getValue();
      if (v instanceof List<?> list) {
        for (Object item : list) {
          values.add(String.valueOf(((AnnotationValue) item).getValue()));
        }
      } else {
        values.add(String.valueOf(v));
      }
    }
    return values;
  }

  private void write(TypeElement type, List<String> names) {
    String binary = processingEnv.getElementUtils().getBinaryName(type).toString();
    if (!written.add(binary)) {
      return;
    }
    try {
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
          HandlerIndex.resourceName(binary), type);
      try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String name : names) {
          out.write(name);
          out.write('\n');
        }
      }
    } catch (IOException e) {
      error(type, "cannot write the handler index: " + e.getMessage());
    }
  }

  private void error(Element where, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, where);
  }

  private void error(Element where, String message, AnnotationMirror annotation) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, where, annotation);
  }
}
