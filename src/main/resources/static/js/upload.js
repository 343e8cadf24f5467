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

  document.querySelectorAll('form[data-upload-progress]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.XMLHttpRequest || !window.FormData) { return; }
      event.preventDefault();
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
      xhr.addEventListener('load', function () {
        // The server answers with a redirect to the editor (with a success or error message); follow it.
        if (xhr.status >= 200 && xhr.status < 400 && xhr.responseURL) {
          window.location.assign(xhr.responseURL);
        } else {
          document.open();
          document.write(xhr.responseText);
          document.close();
        }
      });
      xhr.addEventListener('error', function () {
        error.hidden = false;
        button.disabled = false;
        status.hidden = true;
      });
      xhr.open('POST', form.action);
      xhr.send(new FormData(form));
    });
  });
}());
