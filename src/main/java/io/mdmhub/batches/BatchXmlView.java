package io.mdmhub.batches;

import io.mdmhub.platform.Timestamps;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The XML status of a batch. Times are ISO-8601 in UTC; absent values are left out, so the record
 * counts appear only once the batch has been incorporated.
 */
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
      "processStartedAt",
      "endedAt",
      "entityCount",
      "createdCount",
      "updatedCount",
      "deletedCount",
      "erroredCount",
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
  @XmlElement String processStartedAt;
  @XmlElement String endedAt;
  @XmlElement Integer entityCount;
  @XmlElement Integer createdCount;
  @XmlElement Integer updatedCount;
  @XmlElement Integer deletedCount;
  @XmlElement Integer erroredCount;
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
    view.processStartedAt = Timestamps.format(batch.getProcessStartedAt());
    view.endedAt = Timestamps.format(batch.getEndedAt());
    view.entityCount = batch.getEntityCount();
    Batch.RecordCounts counts = batch.getRecordCounts();
    if (counts != null) {
      view.createdCount = counts.created();
      view.updatedCount = counts.updated();
      view.deletedCount = counts.deleted();
      view.erroredCount = counts.errored();
    }
    view.canceledByJob = batch.getCanceledByJob();
    view.message = batch.getMessage();
    return view;
  }
}
