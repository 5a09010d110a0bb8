package io.mdmhub.cancellation;

/** States of a cancellation job. Only {@code RUNNING} blocks another job for the same pair. */
public enum JobState {
  RUNNING,
  COMPLETED,
  FAILED
}
