// Sends file forms marked with data-upload-progress through XMLHttpRequest so the page can show a progress bar,
// speed and time left. Forms that also carry data-tus-endpoint upload over tus instead (tus-js-client): resumable
// after a dropped connection or a reload (choosing the same file again continues it), with pause and resume.
// Without JavaScript the same forms post normally.
(function () {
  'use strict';

  function human(bytes) {
    var units = ['B', 'KB', 'MB', 'GB', 'TB'];
    var i = 0;
    while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
    return (i === 0 ? bytes : bytes.toFixed(1)) + ' ' + units[i];
  }

  function duration(seconds) {
    if (!isFinite(seconds)) { return '…'; }
    var m = Math.floor(seconds / 60), s = Math.round(seconds % 60);
    return m > 0 ? m + ' min ' + s + ' s' : s + ' s';
  }

  // The XHR has already followed the server's redirect and received the page that carries the outcome
  // (success or error message). Showing that page's content keeps the message, which a reload would lose.
  function show(html, url) {
    var next = new DOMParser().parseFromString(html, 'text/html');
    var main = next.querySelector('main');
    if (!main) { window.location.assign(url); return; }
    document.querySelector('main').replaceWith(main);
    document.title = next.title;
    if (url && url !== window.location.href) { window.history.replaceState(null, '', url); }
    bind(main);
    main.focus();
  }

  function upload(form) {
    var status = form.querySelector('.upload-status');
    var bar = form.querySelector('progress');
    var text = form.querySelector('.upload-text');
    var error = form.querySelector('.upload-error');
    var button = form.querySelector('button[type=submit]');
    var started = Date.now();
    var xhr = new XMLHttpRequest();

    status.hidden = false;
    error.hidden = true;
    button.disabled = true;
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) { return; }
      var percent = Math.floor(e.loaded * 100 / e.total);
      var elapsed = (Date.now() - started) / 1000;
      var speed = elapsed > 0 ? e.loaded / elapsed : 0;
      bar.value = percent;
      text.textContent = percent + '% · ' + human(e.loaded) + ' of ' + human(e.total) + ' · ' +
        human(speed) + '/s · ' + duration(speed > 0 ? (e.total - e.loaded) / speed : Infinity) + ' left';
    });
    xhr.addEventListener('load', function () { show(xhr.responseText, xhr.responseURL); });
    xhr.addEventListener('error', function () {
      error.hidden = false;
      button.disabled = false;
      status.hidden = true;
    });
    xhr.open('POST', form.action);
    xhr.send(new FormData(form));
  }

  function progressText(sent, total, speed) {
    var percent = total > 0 ? Math.floor(sent * 100 / total) : 0;
    return percent + '% · ' + human(sent) + ' of ' + human(total) + ' · ' + human(speed) + '/s · ' +
      duration(speed > 0 ? (total - sent) / speed : Infinity) + ' left';
  }

  // The upload is a bundle file now: show the editor again with the new file and a success message.
  function uploaded(form) {
    var message = form.dataset.doneMessage;
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) { return response.text().then(function (html) { show(html, response.url); }); })
      .then(function () {
        var alert = document.createElement('div');
        alert.className = 'alert alert-success';
        alert.setAttribute('role', 'status');
        alert.textContent = message;
        document.querySelector('main').prepend(alert);
      })
      .catch(function () { window.location.reload(); });
  }

  // A tus request refused because the session ended (401). Raised from onAfterResponse, so that tus-js-client
  // treats it as a failed request: on its own it would take a 4xx to a HEAD as a lost upload, forget the upload's
  // URL and start again from byte 0.
  function SignedOut() { this.signedOut = true; }

  function isSignedOut(failure) {
    return Boolean(failure && failure.causingError && failure.causingError.signedOut);
  }

  // tus-js-client's own rule (retry unless a 4xx other than 409 and 423, while online), except when signed out.
  function shouldRetry(failure) {
    if (isSignedOut(failure)) { return false; }
    var code = failure.originalResponse ? failure.originalResponse.getStatus() : 0;
    var clientError = code >= 400 && code < 500 && code !== 409 && code !== 423;
    return !clientError && navigator.onLine !== false;
  }

  // After signing in again the session, and so the CSRF token, is new: take it from a fresh copy of this page.
  function refreshCsrf(headers) {
    return fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var token = page.querySelector('meta[name=csrf-token]');
        var header = page.querySelector('meta[name=csrf-header]');
        if (token && header) { headers[header.content] = token.content; }
      })
      .catch(function () { return undefined; });
  }

  // A refusal's message: problem JSON from the security filters, plain text from the tus endpoint.
  function refusal(response) {
    var body = response.getBody();
    if (!body) { return null; }
    try {
      var problem = JSON.parse(body);
      return problem && problem.detail ? problem.detail : body;
    } catch (e) {
      return body;
    }
  }

  function tusUpload(form) {
    var file = form.querySelector('input[type=file]').files[0];
    var status = form.querySelector('.upload-status');
    var bar = form.querySelector('progress');
    var text = form.querySelector('.upload-text');
    var error = form.querySelector('.upload-error');
    var button = form.querySelector('button[type=submit]');
    var pause = form.querySelector('.upload-pause');
    var signedOut = form.querySelector('.upload-signed-out');
    var bundle = form.dataset.bundleId;
    var headers = {};
    headers[document.querySelector('meta[name=csrf-header]').content] =
      document.querySelector('meta[name=csrf-token]').content;
    var base = null;
    var started = 0;
    var paused = false;

    var upload = new window.tus.Upload(file, {
      endpoint: form.dataset.tusEndpoint,
      chunkSize: Number(form.dataset.tusChunkSize),
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      headers: headers,
      metadata: { bundle: bundle, filename: file.name, filetype: file.type },
      removeFingerprintOnSuccess: true,
      onAfterResponse: function (request, response) {
        if (response.getStatus() === 401) { throw new SignedOut(); }
      },
      onShouldRetry: shouldRetry,
      // One remembered upload per bundle and file, so the same file chosen for another bundle starts afresh.
      fingerprint: function (f) {
        return Promise.resolve(['reelgate', bundle, f.name, f.type, f.size, f.lastModified].join('/'));
      },
      onProgress: function (sent, total) {
        if (base === null || sent < base) { base = sent; started = Date.now(); }
        var elapsed = (Date.now() - started) / 1000;
        var speed = elapsed > 0 ? (sent - base) / elapsed : 0;
        bar.value = total > 0 ? Math.floor(sent * 100 / total) : 0;
        text.textContent = progressText(sent, total, speed);
      },
      onSuccess: function () {
        pause.hidden = true;
        uploaded(form);
      },
      onError: function (failure) {
        if (isSignedOut(failure)) {
          // Keep the upload (its URL stays with tus-js-client and in local storage), paused until signed in again.
          paused = true;
          base = null;
          signedOut.hidden = false;
          pause.textContent = form.dataset.resumeLabel;
          return;
        }
        var response = failure.originalResponse;
        var code = response ? response.getStatus() : 0;
        var message = code >= 400 && code < 500 ? refusal(response) : null;
        error.textContent = message || error.dataset.text;
        error.hidden = false;
        button.disabled = false;
        pause.hidden = true;
      }
    });

    error.dataset.text = error.dataset.text || error.textContent;
    status.hidden = false;
    error.hidden = true;
    button.disabled = true;
    pause.hidden = false;
    pause.textContent = form.dataset.pauseLabel;
    pause.onclick = function () {
      paused = !paused;
      if (paused) {
        upload.abort();
        base = null;
      } else {
        signedOut.hidden = true;
        refreshCsrf(headers).then(function () { upload.start(); });
      }
      pause.textContent = paused ? form.dataset.resumeLabel : form.dataset.pauseLabel;
    };
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length > 0) {
        upload.resumeFromPreviousUpload(previous[0]);
        text.textContent = form.dataset.resumingMessage;
      }
      upload.start();
    });
  }

  function bind(root) {
    root.querySelectorAll('form[data-upload-progress]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.XMLHttpRequest || !window.FormData || !window.DOMParser) { return; }
        event.preventDefault();
        var tooLarge = Array.prototype.some.call(form.querySelectorAll('input[type=file][data-max-bytes]'), function (input) {
          var max = Number(input.dataset.maxBytes);
          return Array.prototype.some.call(input.files, function (file) { return file.size > max; });
        });
        // The server refuses it too, but only after receiving bytes up to the limit; say so before sending any.
        form.querySelector('.upload-too-large').hidden = !tooLarge;
        if (tooLarge) { return; }
        if (form.dataset.tusEndpoint && window.tus && window.tus.isSupported && window.fetch) {
          tusUpload(form);
        } else {
          upload(form);
        }
      });
    });
  }

  bind(document);
}());
