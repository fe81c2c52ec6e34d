package charms.reactive.fs.internal;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2's {@code striptags}: removes comments and tags, joins the words with single spaces and
 * unescapes HTML entities, treating its input as text only. It replaces Jinjava's filter of the
 * same name, which renders its input as a template first (so a context value holding
 * {@code {{ ... }}} would be evaluated). Stateless and thread-safe.
 */
final class LiteralStripTagsFilter implements Filter {
  private static final Pattern COMMENTS = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern TAGS = Pattern.compile("<.*?>", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

  @Override
  public String getName() {
    return "striptags";
  }

  @Override
  public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
    if (value == null) {
      return null;
    }
    String text = TAGS.matcher(COMMENTS.matcher(interpreter.getAsString(value)).replaceAll(""))
        .replaceAll("");
    String words = String.join(" ", text.strip().split("\\s+"));
    return unescape(words);
  }

  private static String unescape(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement = switch (name) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        case "nbsp" -> "\u00a0";
        default -> {
          int code = name.charAt(1) == 'x' || name.charAt(1) == 'X'
              ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
          yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : m.group();
        }
      };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
