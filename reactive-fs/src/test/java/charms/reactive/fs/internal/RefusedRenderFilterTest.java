package charms.reactive.fs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The replacement filter refuses on its own, without the configuration that disables Jinjava's
 * "render": an engine with Jinjava's default configuration, in both modes, fails the render with a
 * fatal error naming the filter and never evaluates the value.
 */
class RefusedRenderFilterTest {

  @Test
  void jinjavasOwnFilterEvaluatesAValueWhenNotReplaced() {
    RenderResult result = new Jinjava().renderForResult("{{ v|render }}", Map.of("v", "{{ 7*7 }}"));
    assertEquals("49", result.getOutput(), "control: the hazard the replacement removes");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void replacementRefusesWithoutTheDisablingConfiguration(boolean strict) {
    Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(strict).build());
    jinjava.getGlobalContext().registerFilter(new RefusedRenderFilter());

    RenderResult result = jinjava.renderForResult("{{ v|render }}", Map.of("v", "{{ 7*7 }}"));

    assertFalse(result.getOutput().contains("49"), result.getOutput());
    assertTrue(result.getErrors().stream().anyMatch(e -> e.getSeverity() == ErrorType.FATAL
        && e.getMessage().contains("'render' is disabled")), result.getErrors().toString());
  }
}
