package charms.reactive.fs.internal;

import charms.reactive.Condition;
import charms.reactive.spi.ConditionFactory;
import charms.reactive.HandlerDefinitionException;
import charms.reactive.fs.FileConditions;
import charms.reactive.fs.WhenFileChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Makes the condition of {@link WhenFileChanged}; instantiated by the core when a charm is built. */
public final class FileChangedConditionFactory implements ConditionFactory<WhenFileChanged> {

  /**
   * @throws HandlerDefinitionException if the annotation names no file, names an empty one, or a
   *     supplier class cannot be instantiated
   */
  @Override
  public Condition create(WhenFileChanged annotation) {
    for (String name : annotation.value()) {
      if (name.isEmpty()) {
        throw new HandlerDefinitionException("@WhenFileChanged names an empty file");
      }
    }
    List<Supplier<?>> suppliers = new ArrayList<>();
    for (Class<? extends Supplier<?>> type : annotation.suppliers()) {
      suppliers.add(instantiate(type));
    }
    if (annotation.value().length == 0 && suppliers.isEmpty()) {
      throw new HandlerDefinitionException("@WhenFileChanged needs at least one file name or supplier");
    }
    return FileConditions.whenFileChanged(List.of(annotation.value()), suppliers, annotation.hash());
  }

  private static Supplier<?> instantiate(Class<? extends Supplier<?>> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new HandlerDefinitionException("@WhenFileChanged: cannot make the file supplier "
          + type.getName() + " (it needs a public no-argument constructor): " + e);
    }
  }
}
