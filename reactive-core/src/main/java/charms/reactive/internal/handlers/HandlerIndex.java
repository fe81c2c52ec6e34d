package charms.reactive.internal.handlers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The handler index the annotation processor writes at compile time: for each class with handler
 * methods, {@code META-INF/charms.reactive/handlers/<binary class name>.list} holds the method
 * names in source order, one per line.
 */
public final class HandlerIndex {
  public static final String LOCATION = "META-INF/charms.reactive/handlers/";

  private HandlerIndex() {
  }

  public static String resourceName(String binaryClassName) {
    return LOCATION + binaryClassName + ".list";
  }

  /** The method names in source order, if the class was compiled with the processor. */
  public static Optional<List<String>> read(Class<?> type) {
    ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader()
        : type.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resourceName(type.getName()))) {
      if (in == null) {
        return Optional.empty();
      }
      List<String> names = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank()) {
          names.add(line.strip());
        }
      }
      return Optional.of(names);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the handler index of " + type.getName(), e);
    }
  }
}
