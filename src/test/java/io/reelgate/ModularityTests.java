package io.reelgate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	/** The files whose module diagram must be the one the code has; the block sits between these markers. */
	private static final List<Path> DIAGRAM_FILES = List.of(Path.of("README.md"), Path.of("docs", "architecture.md"));

	private static final Pattern DIAGRAM_BLOCK = Pattern
		.compile("(<!-- module-diagram:start[^>]*-->\n)(.*?)(<!-- module-diagram:end -->)", Pattern.DOTALL);

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

	/**
	 * The diagrams in the README and the architecture doc are drawn from the dependencies Spring Modulith finds, so
	 * they cannot drift from the code. Run with {@code -DupdateModuleDiagram=true} to rewrite them in place.
	 */
	@Test
	void committedModuleDiagramsAreTheOnesTheCodeHas() throws IOException {
		String expected = mermaid();
		boolean update = Boolean.getBoolean("updateModuleDiagram");
		for (Path file : DIAGRAM_FILES) {
			String text = Files.readString(file);
			Matcher block = DIAGRAM_BLOCK.matcher(text);
			assertThat(block.find()).as("%s has a module-diagram block", file).isTrue();
			if (update) {
				Files.writeString(file, block.replaceFirst(Matcher.quoteReplacement(block.group(1) + expected
						+ block.group(3))));
			}
			else {
				assertThat(block.group(2))
					.as("the module diagram in %s (rerun with -DupdateModuleDiagram=true to redraw it)", file)
					.isEqualTo(expected);
			}
		}
	}

	/**
	 * Solid arrows: a module uses another's API (types, beans, entities). Dashed: a module listens to another's
	 * events, drawn from the publisher with the events' names. {@code shared} is used by all and not drawn.
	 */
	private String mermaid() {
		Map<String, Set<String>> uses = new TreeMap<>();
		Map<String, Map<String, Set<String>>> events = new TreeMap<>();
		for (ApplicationModule module : modules) {
			String name = module.getIdentifier().toString();
			uses.computeIfAbsent(name, key -> new TreeSet<>());
			module.getDirectDependencies(modules).stream().forEach(dependency -> {
				String target = dependency.getTargetModule().getIdentifier().toString();
				if (target.equals("shared") || target.equals(name)) {
					return;
				}
				if (dependency.getDependencyType() == DependencyType.EVENT_LISTENER) {
					events.computeIfAbsent(target, key -> new TreeMap<>())
						.computeIfAbsent(name, key -> new TreeSet<>())
						.add(eventName(dependency));
				}
				else {
					uses.get(name).add(target);
				}
			});
		}
		List<String> lines = new ArrayList<>();
		lines.add("```mermaid");
		lines.add("flowchart LR");
		uses.forEach((module, targets) -> {
			if (module.equals("shared")) {
				return;
			}
			lines.add(targets.isEmpty() ? "    " + module : "    " + module + " --> " + String.join(" & ", targets));
		});
		events.forEach((publisher, listeners) -> listeners.forEach((listener, names) -> lines
			.add("    " + publisher + " -. " + String.join(", ", names) + " .-> " + listener)));
		lines.add("```");
		return String.join("\n", lines) + "\n";
	}

	private static String eventName(ApplicationModuleDependency dependency) {
		return dependency.getTargetType().getSimpleName();
	}
}
