// After a passkey is registered, go on: to the page the user was on their way to (data-next on
// the placeholder), or reload the account page so the new passkey shows in the list.
"use strict";
document.addEventListener("otp_webauthn.register_complete", function () {
  var placeholder = document.getElementById("passkey-registration-placeholder");
  window.location.assign((placeholder && placeholder.dataset.next) || window.location.href);
});
