package io.mdmhub.cancellation;

import io.mdmhub.platform.Timestamps;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The XML description of a cancellation job. Times are ISO-8601 in UTC; absent values are left out.
 */
@XmlRootElement(name = "batchCancellationJob")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    propOrder = {
      "id",
      "universeId",
      "sourceId",
      "state",
      "requestedBy",
      "authScheme",
      "requestedAt",
      "startedAt",
      "endedAt",
      "canceledCount",
      "pendingRemaining",
      "message"
    })
public class CancellationJobXml {

  @XmlElement String id;
  @XmlElement String universeId;
  @XmlElement String sourceId;
  @XmlElement String state;
  @XmlElement String requestedBy;
  @XmlElement String authScheme;
  @XmlElement String requestedAt;
  @XmlElement String startedAt;
  @XmlElement String endedAt;
  @XmlElement Integer canceledCount;
  @XmlElement Long pendingRemaining;
  @XmlElement String message;

  public CancellationJobXml() {}

  static CancellationJobXml of(CancellationJob job) {
    CancellationJobXml xml = new CancellationJobXml();
    xml.id = job.getId();
    xml.universeId = job.getUniverseId();
    xml.sourceId = job.getSourceCode();
    xml.state = job.getState().name();
    xml.requestedBy = job.getRequestedBy();
    xml.authScheme = job.getAuthScheme();
    xml.requestedAt = Timestamps.format(job.getRequestedAt());
    xml.startedAt = Timestamps.format(job.getStartedAt());
    xml.endedAt = Timestamps.format(job.getEndedAt());
    xml.canceledCount = job.getCanceledCount();
    xml.pendingRemaining = job.getPendingRemaining();
    xml.message = job.getMessage();
    return xml;
  }
}
