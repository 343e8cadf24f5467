package io.reelgate.moderation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Every admin action says why; the reason goes to the creator and the audit log. */
record ReasonForm(@NotBlank(message = "{moderation.reason.required}") @Size(max = 1000,
		message = "{moderation.reason.size}") String reason) {
}
