package io.mdmhub.security;

/** Role names. The two hub privileges are matched exactly, as the hub names them. */
public final class Roles {

  /** May cancel, stage and read batches and jobs. */
  public static final String BATCH_MANAGEMENT = "MDM - Batch Management";

  /** May read batches and jobs. */
  public static final String ACTIVITY_REPORTING = "MDM - Activity Reporting";

  /** Operator of the hub: manages accounts, repositories, universes and sources. */
  public static final String ADMIN = "mdm-admin";

  private Roles() {}
}
