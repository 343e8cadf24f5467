package io.reelgate.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose file never starts an instance with a password everyone can read in the repository. */
class ComposeFileTests {

	@Test
	@SuppressWarnings("unchecked")
	void everyInstanceRefusesToStartWithoutAnAdminPassword() throws IOException {
		Map<String, Object> compose;
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			compose = new Yaml().load(reader);
		}
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		var instances = services.entrySet().stream()
			.filter(service -> service.getValue().get("environment") instanceof Map<?, ?> environment
					&& environment.containsKey("REELGATE_ADMIN_PASSWORD"))
			.toList();

		assertThat(instances).extracting(Map.Entry::getKey).contains("app", "app1");
		assertThat(instances).allSatisfy(service -> assertThat(
				((Map<String, Object>) service.getValue().get("environment")).get("REELGATE_ADMIN_PASSWORD"))
			.asString()
			.as("%s must fail without the variable (${VAR:?message}), not fall back to a default", service.getKey())
			.startsWith("${REELGATE_ADMIN_PASSWORD:?"));
	}
}
