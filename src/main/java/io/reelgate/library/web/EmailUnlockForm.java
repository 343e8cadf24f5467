package io.reelgate.library.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A viewer's address for an email gate, and their explicit consent to share it with the creator. */
record EmailUnlockForm(@NotBlank @Size(max = 320) @Email String email, @AssertTrue boolean consent) {
}
