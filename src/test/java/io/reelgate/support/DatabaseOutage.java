package io.reelgate.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Makes the database unreachable for the application while a test says so: every new connection is refused, as
 * when PostgreSQL is down or the network to it is cut. Wraps the application's data source, so the context and its
 * database stay the same for every other test.
 */
@TestComponent
public class DatabaseOutage implements BeanPostProcessor {

	private volatile boolean down;

	/** Refuses connections until the returned handle is closed. */
	public AutoCloseable begin() {
		down = true;
		return () -> down = false;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Switchable)) {
			return new Switchable(dataSource);
		}
		return bean;
	}

	private final class Switchable extends DelegatingDataSource {

		Switchable(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			refuseWhileDown();
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			refuseWhileDown();
			return super.getConnection(username, password);
		}

		private void refuseWhileDown() throws SQLException {
			if (down) {
				throw new SQLTransientConnectionException("Connection refused (test outage)", "08001");
			}
		}
	}
}
