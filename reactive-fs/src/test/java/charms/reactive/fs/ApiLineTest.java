package charms.reactive.fs;

import charms.reactive.arch.ApiLine;
import org.junit.jupiter.api.Test;

/**
 * reactive-fs's public line: what a charm author uses to manage files, templates and services,
 * and a test double for charm tests in its own package. Everything else is in {@code charms.reactive.fs.internal}. Keep this list and the README's
 * "Public API" section in step.
 */
class ApiLineTest {
  static final ApiLine LINE = ApiLine.module("reactive-fs")
      .internal("charms.reactive.fs.internal..")
      .api("charms.reactive.fs",
          // files and templates
          "HostFiles", "FileAttributes", "Templates", "TemplateException",
          // services and commands
          "Services", "ProcessRunner", "ProcessResult", "CommandFailedException",
          // change detection
          "DataChanges", "HashAlgorithm", "WhenFileChanged", "FileConditions", "FileChangedCondition",
          // registering it all with a charm
          "FsExtension")
      .api("charms.reactive.fs.testing", "RecordingProcessRunner")
      .build();

  @Test
  void theApiLineHolds() {
    LINE.check(ApiLine.classesBeside(FsExtension.class),
        ApiLine.classesBeside(FsExtension.class, ApiLineTest.class));
  }
}
