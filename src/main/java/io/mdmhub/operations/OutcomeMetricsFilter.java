package io.mdmhub.operations;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Counts the responses of the methods marked {@link MeteredOutcome}, including the error responses
 * the exception mappers write. A 401 never reaches JAX-RS; the authentication mechanism counts it.
 */
@Provider
@MeteredOutcome
public class OutcomeMetricsFilter implements ContainerResponseFilter {

  @Inject HubMetrics metrics;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Method method = resource.getResourceMethod();
    MeteredOutcome metered = method == null ? null : method.getAnnotation(MeteredOutcome.class);
    if (metered == null) {
      return;
    }
    switch (metered.value()) {
      case CANCEL -> metrics.cancelRequest(response.getStatus());
      case STAGING -> metrics.stagingRequest(response.getStatus());
    }
  }
}
