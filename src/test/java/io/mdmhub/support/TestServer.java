package io.mdmhub.support;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The server the integration tests call: Open Liberty, started by the build, or Payara Micro,
 * started by {@code .ci/payara-tests}. Failsafe names it in {@code mdm.test.server}.
 */
public final class TestServer {

  /** True when the tests run against Payara Micro rather than Open Liberty. */
  public static final boolean PAYARA =
      "payara".equals(System.getProperty("mdm.test.server", "liberty"));

  private TestServer() {}

  /**
   * Returns the server's log files: those listed in {@code mdm.test.serverLogs} (comma-separated),
   * or else the Liberty server's messages, access and console logs.
   */
  public static List<Path> logFiles() {
    String listed = System.getProperty("mdm.test.serverLogs", "");
    if (!listed.isBlank()) {
      return Arrays.stream(listed.split(",")).map(String::trim).map(Path::of).toList();
    }
    Path logs =
        Path.of(
            System.getProperty("wlp.home", "target/liberty/wlp"),
            "usr/servers",
            System.getProperty("liberty.server.name", "mdm-9080"),
            "logs");
    return List.of(
        logs.resolve("messages.log"), logs.resolve("http_access.log"), logs.resolve("console.log"));
  }
}
