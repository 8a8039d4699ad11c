// The WebAuthn ceremony: the only thing in the console that needs script. The page carries
// the portal's options; the browser asks the security key; its answer goes into the form,
// which is then submitted like any other.
"use strict";
(function () {
  const form = document.getElementById("webauthn-form");
  if (!form) return;
  const error = document.getElementById("webauthn-error");
  form.addEventListener("submit", async function (event) {
    if (form.elements.credential.value) return;
    event.preventDefault();
    error.hidden = true;
    try {
      const options = JSON.parse(form.dataset.options);
      const credential = form.dataset.ceremony === "create"
        ? await navigator.credentials.create(
            { publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
        : await navigator.credentials.get(
            { publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      form.elements.credential.value = JSON.stringify(credential.toJSON());
      form.submit();
    } catch (e) {
      error.hidden = false;
    }
  });
})();
