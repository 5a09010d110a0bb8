package io.mdmhub.audit;

/** What an audit event records. */
public enum AuditAction {
  /** A Cancel Pending Batches request, accepted or rejected. */
  CANCEL_REQUEST,
  /** {@code PUT /mdm/admin/accounts/{accountId}}. */
  ACCOUNT_PUT,
  /** {@code POST /mdm/admin/accounts/{accountId}/repositories}. */
  REPOSITORY_CREATE,
  /** {@code POST /mdm/admin/repositories/{repositoryId}/token}. */
  TOKEN_REGENERATE,
  /** {@code PUT /mdm/admin/repositories/{repositoryId}/universes/{universeId}}. */
  UNIVERSE_PUT,
  /** {@code PUT /mdm/admin/universes/{universeId}/sources/{sourceCode}}. */
  SOURCE_PUT
}
