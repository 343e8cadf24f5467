// Sends file forms marked with data-upload-progress through XMLHttpRequest so the page can show a progress bar,
// speed and time left. Without JavaScript the same forms post normally.
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
        if (!tooLarge) { upload(form); }
      });
    });
  }

  bind(document);
}());
