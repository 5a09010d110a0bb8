package io.mdmhub.reporting;

import io.mdmhub.batches.Batch;
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
 * A page of Query Batch History: {@code <BatchHistoryResponse totalCount resultCount
 * [offsetToken]>} with one {@code <batch>} per batch, newest first. The offset token is present
 * only when more batches remain.
 */
@XmlRootElement(name = "BatchHistoryResponse")
@XmlAccessorType(XmlAccessType.FIELD)
public class BatchHistoryXml {

  @XmlAttribute long totalCount;
  @XmlAttribute int resultCount;
  @XmlAttribute String offsetToken;

  @XmlElement(name = "batch")
  List<Entry> batches = new ArrayList<>();

  public BatchHistoryXml() {}

  BatchHistoryXml(long totalCount, List<Batch> page, String offsetToken) {
    this.totalCount = totalCount;
    this.resultCount = page.size();
    this.offsetToken = offsetToken;
    for (Batch batch : page) {
      batches.add(new Entry(batch));
    }
  }

  /** One batch of the page. Times are ISO-8601 in UTC; {@code endedAt} is absent until it ends. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(propOrder = {"batchId", "source", "state", "createdAt", "endedAt"})
  public static class Entry {
    @XmlElement Long batchId;
    @XmlElement String source;
    @XmlElement String state;
    @XmlElement String createdAt;
    @XmlElement String endedAt;

    public Entry() {}

    Entry(Batch batch) {
      batchId = batch.getId();
      source = batch.getSourceCode();
      state = batch.getState().name();
      createdAt = Timestamps.format(batch.getCreatedAt());
      endedAt = Timestamps.format(batch.getEndedAt());
    }
  }
}
