package io.reelgate.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who just ran the app where to point their browser. */
@Component
class StartupLog {

	private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.server.port");
		if (port != null) {
			String path = environment.getProperty("server.servlet.context-path", "");
			log.info("Reelgate is running at http://localhost:{}{}/", port, path);
		}
	}
}
