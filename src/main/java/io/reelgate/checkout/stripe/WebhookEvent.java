package io.reelgate.checkout.stripe;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.jspecify.annotations.Nullable;

/**
 * What Reelgate reads of a webhook delivery: the event's id and type, when Stripe created it, and the id of the
 * object it is about (which is then fetched from Stripe; nothing else in the payload is trusted or needed).
 */
record WebhookEvent(String id, String type, @Nullable Instant created, String objectId) {

	/** The event in a verified payload; empty if the payload is not a Stripe event with an object id. */
	static Optional<WebhookEvent> parse(String payload) {
		try {
			JsonElement root = JsonParser.parseString(payload);
			if (!root.isJsonObject()) {
				return Optional.empty();
			}
			JsonObject event = root.getAsJsonObject();
			Optional<String> id = string(event, "id");
			Optional<String> type = string(event, "type");
			Optional<String> objectId = object(event, "data").flatMap(data -> object(data, "object"))
				.flatMap(object -> string(object, "id"));
			if (!string(event, "object").filter("event"::equals).isPresent() || id.isEmpty() || type.isEmpty()
					|| objectId.isEmpty()) {
				return Optional.empty();
			}
			JsonElement created = event.get("created");
			Instant createdAt = created != null && created.isJsonPrimitive() && created.getAsJsonPrimitive().isNumber()
					? Instant.ofEpochSecond(created.getAsLong()) : null;
			return Optional.of(new WebhookEvent(id.get(), type.get(), createdAt, objectId.get()));
		}
		catch (JsonParseException | NumberFormatException | DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> string(JsonObject json, String name) {
		JsonElement value = json.get(name);
		return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
				&& !value.getAsString().isBlank() ? Optional.of(value.getAsString()) : Optional.empty();
	}

	private static Optional<JsonObject> object(JsonObject json, String name) {
		JsonElement value = json.get(name);
		return value != null && value.isJsonObject() ? Optional.of(value.getAsJsonObject()) : Optional.empty();
	}
}
