package io.reelgate.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.stereotype.Component;

/**
 * Refuses a JSON string holding U+0000 ({@code "\u0000"}) as it is read, so the API answers 400 (a problem, through
 * the usual "not readable" handling) instead of a 500 when PostgreSQL refuses to store it. The counterpart of
 * {@link NulCharacterFilter} for request bodies; Spring Boot registers every {@code JacksonModule} bean.
 */
@Component
class NulJsonStrings extends SimpleModule {

	NulJsonStrings() {
		super("nul-json-strings");
		addDeserializer(String.class, new NoNul());
	}

	private static final class NoNul extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\0') >= 0) {
				return context.reportInputMismatch(String.class, "A string holds a NUL character");
			}
			return value;
		}
	}
}
