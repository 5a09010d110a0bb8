package io.mdmhub.hub;

/** CDI event fired when an operator sets a paused source's incorporation back to running. */
public record SourceResumed(String universeId, String sourceCode) {}
