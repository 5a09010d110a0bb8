import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Benchmark driver for Cancel Pending Batches against a running server of the dev profile (demo
 * tenant). {@code bench/run} starts the server and passes the settings as system properties; this
 * class seeds the database over JDBC, measures, and prints one table.
 *
 * <p>Sections: cancel cost against one hand-written UPDATE on the same rows (alternating, rows
 * reset between runs), latency of the 202 response, peak heap of the server during a job (platform MXBean over a local JMX attach),
 * and request throughput under wrk.
 */
public class Bench {

  static final String UNIVERSE = "851a6a64-6a88-4916-a5b7-d6a974d54318";
  static final String HUB_AUTH =
      basic("demo", "dev-only-hub-token-4f9c2a7e1b8d3f60a5c9e2d7");
  static final String ADMIN_AUTH = basic("admin", "dev-admin-password");
  static final int JOB_LIMIT = 10_000;
  static final String HELD_JOB = "bench-held-job";
  static final String HOLD_SOURCE = "BENCH_HOLD";
  static final String STAGE_SOURCE = "BENCH_STAGE";
  static final String MANY_PREFIX = "BENCH_M";

  final String db = System.getProperty("bench.db");
  final boolean postgresql = "postgresql".equals(db);
  final String baseUrl = System.getProperty("bench.url");
  final String jdbcUrl = System.getProperty("bench.jdbcUrl");
  final String jdbcUser = System.getProperty("bench.jdbcUser");
  final String jdbcPassword = System.getProperty("bench.jdbcPassword", "");
  final long serverPid = Long.parseLong(System.getProperty("bench.pid"));
  final int[] sizes =
      Arrays.stream(System.getProperty("bench.sizes").split(","))
          .mapToInt(s -> Integer.parseInt(s.trim()))
          .toArray();
  final int others = Integer.getInteger("bench.others");
  final int rounds = Integer.getInteger("bench.rounds");
  final int latencySamples = Integer.getInteger("bench.latencySamples");
  final int wrkSeconds = Integer.getInteger("bench.wrkSeconds");
  final int[] wrkConnections =
      Arrays.stream(System.getProperty("bench.wrkConnections").split(","))
          .mapToInt(s -> Integer.parseInt(s.trim()))
          .toArray();
  final int manyPairs = Integer.getInteger("bench.manyPairs", 256);
  final Path workDir = Path.of(System.getProperty("bench.workDir"));

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  final List<String> table = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    new Bench().run();
  }

  void run() throws Exception {
    long started = System.nanoTime();
    setUpSources();
    long seeding = System.nanoTime();
    seed();
    log(
        "Seeded %,d batches in %.1f s",
        others + Arrays.stream(sizes).asLongStream().sum(), seconds(seeding));

    table.add(
        String.format(
            "| %s | N pending | job: POST to COMPLETED, median ms | SQL, %s, median ms"
                + " | SQL, = ANY(ARRAY(subquery)), median ms | ratio job / faster SQL"
                + " | 202 p50 ms | 202 p99 ms | peak heap during job, MiB above base |",
            db,
            postgresql ? "IN (subquery)" : "id <= 10,000th pending id"));
    table.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    warmUp();
    for (int n : sizes) {
      measureCancel(n);
    }
    table.add("");
    measureThroughput();

    System.out.println();
    System.out.printf(
        "== Cancel Pending Batches benchmark on %s, %d other batches, %d rounds, %s"
            + " (%.0f s)%n",
        db, others, rounds, Instant.now(), seconds(started));
    table.forEach(System.out::println);
  }

  // ---- set-up and seeding -------------------------------------------------------------------

  /** Creates the benchmark's sources, all with incorporation paused so seeded rows stay put. */
  void setUpSources() throws Exception {
    List<String> codes = new ArrayList<>();
    for (int n : sizes) {
      codes.add(pendingSource(n));
    }
    codes.add(HOLD_SOURCE);
    codes.add(STAGE_SOURCE);
    for (int i = 0; i < manyPairs; i++) {
      codes.add(manySource(i));
    }
    for (String code : codes) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(
                      URI.create(baseUrl + "/mdm/admin/universes/" + UNIVERSE + "/sources/" + code))
                  .header("Authorization", ADMIN_AUTH)
                  .header("Content-Type", "application/xml")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "<source allowContribute=\"true\" incorporation=\"paused\"/>")));
      expect(response, 200, 201);
    }
  }

  static String pendingSource(int n) {
    return "BENCH_P" + n;
  }

  static String manySource(int i) {
    return String.format("%s%03d", MANY_PREFIX, i);
  }

  /**
   * Seeds {@code others} batches over 100 pairs that are not measured, in every state, then each
   * measured pair's pending batches. Ids come from the batch sequence, so the server's own batches
   * follow them.
   */
  void seed() throws SQLException {
    try (Connection connection = connect()) {
      if (postgresql) {
        seedPostgresql(connection);
      } else {
        seedDerby(connection);
      }
    }
  }

  void seedPostgresql(Connection connection) throws SQLException {
    String insert =
        "INSERT INTO batch (id, universe_id, source_code, state, created_by_type, created_by,"
            + " entity_count, created_at, updated_at) SELECT nextval('batch_id_seq'), ?, %s, %s,"
            + " 'BASIC', 'bench', 200, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'"
            + " FROM generate_series(1, ?) g";
    try (PreparedStatement other =
        connection.prepareStatement(
            String.format(
                insert,
                "'BENCH_O' || lpad((g % 100)::text, 2, '0')",
                "(ARRAY['COMPLETED','COMPLETED_ERRORS','ERRORED','CANCELED','PARSED',"
                    + "'ENRICHED','CREATED'])[1 + (g / 100) % 7]"))) {
      other.setString(1, UNIVERSE);
      other.setInt(2, others);
      other.executeUpdate();
    }
    for (int n : sizes) {
      try (PreparedStatement pending =
          connection.prepareStatement(String.format(insert, "?", "'ENRICHED'"))) {
        pending.setString(1, UNIVERSE);
        pending.setString(2, pendingSource(n));
        pending.setInt(3, n);
        pending.executeUpdate();
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE batch");
    }
  }

  void seedDerby(Connection connection) throws SQLException {
    String[] states = {
      "COMPLETED", "COMPLETED_ERRORS", "ERRORED", "CANCELED", "PARSED", "ENRICHED", "CREATED"
    };
    connection.setAutoCommit(false);
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO batch (id, universe_id, source_code, state, created_by_type,"
                + " created_by, entity_count, created_at, updated_at) VALUES (NEXT VALUE FOR"
                + " batch_id_seq, ?, ?, ?, 'BASIC', 'bench', 200, ?, ?)")) {
      int row = 0;
      for (int g = 1; g <= others; g++) {
        add(
            insert,
            String.format("BENCH_O%02d", g % 100),
            states[(g / 100) % states.length],
            now,
            ++row);
      }
      for (int n : sizes) {
        for (int i = 0; i < n; i++) {
          add(insert, pendingSource(n), "ENRICHED", now, ++row);
        }
      }
      insert.executeBatch();
      connection.commit();
    }
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'BATCH', NULL)");
    }
  }

  private static void add(
      PreparedStatement insert, String source, String state, Timestamp now, int row)
      throws SQLException {
    insert.setString(1, UNIVERSE);
    insert.setString(2, source);
    insert.setString(3, state);
    insert.setTimestamp(4, now);
    insert.setTimestamp(5, now);
    insert.addBatch();
    if (row % 1000 == 0) {
      insert.executeBatch();
    }
    if (row % 50_000 == 0) {
      insert.getConnection().commit();
    }
  }

  // ---- cancel cost, 202 latency, memory -----------------------------------------------------

  /** Runs a few jobs and SQL updates on the smallest pair, so JIT and caches are warm. */
  void warmUp() throws Exception {
    String source = pendingSource(sizes[0]);
    for (int i = 0; i < 3; i++) {
      reset(source, false);
      runJob(source);
      reset(source, false);
      runSql(source, false);
    }
    for (int i = 0; i < 20; i++) {
      reset(source, false);
      runJob(source);
    }
  }

  void measureCancel(int n) throws Exception {
    String source = pendingSource(n);
    List<Double> jobMs = new ArrayList<>();
    List<Double> sqlInMs = new ArrayList<>();
    List<Double> sqlArrayMs = new ArrayList<>();
    List<Double> acceptMs = new ArrayList<>();
    int expected = Math.min(n, JOB_LIMIT);
    int kinds = postgresql ? 3 : 2;
    for (int round = 0; round < rounds; round++) {
      // Rotate which goes first, so none always meets the freshly reset rows.
      for (int step = 0; step < kinds; step++) {
        int kind = (round + step) % kinds;
        reset(source, true);
        if (kind == 0) {
          JobRun run = runJob(source);
          check(run.canceled == expected, "job canceled " + run.canceled + ", not " + expected);
          jobMs.add(run.totalMs);
          acceptMs.add(run.acceptMs);
        } else {
          SqlRun run = runSql(source, kind == 2);
          check(run.updated == expected, "SQL updated " + run.updated + ", not " + expected);
          (kind == 2 ? sqlArrayMs : sqlInMs).add(run.ms);
        }
      }
    }
    for (int i = acceptMs.size(); i < latencySamples; i++) {
      reset(source, false);
      acceptMs.add(runJob(source).acceptMs);
    }
    reset(source, false);
    double heapMiB = peakHeapDuringJob(source);
    double job = median(jobMs);
    double sqlIn = median(sqlInMs);
    double sqlArray = postgresql ? median(sqlArrayMs) : Double.NaN;
    double sql = postgresql ? Math.min(sqlIn, sqlArray) : sqlIn;
    log("N=%,d: job %.1f ms, best SQL %.1f ms, ratio %.2f", n, job, sql, job / sql);
    table.add(
        String.format(
            Locale.ROOT,
            "| %s | %,d%s | %.1f | %.1f | %s | %.2f | %.1f | %.1f | %.1f |",
            db,
            n,
            n > JOB_LIMIT ? " (first job: 10,000)" : "",
            job,
            sqlIn,
            postgresql ? String.format(Locale.ROOT, "%.1f", sqlArray) : "n/a",
            job / sql,
            percentile(acceptMs, 50),
            percentile(acceptMs, 99),
            heapMiB));
  }

  record JobRun(double acceptMs, double totalMs, int canceled) {}

  record SqlRun(double ms, int updated) {}

  /** Posts a cancel request and polls the job until it leaves RUNNING. */
  JobRun runJob(String source) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = send(cancelRequest(source, HUB_AUTH));
    long accepted = System.nanoTime();
    expect(response, 202);
    String location = response.headers().firstValue("Location").orElseThrow();
    String body;
    while (true) {
      body =
          send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", HUB_AUTH).GET())
              .body();
      if (!body.contains("<state>RUNNING</state>")) {
        break;
      }
      Thread.sleep(2);
    }
    long done = System.nanoTime();
    check(body.contains("<state>COMPLETED</state>"), "job did not complete: " + body);
    Matcher count = Pattern.compile("<canceledCount>(\\d+)</canceledCount>").matcher(body);
    check(count.find(), "no canceledCount in " + body);
    return new JobRun(
        (accepted - start) / 1e6, (done - start) / 1e6, Integer.parseInt(count.group(1)));
  }

  /**
   * Runs the same state change as a job as one hand-written statement in its own transaction. On
   * PostgreSQL the {@code IN} form picks the rows in a subquery, and the planner may run it as a
   * sequential scan of the whole table; the {@code ANY(ARRAY(...))} form makes the subquery an init
   * plan, so the update always probes the primary key. Derby evaluated the {@code IN} form for
   * every row (28 s for 1,000 rows among 31,000), so on Derby the statement takes the pair's
   * pending rows up to the 10,000th pending id instead, which is the same set of rows.
   */
  SqlRun runSql(String source, boolean arrayForm) throws SQLException {
    String pick =
        "SELECT id FROM batch WHERE universe_id = ? AND source_code = ? AND state IN"
            + " ('PARSED', 'ENRICHED') ORDER BY id "
            + (postgresql ? "LIMIT 10000" : "FETCH FIRST 10000 ROWS ONLY");
    String rows;
    if (!postgresql) {
      rows =
          "universe_id = ? AND source_code = ? AND id <= (SELECT MAX(id) FROM ("
              + pick
              + ") picked)";
    } else if (arrayForm) {
      rows = "id = ANY(ARRAY(" + pick + "))";
    } else {
      rows = "id IN (" + pick + ")";
    }
    try (Connection connection = connect();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE batch SET state = 'CANCELED', canceled_by_job = 'bench-sql', ended_at = ?,"
                    + " updated_at = ? WHERE state IN ('PARSED', 'ENRICHED') AND "
                    + rows)) {
      Timestamp now = Timestamp.from(Instant.now());
      update.setTimestamp(1, now);
      update.setTimestamp(2, now);
      update.setString(3, UNIVERSE);
      update.setString(4, source);
      if (!postgresql) {
        update.setString(5, UNIVERSE);
        update.setString(6, source);
      }
      long start = System.nanoTime();
      int updated = update.executeUpdate();
      return new SqlRun((System.nanoTime() - start) / 1e6, updated);
    }
  }

  /**
   * Puts every batch of the pair back to ENRICHED, as seeded. With {@code vacuum} on PostgreSQL it
   * also vacuums the table, so timed runs do not pay for the dead rows of earlier ones.
   */
  void reset(String source, boolean vacuum) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE batch SET state = 'ENRICHED', canceled_by_job = NULL, ended_at = NULL"
                    + " WHERE universe_id = ? AND source_code = ? AND state = 'CANCELED'")) {
      update.setString(1, UNIVERSE);
      update.setString(2, source);
      if (update.executeUpdate() > 0 && postgresql && vacuum) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("VACUUM batch");
        }
      }
    }
  }

  /**
   * Reads the server's heap through its platform MXBean every 5 ms during one job, after a full
   * GC, and returns the peak used heap above that base in MiB. Garbage the job allocates between
   * collections counts too, so this is an upper bound on what the job holds. (jstat is no use
   * here: with G1 its used-heap counters change only at a collection.)
   */
  double peakHeapDuringJob(String source) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(Long.toString(serverPid));
    String address = vm.startLocalManagementAgent();
    vm.detach();
    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
      MemoryMXBean memory =
          ManagementFactory.newPlatformMXBeanProxy(
              connector.getMBeanServerConnection(),
              ManagementFactory.MEMORY_MXBEAN_NAME,
              MemoryMXBean.class);
      memory.gc();
      long base = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong(base);
      AtomicBoolean running = new AtomicBoolean(true);
      Thread sampler =
          new Thread(
              () -> {
                while (running.get()) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.start();
      runJob(source);
      running.set(false);
      sampler.join();
      return (peak.get() - base) / (1024.0 * 1024.0);
    }
  }

  // ---- throughput under wrk -----------------------------------------------------------------

  void measureThroughput() throws Exception {
    if (!commandExists("wrk")) {
      log("wrk is not installed: skipping the throughput section");
      table.add("wrk is not installed: throughput section skipped.");
      return;
    }
    holdJob();
    String cancelPath = "/mdm/universes/" + UNIVERSE + "/sources/%s/cancelPendingBatches";
    Path body = workDir.resolve("batch-200.xml");
    Files.writeString(body, batchBody(200));
    Path many = workDir.resolve("many-pairs.lua");
    Files.writeString(many, manyPairsScript(cancelPath));

    table.add(
        String.format(
            "| %s | path | connections | requests/s | latency p50 ms | p99 ms | non-2xx |", db));
    table.add("|---|---|---:|---:|---:|---:|---:|");
    for (int connections : wrkConnections) {
      wrk("GET /health/live (ceiling)", connections, null, "/health/live");
      wrk(
          "POST cancel, no credentials: 401 (ceiling)",
          connections,
          luaPost(null, null),
          String.format(cancelPath, HOLD_SOURCE));
      wrk(
          "POST cancel, job held RUNNING: 409",
          connections,
          luaPost(HUB_AUTH, null),
          String.format(cancelPath, HOLD_SOURCE));
      wrk(
          "POST cancel across " + manyPairs + " pairs",
          connections,
          many.toString(),
          String.format(cancelPath, manySource(0)));
    }
    // Last, because each staged batch leaves parsing and enrichment running in the background.
    for (int connections : wrkConnections) {
      wrk(
          "POST a 200-entity batch (staging)",
          connections,
          luaPost(HUB_AUTH, body),
          "/mdm/universes/" + UNIVERSE + "/records");
    }
  }

  /** Registers a RUNNING job with a far lease for the hold pair, as a live job on another node. */
  void holdJob() throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection connection = connect()) {
      try (PreparedStatement job =
          connection.prepareStatement(
              "INSERT INTO cancellation_job (id, universe_id, source_code, state, node,"
                  + " requested_by, auth_scheme, requested_at, started_at, lease_until) VALUES (?,"
                  + " ?, ?, 'RUNNING', 'bench-node', 'bench', 'BASIC', ?, ?, ?)")) {
        job.setString(1, HELD_JOB);
        job.setString(2, UNIVERSE);
        job.setString(3, HOLD_SOURCE);
        job.setTimestamp(4, now);
        job.setTimestamp(5, now);
        job.setTimestamp(6, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
        job.executeUpdate();
      }
      try (PreparedStatement guard =
          connection.prepareStatement(
              "INSERT INTO cancellation_guard (universe_id, source_code, current_job_id)"
                  + " VALUES (?, ?, ?)")) {
        guard.setString(1, UNIVERSE);
        guard.setString(2, HOLD_SOURCE);
        guard.setString(3, HELD_JOB);
        guard.executeUpdate();
      }
    }
  }

  Path luaPost(String authorization, Path body) throws IOException {
    StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\n");
    if (authorization != null) {
      lua.append("wrk.headers[\"Authorization\"] = \"").append(authorization).append("\"\n");
    }
    if (body != null) {
      lua.append("wrk.headers[\"Content-Type\"] = \"application/xml\"\n");
      lua.append("local f = io.open(\"").append(body).append("\", \"rb\")\n");
      lua.append("wrk.body = f:read(\"*a\")\nf:close()\n");
    }
    Path script = Files.createTempFile(workDir, "post", ".lua");
    Files.writeString(script, lua.toString());
    return script;
  }

  String manyPairsScript(String cancelPath) {
    StringBuilder lua = new StringBuilder();
    lua.append("local paths = {}\n");
    for (int i = 0; i < manyPairs; i++) {
      lua.append("paths[").append(i + 1).append("] = \"");
      lua.append(String.format(cancelPath, manySource(i))).append("\"\n");
    }
    lua.append("local n = 0\n");
    lua.append("function setup(thread) end\n");
    lua.append("function init(args) n = math.random(1, ").append(manyPairs).append(") end\n");
    lua.append("function request()\n  n = n % ").append(manyPairs).append(" + 1\n");
    lua.append("  return wrk.format(\"POST\", paths[n], {[\"Authorization\"] = \"");
    lua.append(HUB_AUTH).append("\"})\nend\n");
    return lua.toString();
  }

  void wrk(String label, int connections, Object script, String path) throws Exception {
    List<String> command = new ArrayList<>(List.of("wrk", "--latency", "-t", "2"));
    command.addAll(List.of("-c", Integer.toString(connections)));
    command.addAll(List.of("-d", wrkSeconds + "s", "--timeout", "10s"));
    if (script != null) {
      command.addAll(List.of("-s", script.toString()));
    }
    command.add(baseUrl + path);
    String output = exec(command.toArray(String[]::new));
    double rate = number(output, "Requests/sec:\\s+([\\d.]+)");
    String non2xx = firstGroup(output, "Non-2xx or 3xx responses:\\s+(\\d+)", "0");
    String total = firstGroup(output, "(\\d+) requests in", "?");
    log("wrk %s, %d connections: %.0f requests/s", label, connections, rate);
    table.add(
        String.format(
            Locale.ROOT,
            "| %s | %s | %d | %.0f | %.2f | %.2f | %s of %s |",
            db,
            label,
            connections,
            rate,
            latencyMs(output, "50%"),
            latencyMs(output, "99%"),
            non2xx,
            total));
  }

  static double latencyMs(String output, String percentile) {
    Matcher m =
        Pattern.compile("^\\s+" + percentile + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
            .matcher(output);
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  static String batchBody(int entities) {
    StringBuilder xml = new StringBuilder("<batch src=\"" + STAGE_SOURCE + "\">");
    for (int i = 0; i < entities; i++) {
      xml.append(
          String.format(
              "<contact><id>bench-%05d</id><name>Contact %d</name>"
                  + "<email>contact%d@example.org</email><city>Lisbon</city></contact>",
              i, i, i));
    }
    return xml.append("</batch>").toString();
  }

  // ---- helpers ------------------------------------------------------------------------------

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
  }

  HttpRequest.Builder cancelRequest(String source, String authorization) {
    return HttpRequest.newBuilder(
            URI.create(
                baseUrl
                    + "/mdm/universes/"
                    + UNIVERSE
                    + "/sources/"
                    + source
                    + "/cancelPendingBatches"))
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.noBody());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static void expect(HttpResponse<String> response, int... statuses) {
    for (int status : statuses) {
      if (response.statusCode() == status) {
        return;
      }
    }
    throw new IllegalStateException(
        "Unexpected status "
            + response.statusCode()
            + " from "
            + response.request().uri()
            + ": "
            + response.body());
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  static String exec(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  static boolean commandExists(String name) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  static double number(String text, String regex) {
    return Double.parseDouble(firstGroup(text, regex, "NaN"));
  }

  static String firstGroup(String text, String regex, String otherwise) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : otherwise;
  }

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** Nearest-rank percentile. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    System.out.flush();
  }
}
