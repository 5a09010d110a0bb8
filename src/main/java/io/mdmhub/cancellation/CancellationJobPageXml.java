package io.mdmhub.cancellation;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of a pair's cancellation jobs, newest first: {@code <batchCancellationJobs totalCount
 * resultCount [offsetToken]>} with one {@code <batchCancellationJob>} per job. The offset token is
 * present only when more jobs remain.
 */
@XmlRootElement(name = "batchCancellationJobs")
@XmlAccessorType(XmlAccessType.FIELD)
public class CancellationJobPageXml {

  @XmlAttribute long totalCount;
  @XmlAttribute int resultCount;
  @XmlAttribute String offsetToken;

  @XmlElement(name = "batchCancellationJob")
  List<CancellationJobXml> jobs = new ArrayList<>();

  public CancellationJobPageXml() {}

  CancellationJobPageXml(long totalCount, List<CancellationJob> page, String offsetToken) {
    this.totalCount = totalCount;
    this.resultCount = page.size();
    this.offsetToken = offsetToken;
    for (CancellationJob job : page) {
      jobs.add(CancellationJobXml.of(job));
    }
  }
}
