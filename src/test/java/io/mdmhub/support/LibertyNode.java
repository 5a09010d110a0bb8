package io.mdmhub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A second Liberty server of the same installation, made from the configuration of the server that
 * {@code mvn verify} started, with its own ports, node name and settings. It shares that server's
 * database, so tests can run a cluster of two nodes and kill one.
 */
public final class LibertyNode implements AutoCloseable {

  private static final Path WLP = Path.of(System.getProperty("wlp.home", "target/liberty/wlp"));
  private static final Path TEMPLATE =
      WLP.resolve("usr/servers").resolve(System.getProperty("liberty.server.name", "mdm-9080"));
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int httpPort;

  private LibertyNode(String name, int httpPort) {
    this.name = name;
    this.httpPort = httpPort;
  }

  /**
   * Creates the server {@code name} from the template, with the given server variables and extra
   * JVM options, and starts it. {@code mdm.node.name} is set to the server name.
   */
  public static LibertyNode start(
      String name, int httpPort, Map<String, String> variables, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path dir = WLP.resolve("usr/servers").resolve(name);
    deleteRecursively(dir);
    for (String part :
        List.of(
            "server.xml",
            "db-derby.xml",
            "db-postgresql.xml",
            "bootstrap.properties",
            "server.env",
            "jvm.options",
            "configDropins",
            "lib",
            "apps",
            "resources")) {
      copyRecursively(TEMPLATE.resolve(part), dir.resolve(part));
    }
    StringBuilder overrides = new StringBuilder("<server>\n");
    overrides.append(variable("http.port", String.valueOf(httpPort)));
    overrides.append(variable("https.port", String.valueOf(httpPort + 363)));
    overrides.append(variable("mdm.node.name", name));
    variables.forEach((key, value) -> overrides.append(variable(key, value)));
    overrides.append("</server>\n");
    Path dropins = dir.resolve("configDropins/overrides");
    Files.createDirectories(dropins);
    Files.writeString(dropins.resolve("zz-node.xml"), overrides.toString());
    Files.writeString(
        dir.resolve("jvm.options"),
        String.join("\n", jvmOptions) + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    LibertyNode node = new LibertyNode(name, httpPort);
    node.startServer();
    return node;
  }

  /** Starts the server again after {@link #kill()} or {@link #stop()}. */
  public void restart() throws IOException, InterruptedException {
    startServer();
  }

  private void startServer() throws IOException, InterruptedException {
    run("start");
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (isDeployed()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Node " + name + " did not start within " + START_TIMEOUT);
  }

  /** Returns whether the application is deployed: an unauthenticated API call gets its 401. */
  private boolean isDeployed() {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/mdm/universes"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 401;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  public String name() {
    return name;
  }

  /** Ends the server's JVM with SIGKILL, as a crash would, and waits until it is gone. */
  public void kill() throws IOException, InterruptedException {
    Path pidFile = WLP.resolve("usr/servers/.pid").resolve(name + ".pid");
    long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("No process " + pid + " for " + name));
    process.destroyForcibly();
    process.onExit().join();
    Files.deleteIfExists(pidFile);
  }

  public void stop() throws IOException, InterruptedException {
    run("stop");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
  }

  private void run(String action) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), action, name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.waitFor();
  }

  private static String variable(String name, String value) {
    return "  <variable name=\"" + name + "\" value=\"" + value + "\"/>\n";
  }

  private static void copyRecursively(Path source, Path target) throws IOException {
    if (!Files.exists(source)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path destination = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.createDirectories(destination.getParent());
          Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
