// FOI Desk front-end: GOV.UK and MOJ components, and the quick exit on the Escape key.
// Every page works without this file; it only enhances.
import { initAll } from "../vendor/js/govuk-frontend.min.js";

initAll();

const exitLink = document.querySelector("[data-quick-exit]");
if (exitLink) {
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" || event.key === "Esc") {
      // replace() keeps this page out of the back button's history.
      document.body.innerHTML = "";
      window.location.replace(exitLink.getAttribute("href"));
    }
  });
}
