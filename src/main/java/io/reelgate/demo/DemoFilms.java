package io.reelgate.demo;

import java.util.List;

import io.reelgate.demo.DemoData.DemoFilm;

/** The demo catalog: invented films, small text files standing in for the real thing. */
final class DemoFilms {

	static final List<DemoFilm> ALL = List.of(
			new DemoFilm("The Last Reel", "A projectionist's final night before the old cinema closes.",
					"Shot in one night on 35mm. Includes the director's commentary and the shooting script.", "4.99",
					0.98f, List.of("the-last-reel.txt", "commentary.txt", "script.txt")),
			new DemoFilm("Salt and Static", "Two radio operators on a North Sea platform hear a voice that should not be there.",
					"A slow-burning mystery with an original electronic soundtrack.", "7.50", 0.55f,
					List.of("salt-and-static.txt", "soundtrack.txt")),
			new DemoFilm("Orchard", "A free short about the last harvest on a family farm.",
					"Released for free by the filmmakers. Stills and the trailer are included.", null, 0.28f,
					List.of("orchard.txt", "trailer.txt", "stills.txt")),
			new DemoFilm("Night Bus 42", "Strangers share the last bus across a sleeping city.",
					"An anthology of six stories, one per stop.", "3.00", 0.72f, List.of("night-bus-42.txt")));

	private DemoFilms() {
	}
}
