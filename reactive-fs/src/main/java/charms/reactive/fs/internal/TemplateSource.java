package charms.reactive.fs.internal;

import charms.reactive.fs.TemplateException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Finds and reads templates the way Jinja2's {@code FileSystemLoader} and lexer do, so that the
 * text Jinjava sees is the text Jinja2 would render: names are {@code /}-separated paths under the
 * templates directory ({@code ..} is refused, empty and {@code .} segments are skipped); the file
 * is read as UTF-8; {@code \r\n} and {@code \r} become {@code \n}; and one trailing newline is
 * removed (Jinja2's default {@code keep_trailing_newline=False}). Free of Jinjava types, so using
 * it loads no Jinjava class. Stateless.
 */
public final class TemplateSource {
  private TemplateSource() {
  }

  /**
   * The template's text, prepared as Jinja2 prepares it.
   *
   * @throws TemplateException naming the template and the directory if it is missing or unreadable
   */
  public static String load(Path directory, String name) {
    Path file = resolve(directory, name);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (NoSuchFileException e) {
      throw new TemplateException(name, "template " + name + " not found in " + directory);
    } catch (CharacterCodingException e) {
      throw new TemplateException(name, "template " + name + " (" + file + ") is not valid UTF-8", e);
    } catch (IOException e) {
      throw new TemplateException(name, "cannot read template " + name + " (" + file + "): " + e, e);
    }
    return prepare(text);
  }

  /** Jinja2's newline normalisation and trailing-newline removal. */
  public static String prepare(String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    return normalised.endsWith("\n") ? normalised.substring(0, normalised.length() - 1) : normalised;
  }

  /** The file a template name stands for; refuses names that climb out of the directory. */
  static Path resolve(Path directory, String name) {
    if (name == null || name.isBlank()) {
      throw new TemplateException(String.valueOf(name), "a template name must not be empty");
    }
    Path file = directory;
    for (String piece : name.split("/")) {
      if (piece.equals("..")) {
        throw new TemplateException(name, "template " + name
            + " not found: '..' may not appear in a template name");
      }
      if (!piece.isEmpty() && !piece.equals(".")) {
        file = file.resolve(piece);
      }
    }
    if (file.equals(directory) || Files.isDirectory(file)) {
      throw new TemplateException(name, "template " + name + " not found in " + directory
          + " (it names a directory)");
    }
    return file;
  }
}
