package io.mdmhub.operations;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a resource method whose responses {@link OutcomeMetricsFilter} counts by status. */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MeteredOutcome {

  /** The operation counted; the filter, which carries no value, binds to every marked method. */
  Operation value() default Operation.CANCEL;

  /** The operations whose responses are counted. */
  enum Operation {
    CANCEL,
    STAGING
  }
}
