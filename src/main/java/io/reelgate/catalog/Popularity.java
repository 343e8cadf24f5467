package io.reelgate.catalog;

import java.util.Map;
import java.util.stream.Collectors;

import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "popular" sort's key ({@code bundles.popularity}, V41): how many people got each bundle recently, as the
 * library counts them. Kept on the bundle's row, outside the {@link Bundle} aggregate, so the sort walks an index.
 */
@Service
@Transactional
public class Popularity {

	private final JdbcClient jdbc;

	Popularity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sets every bundle's popularity: the count given, 0 for a bundle not among them. Rows whose figure is
	 * unchanged are not written, so a quiet catalog costs one scan and no writes.
	 */
	public void replace(Map<BundleId, Integer> counts) {
		String ids = counts.keySet().stream().map(BundleId::toString).collect(Collectors.joining(","));
		String figures = counts.keySet().stream().map(id -> counts.get(id).toString()).collect(Collectors.joining(","));
		jdbc.sql("""
				update bundles set popularity = 0 where popularity <> 0
				and not (id = any (cast(string_to_array(:ids, ',') as uuid[])))""")
			.param("ids", ids)
			.update();
		jdbc.sql("""
				update bundles b set popularity = c.n
				from unnest(cast(string_to_array(:ids, ',') as uuid[]), cast(string_to_array(:figures, ',') as int[])) as c(id, n)
				where b.id = c.id and b.popularity <> c.n""")
			.param("ids", ids)
			.param("figures", figures)
			.update();
	}
}
