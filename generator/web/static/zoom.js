// A preview page enlarged to read: a click on a page opens it drawn large by the server, with the pages
// before and after one key away, at the dialog's width or at its own size.

import { $ } from "./dom.js";
import { errorOf, post } from "./server.js";
import { state } from "./store.js";

const zoom = { number: 1, pages: 0, asked: 0 };

export function bindZoom() {
  $("pages").addEventListener("click", (event) => {
    const button = event.target.closest(".page-open");
    if (button) openPage(Number(button.closest("figure").dataset.number));
  });
  $("zoom-previous").addEventListener("click", () => showPage(zoom.number - 1));
  $("zoom-next").addEventListener("click", () => showPage(zoom.number + 1));
  $("zoom-size").addEventListener("click", () => showActualSize($("zoom-size").getAttribute("aria-pressed") !== "true"));
  $("zoom-dialog").addEventListener("keydown", (event) => {
    if (event.key === "ArrowLeft" || event.key === "PageUp") showPage(zoom.number - 1);
    else if (event.key === "ArrowRight" || event.key === "PageDown") showPage(zoom.number + 1);
    else return;
    event.preventDefault();
  });
  // The program changed while a page is open: the open page is drawn again from the new pages.
  $("pages").addEventListener("pages-drawn", () => {
    if ($("zoom-dialog").open) showPage(Math.min(zoom.number, pageCount()));
  });
}

function pageCount() {
  return $("pages").querySelectorAll("figure.page").length;
}

function showActualSize(actual) {
  $("zoom-size").setAttribute("aria-pressed", String(actual));
  $("zoom-view").classList.toggle("actual-size", actual);
}

// A phone's width shows a whole page too small to read: there it opens at the page's own size.
const READABLE_WIDTH_PX = 700;

function openPage(number) {
  showActualSize(window.innerWidth < READABLE_WIDTH_PX);
  $("zoom-dialog").showModal();
  $("zoom-close").focus();
  showPage(number);
}

async function showPage(number) {
  const total = pageCount();
  if (number < 1 || number > total) return;
  zoom.number = number;
  const asked = ++zoom.asked;
  $("zoom-title").textContent = `Page ${number} of ${total}`;
  $("zoom-previous").disabled = number === 1;
  $("zoom-next").disabled = number === total;
  $("zoom-message").textContent = "Drawing the page large…";
  const image = $("zoom-image");
  // the preview's own picture at once, the sharp one as soon as it comes
  image.src = $("pages").querySelector(`figure.page[data-number="${number}"] img`).src;
  image.alt = `Page ${number} of ${total} of the handout`;
  image.classList.add("stale");
  const response = await post(`/api/page?number=${number}`, state.program).catch((error) => error);
  if (asked !== zoom.asked) return; // another page was asked for since
  if (response instanceof Error || !response.ok) {
    const why = response instanceof Error ? response.message : await errorOf(response);
    $("zoom-message").textContent = `The page cannot be drawn large: ${why}`;
    return;
  }
  const answer = await response.json();
  if (asked !== zoom.asked) return;
  image.src = answer.image;
  image.classList.remove("stale");
  $("zoom-message").textContent = "";
}
