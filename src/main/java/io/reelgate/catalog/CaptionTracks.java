package io.reelgate.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.reelgate.shared.BundleFileId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caption files of videos, for the pages and players that show them. Who may read them is the caller's
 * question, decided as for the video itself.
 */
@Service
@Transactional(readOnly = true)
public class CaptionTracks {

	private static final String COLUMNS = "id, file_id, language, label, blob_key, size, sha256, created_at";

	private final JdbcClient jdbc;

	CaptionTracks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The file's captions, by label. */
	public List<CaptionView> of(BundleFileId file) {
		return of(List.of(file)).getOrDefault(file, List.of());
	}

	/** The captions of each file that has any, each list by label. */
	public Map<BundleFileId, List<CaptionView>> of(Collection<BundleFileId> files) {
		if (files.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select " + COLUMNS + " from captions where file_id = any(?) order by label")
			.param(files.stream().map(BundleFileId::value).toArray(UUID[]::new))
			.query(CaptionTracks::view)
			.list()
			.stream()
			.collect(Collectors.groupingBy(CaptionView::file, Collectors.toList()));
	}

	public Optional<CaptionView> find(BundleFileId file, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from captions where file_id = ? and id = ?")
			.params(file.value(), id)
			.query(CaptionTracks::view)
			.optional();
	}

	private static CaptionView view(ResultSet row, int number) throws SQLException {
		return new CaptionView(row.getObject("id", UUID.class), new BundleFileId(row.getObject("file_id", UUID.class)),
				row.getString("language"), row.getString("label"), row.getString("blob_key"), row.getLong("size"),
				row.getString("sha256"), row.getTimestamp("created_at").toInstant());
	}
}
