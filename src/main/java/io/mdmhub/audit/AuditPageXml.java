package io.mdmhub.audit;

import io.mdmhub.platform.Timestamps;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of the audit trail: {@code <auditEvents totalCount resultCount [offsetToken]>} with one
 * {@code <auditEvent>} per event, newest first. The offset token is present only when more events
 * remain.
 */
@XmlRootElement(name = "auditEvents")
@XmlAccessorType(XmlAccessType.FIELD)
public class AuditPageXml {

  @XmlAttribute long totalCount;
  @XmlAttribute int resultCount;
  @XmlAttribute String offsetToken;

  @XmlElement(name = "auditEvent")
  List<Entry> events = new ArrayList<>();

  public AuditPageXml() {}

  AuditPageXml(long totalCount, List<AuditEvent> page, String offsetToken) {
    this.totalCount = totalCount;
    this.resultCount = page.size();
    this.offsetToken = offsetToken;
    for (AuditEvent event : page) {
      events.add(new Entry(event));
    }
  }

  /** One event. Absent values are left out; the time is ISO-8601 in UTC. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(
      propOrder = {
        "id",
        "occurredAt",
        "requestId",
        "action",
        "status",
        "outcome",
        "caller",
        "authScheme",
        "accountId",
        "repositoryId",
        "universeId",
        "sourceId",
        "jobId",
        "detail"
      })
  public static class Entry {
    @XmlElement Long id;
    @XmlElement String occurredAt;
    @XmlElement String requestId;
    @XmlElement String action;
    @XmlElement int status;
    @XmlElement String outcome;
    @XmlElement String caller;
    @XmlElement String authScheme;
    @XmlElement String accountId;
    @XmlElement String repositoryId;
    @XmlElement String universeId;
    @XmlElement String sourceId;
    @XmlElement String jobId;
    @XmlElement String detail;

    public Entry() {}

    Entry(AuditEvent event) {
      id = event.getId();
      occurredAt = Timestamps.format(event.getOccurredAt());
      requestId = event.getRequestId();
      action = event.getAction().name();
      status = event.getStatus();
      outcome = event.getOutcome();
      caller = event.getCaller();
      authScheme = event.getAuthScheme();
      accountId = event.getAccountId();
      repositoryId = event.getRepositoryId();
      universeId = event.getUniverseId();
      sourceId = event.getSourceCode();
      jobId = event.getJobId();
      detail = event.getDetail();
    }
  }
}
