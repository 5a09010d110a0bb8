package io.mdmhub.batches;

import io.mdmhub.errors.InvalidRequestException;

/** A staging request whose body the hub does not accept: 400 with the hub's message. */
public class BatchRejectedException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  BatchRejectedException(String... messages) {
    super(messages);
  }

  static BatchRejectedException malformed(String universeId, String parserMessage) {
    return new BatchRejectedException(
        "When trying to parse a batch update for universe with id '" + universeId + "'.",
        parserMessage);
  }

  static BatchRejectedException notUtf8(String universeId, String declaredEncoding) {
    return new BatchRejectedException(
        "When trying to parse a batch update for universe with id '" + universeId + "'.",
        "The body must be encoded in UTF-8"
            + (declaredEncoding == null ? "" : ", not '" + declaredEncoding + "'")
            + ".");
  }

  static BatchRejectedException wrongRoot(String universeId, String tag) {
    return new BatchRejectedException(
        "An update batch for universe with id '"
            + universeId
            + "' could not be processed because it starts with a '"
            + tag
            + "' tag instead of with a 'batch' tag.");
  }

  static BatchRejectedException missingSource(String universeId) {
    return new BatchRejectedException(
        "An update batch for universe with id '"
            + universeId
            + "' does not contain a source ('src') attribute.");
  }

  static BatchRejectedException notContributing(String sourceCode, String universeId) {
    return new BatchRejectedException(
        "An update batch from source '"
            + sourceCode
            + "' for the universe with id '"
            + universeId
            + "' cannot be accepted for processing because this source is not allowed to"
            + " contribute records.");
  }

  static BatchRejectedException tooLarge(
      long batchId, String sourceCode, String universeName, int max) {
    return new BatchRejectedException(
        "The batch update with id '"
            + batchId
            + "' from source '"
            + sourceCode
            + "' was rejected because it contains more source entities than the universe '"
            + universeName
            + "' can accept in a single batch (current max is: "
            + max
            + ").");
  }
}
