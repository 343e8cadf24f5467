package io.reelgate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that uses nothing of the shared {@link IntegrationTest} context (it starts its own database or
 * application, or the Stripe context, or needs none), so it runs on JUnit's second worker while the shared-context
 * classes run one after another on the first (parallel execution is on in {@code junit-platform.properties}; every
 * other class stays on one thread). The shared-context classes leave a core idle while they wait on the browser, the
 * database and the clients they drive, and these classes use it. It only writes to the log, so it runs whenever no
 * class is reading the log.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = SharedResources.LOGS, mode = ResourceAccessMode.READ)
public @interface RunsAlongside {
}
