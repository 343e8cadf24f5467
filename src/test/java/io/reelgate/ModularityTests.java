package io.reelgate;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ReelgateApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramsToTarget() {
		Documenter documenter = new Documenter(modules);
		documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target", "spring-modulith-docs", "components.puml"))
			.content().contains("Catalog", "Checkout", "Library");
	}
}
