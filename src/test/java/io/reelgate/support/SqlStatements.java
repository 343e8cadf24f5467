package io.reelgate.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL statements Hibernate prepares on the current thread (MockMvc requests run on the test's thread),
 * so tests can pin how many statements a page runs. Installed for every test through
 * {@code hibernate.session_factory.statement_inspector} in application-test.yml; it records only inside
 * {@link #during}.
 */
public class SqlStatements implements StatementInspector {

	private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

	@Override
	public String inspect(String sql) {
		List<String> recorded = RECORDED.get();
		if (recorded != null) {
			recorded.add(sql);
		}
		return sql;
	}

	/** The statements Hibernate prepared on this thread while {@code action} ran. */
	public static List<String> during(Callable<?> action) throws Exception {
		List<String> recorded = new ArrayList<>();
		RECORDED.set(recorded);
		try {
			action.call();
		}
		finally {
			RECORDED.remove();
		}
		return recorded;
	}
}
