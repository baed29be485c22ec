/* hr-wizard serve: before textual.js connects (on window load), point it at this page's own
   websocket, wss: when the page came over https (behind a proxy with TLS). */
document.addEventListener("DOMContentLoaded", function () {
  var address = new URL("ws", window.location.href);
  address.protocol = address.protocol === "https:" ? "wss:" : "ws:";
  address.search = "";
  address.hash = "";
  document.getElementById("terminal").dataset.sessionWebsocketUrl = address.href;
  document.getElementById("restart").addEventListener("click", function () {
    window.location.reload();
  });
});
