package io.mdmhub;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The hub's REST API, under {@code /mdm}. */
@ApplicationPath("/mdm")
public class HubApplication extends Application {}
