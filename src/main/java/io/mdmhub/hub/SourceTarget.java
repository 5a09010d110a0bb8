package io.mdmhub.hub;

/** A universe and one of its sources, resolved for an authorized caller. */
public record SourceTarget(Universe universe, Source source) {

  public String universeId() {
    return universe.getId();
  }

  public String sourceCode() {
    return source.getCode();
  }
}
