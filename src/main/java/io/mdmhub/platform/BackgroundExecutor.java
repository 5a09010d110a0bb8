package io.mdmhub.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.RejectedExecutionException;

/**
 * The managed executor that runs staging and cancellation work after the request's transaction has
 * committed. Its queue is bounded in {@code server.xml}, so a saturated server rejects work instead
 * of growing without limit.
 */
@ApplicationScoped
public class BackgroundExecutor {

  @Resource(lookup = "concurrent/mdmExecutor")
  ManagedExecutorService executor;

  /**
   * Submits a task, returning false when the executor rejects it.
   *
   * @return whether the executor accepted the task
   */
  public boolean trySubmit(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }
}
