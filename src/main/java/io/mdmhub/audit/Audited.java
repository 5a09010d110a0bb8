package io.mdmhub.audit;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose every response, success or error, {@link AuditFilter} records in
 * the audit trail as {@link #value()}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Audited {

  /** The action recorded; the filter, which carries no value, binds to every marked method. */
  AuditAction value() default AuditAction.CANCEL_REQUEST;
}
