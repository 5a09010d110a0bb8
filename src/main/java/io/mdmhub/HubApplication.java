package io.mdmhub;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The hub's REST API, under {@code /mdm}. */
@ApplicationPath("/mdm")
public class HubApplication extends Application {

  /**
   * Turns off Jersey's generated {@code /mdm/application.wadl} (Payara), which is not part of the
   * API. Other runtimes ignore the property.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
