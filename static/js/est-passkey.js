// After a passkey is registered, go on to data-next of #passkey-registration: the recovery codes
// if the user has none yet, then the page they were on their way to. (django-otp-webauthn's
// script replaces the placeholder inside it, so the address lives on the wrapper.)
"use strict";
document.addEventListener("otp_webauthn.register_complete", function () {
  var wrapper = document.getElementById("passkey-registration");
  window.location.assign((wrapper && wrapper.dataset.next) || window.location.href);
});
