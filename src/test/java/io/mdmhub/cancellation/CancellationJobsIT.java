package io.mdmhub.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mdmhub.support.CancellationJobs;
import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.Tokens;
import io.mdmhub.support.XmlAssert;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The job history of a pair, {@code GET …/cancellationJobs}, over HTTP. */
class CancellationJobsIT {

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void pagesJobsNewestFirst() throws Exception {
    List<String> requested = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", i);
      requested.add(runJob("SF"));
    }
    runJob("NS");

    List<String> seen = new ArrayList<>();
    List<String> canceledCounts = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String query = "?limit=2" + (token == null ? "" : "&offsetToken=" + token);
      Reply reply = HubClient.send("GET", tenant.jobsPath("SF") + query, tenant.auth(), null, null);
      assertEquals(200, reply.status(), "page " + pages + ": " + reply.body());
      Element root = XmlAssert.wellFormed(reply.body()).getDocumentElement();
      assertEquals("batchCancellationJobs", root.getTagName(), "root element");
      assertEquals("5", root.getAttribute("totalCount"), "total count");
      NodeList jobs = root.getElementsByTagName("batchCancellationJob");
      assertEquals(
          Integer.toString(jobs.getLength()), root.getAttribute("resultCount"), "result count");
      for (int i = 0; i < jobs.getLength(); i++) {
        Element job = (Element) jobs.item(i);
        seen.add(text(job, "id"));
        canceledCounts.add(text(job, "canceledCount"));
        assertEquals(tenant.accountId(), text(job, "requestedBy"), "requested by");
        assertEquals("COMPLETED", text(job, "state"), "state");
        assertFalse(text(job, "endedAt").isEmpty(), "end time");
      }
      token = root.hasAttribute("offsetToken") ? root.getAttribute("offsetToken") : null;
      pages++;
    } while (token != null && pages < 10);

    assertEquals(3, pages, "pages of 2 for 5 jobs");
    assertEquals(new HashSet<>(seen).size(), seen.size(), "no job seen twice");
    List<String> newestFirst = new ArrayList<>(requested);
    java.util.Collections.reverse(newestFirst);
    assertEquals(newestFirst, seen, "the pair's jobs, newest first");
    assertEquals(List.of("4", "3", "2", "1", "0"), canceledCounts, "what each job canceled");
  }

  @Test
  void badParametersGet400() {
    XmlAssert.error(
        get(tenant.jobsPath("SF") + "?limit=0"),
        400,
        "The limit '0' is invalid: use a whole number from 1 to 200.");
    XmlAssert.error(
        get(tenant.jobsPath("SF") + "?offsetToken=abc"),
        400,
        "The offsetToken 'abc' is invalid: pass the offsetToken of the previous page unchanged,"
            + " or none for the first page.");
    XmlAssert.error(
        get(tenant.jobsPath("XX")),
        404,
        "Source with code 'XX' does not exist under universe '" + tenant.universeId() + "'.");
  }

  @Test
  void emptyHistoryHasNoToken() {
    Reply reply = get(tenant.jobsPath("NS"));

    assertEquals(200, reply.status(), "status: " + reply.body());
    Element root = XmlAssert.wellFormed(reply.body()).getDocumentElement();
    assertEquals("0", root.getAttribute("totalCount"), "total count");
    assertEquals("0", root.getAttribute("resultCount"), "result count");
    assertFalse(root.hasAttribute("offsetToken"), "no token");
  }

  @Test
  void activityReportingMayRead() {
    String path = tenant.jobsPath("SF") + "?repositoryId=" + tenant.repositoryId();

    Reply reporting =
        HubClient.send(
            "GET",
            path,
            Tokens.bearer("alice", tenant.accountId(), Tokens.ACTIVITY_REPORTING),
            null,
            null);
    Reply other =
        HubClient.send("GET", path, Tokens.bearer("bob", tenant.accountId(), "Other"), null, null);

    assertEquals(200, reporting.status(), "Activity Reporting: " + reporting.body());
    XmlAssert.error(other, 403, "You do not have permissions to access this resource.");
  }

  private String runJob(String source) throws Exception {
    Reply cancel = tenant.cancel(source);
    assertEquals(202, cancel.status(), "cancel: " + cancel.body());
    Reply job =
        CancellationJobs.awaitEnd(new URI(cancel.header("Location")).getRawPath(), tenant.auth());
    assertEquals("COMPLETED", job.element("state"), "job: " + job.body());
    return job.element("id");
  }

  private Reply get(String path) {
    return HubClient.send("GET", path, tenant.auth(), null, null);
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagName(name).item(0).getTextContent();
  }
}
