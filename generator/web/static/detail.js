// An exercise's detail view: its picture large, its steps, dose, cautions, tips and variations, in the program's
// language where the library has them, with Add in it.

import { $, el } from "./dom.js";
import { addExercise } from "./edits.js";
import { getJSON } from "./server.js";
import { state } from "./store.js";

const detail = { id: null, opener: null };

export function bindDetail() {
  $("detail-add").addEventListener("click", () => {
    addExercise(detail.id);
    $("detail-dialog").close();
  });
  // Focus goes back to the card's Details button, drawn again if adding redrew the list.
  $("detail-dialog").addEventListener("close", () => {
    const again = detail.opener && detail.opener.isConnected ? detail.opener
      : document.querySelector(`#library-list .card[data-id="${CSS.escape(detail.id)}"] .btn-details`);
    if (again) again.focus();
  });
}

export async function openDetail(id, opener) {
  detail.id = id;
  detail.opener = opener;
  const listed = state.byId.get(id);
  $("detail-title").textContent = listed ? listed.name : id;
  $("detail-content").replaceChildren(el("p", { class: "hint", text: "Loading…" }));
  $("detail-add").setAttribute("aria-label", `Add ${listed ? listed.name : id} to the program`);
  $("detail-dialog").showModal();
  const language = state.program.language || "en";
  try {
    const shown = await getJSON(`/api/exercise?id=${encodeURIComponent(id)}&language=${encodeURIComponent(language)}`);
    if (detail.id !== id) return;
    $("detail-title").textContent = shown.name;
    $("detail-content").replaceChildren(...detailParts(shown));
  } catch (error) {
    $("detail-content").replaceChildren(el("p", { class: "message", text: `Not loaded: ${error.message}` }));
  }
}

function detailParts(shown) {
  const facts = [`${shown.labels.position}: ${shown.position}`];
  if (shown.equipment.length) facts.push(`${shown.labels.equipment}: ${shown.equipment.join(", ")}`);
  const list = (tag, items, attrs) => el(tag, attrs || {}, ...items.map((text) => el("li", { text: text })));
  return [
    el("img", { class: "detail-picture", src: shown.picture, alt: `Picture of ${shown.name}` }),
    el("div", { class: "detail-text", lang: shown.language },
      shown.summary ? el("p", { class: "detail-summary", text: shown.summary }) : null,
      el("p", { class: "detail-facts", text: facts.join(" · ") }),
      list("ol", shown.steps, { class: "detail-steps" }),
      shown.dose ? el("p", { class: "detail-dose", text: shown.dose }) : null,
      shown.cautions.length ? el("div", { class: "detail-cautions" },
        el("h3", { text: shown.labels.cautions }), list("ul", shown.cautions)) : null,
      ...shown.tips.map((tip) => el("p", { class: "detail-tip" }, el("strong", { text: `${shown.labels.tips}: ` }), tip)),
      ...shown.variations.map((v) => el("p", { class: "detail-variation" },
        el("strong", { text: `${v.label}: ` }), v.text))),
  ];
}
