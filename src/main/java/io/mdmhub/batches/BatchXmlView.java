package io.mdmhub.batches;

import io.mdmhub.platform.Timestamps;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The XML status of a batch. Times are ISO-8601 in UTC; absent values are left out. */
@XmlRootElement(name = "batch")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    propOrder = {
      "batchId",
      "universeId",
      "source",
      "createdByType",
      "state",
      "createdAt",
      "updatedAt",
      "parseStartedAt",
      "parseEndedAt",
      "enrichStartedAt",
      "enrichEndedAt",
      "endedAt",
      "entityCount",
      "canceledByJob",
      "message"
    })
public class BatchXmlView {

  @XmlElement Long batchId;
  @XmlElement String universeId;
  @XmlElement String source;
  @XmlElement String createdByType;
  @XmlElement String state;
  @XmlElement String createdAt;
  @XmlElement String updatedAt;
  @XmlElement String parseStartedAt;
  @XmlElement String parseEndedAt;
  @XmlElement String enrichStartedAt;
  @XmlElement String enrichEndedAt;
  @XmlElement String endedAt;
  @XmlElement Integer entityCount;
  @XmlElement String canceledByJob;
  @XmlElement String message;

  public BatchXmlView() {}

  static BatchXmlView of(Batch batch) {
    BatchXmlView view = new BatchXmlView();
    view.batchId = batch.getId();
    view.universeId = batch.getUniverseId();
    view.source = batch.getSourceCode();
    view.createdByType = batch.getCreatedByType();
    view.state = batch.getState().name();
    view.createdAt = Timestamps.format(batch.getCreatedAt());
    view.updatedAt = Timestamps.format(batch.getUpdatedAt());
    view.parseStartedAt = Timestamps.format(batch.getParseStartedAt());
    view.parseEndedAt = Timestamps.format(batch.getParseEndedAt());
    view.enrichStartedAt = Timestamps.format(batch.getEnrichStartedAt());
    view.enrichEndedAt = Timestamps.format(batch.getEnrichEndedAt());
    view.endedAt = Timestamps.format(batch.getEndedAt());
    view.entityCount = batch.getEntityCount();
    view.canceledByJob = batch.getCanceledByJob();
    view.message = batch.getMessage();
    return view;
  }
}
