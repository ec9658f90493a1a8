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

  // When a stream fails hard (not a plain reconnect, which sends Last-Event-ID by itself), the
  // htmx SSE extension opens a new EventSource; it resumes from the last event seen, so nothing
  // is shown twice or missed.
  if (window.htmx) {
    var lastIds = {};
    htmx.createEventSource = function (url) {
      var resume = lastIds[url];
      var source = new EventSource(
        resume ? url + (url.indexOf("?") < 0 ? "?" : "&") + "lastEventId=" + encodeURIComponent(resume) : url,
        { withCredentials: true });
      source.addEventListener("message", function (event) {
        if (event.lastEventId) {
          lastIds[url] = event.lastEventId;
        }
        var empty = document.getElementById("messages-empty");
        if (empty) {
          empty.remove();
        }
      });
      return source;
    };
  }

  // After sending, the fresh form is swapped in: keep typing where you were.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "message-form") {
      var text = document.getElementById("message-text");
      if (text) {
        text.focus();
      }
    }
  });
})();
