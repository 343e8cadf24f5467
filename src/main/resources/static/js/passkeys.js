// Passkeys: the browser side of Spring Security's WebAuthn ceremonies (JSON endpoints under /webauthn and
// /login/webauthn). A button with data-passkey-sign-in signs in (alone on the login page, or as the second factor);
// a form with data-passkey-register adds a passkey with the name typed into it. Messages come from the page (data-*),
// errors from the server's JSON ({"error": "..."}); CSRF header and token from data attributes.
(function () {
    'use strict';

    function encode(buffer) {
        const bytes = new Uint8Array(buffer);
        let text = '';
        for (let i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return window.btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
    }

    function decode(base64url) {
        const text = window.atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) {
            bytes[i] = text.charCodeAt(i);
        }
        return bytes.buffer;
    }

    class Refused extends Error {
    }

    async function post(element, url, body) {
        const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
        headers[element.dataset.csrfHeader] = element.dataset.csrfToken;
        const response = await fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin',
            body: body ? JSON.stringify(body) : undefined });
        if (response.redirected) {
            // Sent to confirm a factor first (a step-up): go there; the page is come back to afterwards.
            window.location.assign(response.url);
            throw new Refused('');
        }
        let json = null;
        try {
            json = await response.json();
        } catch (ignored) {
            json = null;
        }
        if (!response.ok) {
            throw new Refused(json && json.error ? json.error : element.dataset.failed);
        }
        return json;
    }

    function show(element, message) {
        const target = document.getElementById(element.dataset.messages);
        if (target && message) {
            target.textContent = message;
            target.hidden = false;
        }
    }

    function failure(element, error) {
        // A ceremony the person cancelled or that timed out is a DOMException: say so in words, not its text.
        show(element, error instanceof Refused ? error.message : element.dataset.failed);
    }

    async function signIn(button) {
        const options = await post(button, button.dataset.optionsUrl);
        options.challenge = decode(options.challenge);
        options.allowCredentials = (options.allowCredentials || []).map(c => Object.assign({}, c, { id: decode(c.id) }));
        const credential = await navigator.credentials.get({ publicKey: options });
        const response = credential.response;
        const result = await post(button, button.dataset.signInUrl, {
            id: credential.id,
            rawId: encode(credential.rawId),
            response: {
                authenticatorData: encode(response.authenticatorData),
                clientDataJSON: encode(response.clientDataJSON),
                signature: encode(response.signature),
                userHandle: response.userHandle ? encode(response.userHandle) : undefined
            },
            credType: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
        });
        window.location.assign(result.redirectUrl);
    }

    async function register(form) {
        const label = form.querySelector('input[name="label"]').value.trim();
        if (!label) {
            show(form, form.dataset.labelRequired);
            return;
        }
        const options = await post(form, form.dataset.optionsUrl);
        options.challenge = decode(options.challenge);
        options.user = Object.assign({}, options.user, { id: decode(options.user.id) });
        options.excludeCredentials = (options.excludeCredentials || []).map(c => Object.assign({}, c, { id: decode(c.id) }));
        const credential = await navigator.credentials.create({ publicKey: options });
        const response = credential.response;
        await post(form, form.dataset.registerUrl, {
            publicKey: {
                credential: {
                    id: credential.id,
                    rawId: encode(credential.rawId),
                    response: {
                        attestationObject: encode(response.attestationObject),
                        clientDataJSON: encode(response.clientDataJSON),
                        transports: response.getTransports ? response.getTransports() : []
                    },
                    type: credential.type,
                    clientExtensionResults: credential.getClientExtensionResults(),
                    authenticatorAttachment: credential.authenticatorAttachment
                },
                label: label
            }
        });
        window.location.assign(form.dataset.done);
    }

    function supported() {
        return !!(window.PublicKeyCredential && navigator.credentials);
    }

    document.querySelectorAll('[data-passkey-sign-in]').forEach(button => {
        if (!supported()) {
            button.hidden = true;
            return;
        }
        button.addEventListener('click', () => signIn(button).catch(error => failure(button, error)));
    });

    document.querySelectorAll('[data-passkey-register]').forEach(form => {
        if (!supported()) {
            show(form, form.dataset.unsupported);
            form.querySelector('button').disabled = true;
            return;
        }
        form.addEventListener('submit', event => {
            event.preventDefault();
            register(form).catch(error => failure(form, error));
        });
    });
})();
