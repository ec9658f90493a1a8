// Small progressive enhancements; pages work without this file.
(function () {
  "use strict";
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener("htmx:configRequest", function (event) {
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A refused form comes back as 422 with the fragment that says why; htmx does not swap 4xx
  // answers by default, so the user would see nothing happen.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Upload progress for the import form.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var bar = document.getElementById("upload-progress");
    if (!bar || !event.detail.lengthComputable) {
      return;
    }
    bar.closest(".upload-progress").hidden = false;
    var percent = Math.round((event.detail.loaded / event.detail.total) * 100);
    bar.value = percent;
    bar.textContent = percent + "%";
  });
  document.addEventListener("htmx:afterRequest", function () {
    var bar = document.getElementById("upload-progress");
    if (bar) {
      bar.value = 100;
    }
  });
})();
