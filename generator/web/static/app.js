// The page of `worksheet serve`: a library to pick from, the program being built, and a live preview.
// Plain DOM code, no framework: every piece of user text goes in through textContent or a value, never markup.
"use strict";

(function () {
  const TOKEN = document.querySelector('meta[name="token"]').content;
  const PREVIEW_DELAY_MS = 250;

  const $ = (id) => document.getElementById(id);

  // State: the choices and library from the server, and the program (the contract's Program JSON).
  const state = {
    choices: null,
    library: [],
    byId: new Map(),
    program: null,
    problems: [],
    previewSeq: 0,
    previewAbort: null,
    previewTimer: null,
    dragIndex: null,
  };

  function newProgram() {
    const layouts = state.choices ? state.choices.layouts : [];
    const standard = layouts.find((l) => l.id === "standard");
    return {
      path: null,
      title: "Your home exercise program",
      subtitle: "",
      intro: "",
      stop_if: [],
      log_weeks: null,
      layout: standard ? standard.id : (layouts[0] ? layouts[0].id : "standard"),
      language: null,
      exercises: [],
      options: { paper: null, second_language: null, client: null, date: null, clinician: null, note: null },
    };
  }

  // ---------- small DOM helpers ----------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (value === true) node.setAttribute(key, "");
      else node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function fillSelect(select, options, emptyLabel) {
    const current = select.value;
    select.replaceChildren();
    if (emptyLabel !== null && emptyLabel !== undefined) select.append(el("option", { value: "", text: emptyLabel }));
    for (const [value, label] of options) select.append(el("option", { value: value, text: label }));
    select.value = current;
  }

  let statusTimer = null;

  function setStatus(message, kind) {
    const status = $("status");
    status.textContent = message;
    status.dataset.kind = kind || "info";
    window.clearTimeout(statusTimer);
    if (kind === "ok") statusTimer = window.setTimeout(() => { status.textContent = ""; }, 8000);
  }

  function announce(message) {
    const region = $("announcer");
    region.textContent = "";
    // A fresh text node after clearing makes screen readers read a repeated message again.
    window.setTimeout(() => { region.textContent = message; }, 30);
  }

  function exerciseName(id) {
    const entry = state.byId.get(id);
    return entry ? entry.name : id;
  }

  // ---------- talking to the server ----------

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
    return body;
  }

  function post(url, body, signal) {
    const isForm = body instanceof FormData;
    return fetch(url, {
      method: "POST",
      headers: isForm ? { "X-Worksheet-Token": TOKEN }
        : { "X-Worksheet-Token": TOKEN, "Content-Type": "application/json" },
      body: isForm ? body : JSON.stringify(body),
      signal: signal,
    });
  }

  async function errorOf(response) {
    const body = await response.json().catch(() => null);
    if (body && body.error) return body.error;
    if (body && body.problems) return body.problems.map((p) => (typeof p === "string" ? p : p.text || p.message)).join("\n");
    return `The server answered ${response.status} ${response.statusText}.`;
  }

  function filenameOf(response, fallback) {
    const header = response.headers.get("Content-Disposition") || "";
    const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) return decodeURIComponent(star[1]);
    const plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  function downloadBlob(blob, filename) {
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: filename, class: "visually-hidden" });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  // ---------- library ----------

  function renderFilters() {
    const tags = new Set(), equipment = new Set(), regions = new Set();
    for (const ex of state.library) {
      (ex.tags || []).forEach((t) => tags.add(t));
      (ex.equipment || []).forEach((t) => equipment.add(t));
      (ex.regions || []).forEach((t) => regions.add(t));
    }
    const sorted = (set) => [...set].sort((a, b) => a.localeCompare(b)).map((v) => [v, v]);
    fillSelect($("filter-tag"), sorted(tags), "All tags");
    fillSelect($("filter-equipment"), sorted(equipment), "Any equipment");
    fillSelect($("filter-region"), sorted(regions), "All regions");
    const used = new Set(state.library.map((ex) => ex.position));
    const positions = state.choices.positions.filter((p) => used.has(p.id)).map((p) => [p.id, p.label]);
    fillSelect($("filter-position"), positions, "All positions");
  }

  function searchWords() {
    return $("search").value.toLowerCase().split(/\s+/).filter(Boolean);
  }

  // How many of the typed words an exercise answers in its name, tags, targets, body regions, position or
  // equipment: "neck pain" still finds the neck exercises, the best answers first.
  function searchScore(ex, words) {
    const haystack = [ex.name, ex.id, ex.position_label, ...(ex.tags || []), ...(ex.targets || []),
      ...(ex.regions || []), ...(ex.equipment || [])].join(" ").toLowerCase();
    return words.filter((w) => haystack.includes(w)).length;
  }

  function matches(ex, words) {
    if (words.length && searchScore(ex, words) === 0) return false;
    const tag = $("filter-tag").value, position = $("filter-position").value;
    const equipment = $("filter-equipment").value, region = $("filter-region").value;
    if (tag && !(ex.tags || []).includes(tag)) return false;
    if (position && ex.position !== position) return false;
    if (equipment && !(ex.equipment || []).includes(equipment)) return false;
    if (region && !(ex.regions || []).includes(region)) return false;
    return true;
  }

  function libraryCard(ex) {
    const inProgram = state.program.exercises.filter((e) => e.exercise === ex.id).length;
    const tags = el("ul", { class: "tags", "aria-label": "Tags" });
    for (const tag of ex.tags || []) tags.append(el("li", { text: tag }));
    const card = el("li", { class: "card", draggable: "true", "data-id": ex.id },
      el("img", { class: "thumb", src: ex.thumbnail, alt: "", loading: "lazy", width: 96, height: 96 }),
      el("div", { class: "card-body" },
        el("h3", { class: "card-name", text: ex.name }),
        el("p", { class: "card-meta" },
          el("span", { text: ex.position_label || ex.position })),
        (ex.equipment || []).length ? el("p", { class: "card-meta", text: `Needs ${ex.equipment.join(", ")}` }) : null,
        ex.summary ? el("p", { class: "card-summary", text: ex.summary }) : null,
        (ex.tags || []).length ? tags : null),
      el("div", { class: "card-actions" },
        el("button", {
          type: "button", class: "btn btn-add", "aria-label": `Add ${ex.name}`,
          onclick: () => addExercise(ex.id),
        }, el("span", { "aria-hidden": "true", text: "+ " }), "Add"),
        inProgram ? el("span", { class: "badge", text: inProgram > 1 ? `In program ×${inProgram}` : "In program" })
          : null));
    card.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("application/x-exercise", ex.id);
      event.dataTransfer.effectAllowed = "copy";
    });
    return card;
  }

  function renderLibrary() {
    const list = $("library-list");
    const words = searchWords();
    // Most typed words answered first; among equals, the library's order (the sort is stable).
    const shown = state.library.filter((ex) => matches(ex, words))
      .sort((a, b) => searchScore(b, words) - searchScore(a, words));
    // Re-drawing the cards must not drop the keyboard user's place: focus returns to the same card's button.
    const focusedCard = list.contains(document.activeElement) ? document.activeElement.closest(".card") : null;
    list.replaceChildren(...shown.map(libraryCard));
    if (focusedCard) {
      const again = list.querySelector(`.card[data-id="${CSS.escape(focusedCard.dataset.id)}"] .btn-add`);
      if (again) again.focus();
    }
    $("library-empty").hidden = shown.length > 0;
    const total = state.library.length;
    $("library-count").textContent = shown.length === total ? `${total} exercises`
      : `${shown.length} of ${total} exercises`;
  }

  // ---------- program: exercises ----------

  function addExercise(id, at) {
    const entry = { exercise: id, dosage: {}, note: null, variation: null };
    for (const field of doseFieldIds()) entry.dosage[field] = null;
    const list = state.program.exercises;
    const index = at === undefined ? list.length : at;
    list.splice(index, 0, entry);
    renderProgram();
    renderLibrary();
    announce(`${exerciseName(id)} added, number ${index + 1} of ${list.length}.`);
    schedulePreview();
  }

  function removeExercise(index) {
    const [gone] = state.program.exercises.splice(index, 1);
    renderProgram();
    renderLibrary();
    announce(`${exerciseName(gone.exercise)} removed. ${state.program.exercises.length} left.`);
    const items = $("program-list").children;
    if (items.length) items[Math.min(index, items.length - 1)].querySelector(".btn-remove").focus();
    else $("search").focus();
    schedulePreview();
  }

  function moveExercise(from, to, focusClass) {
    const list = state.program.exercises;
    if (to < 0 || to >= list.length || from === to) return;
    const [item] = list.splice(from, 1);
    list.splice(to, 0, item);
    renderProgram();
    announce(`${exerciseName(item.exercise)} moved to number ${to + 1} of ${list.length}.`);
    if (focusClass) {
      const moved = $("program-list").children[to];
      let target = moved.querySelector(focusClass);
      if (!target || target.disabled) target = moved.querySelector(".btn-up:not([disabled]), .btn-down:not([disabled])");
      if (target) target.focus();
    }
    schedulePreview();
  }

  function doseFieldIds() {
    const ids = state.choices.dose_fields.map((f) => f.id);
    if (!ids.includes("side")) ids.push("side");
    return ids;
  }

  function doseInput(index, entry, field, libraryDose, name) {
    const id = `ex-${index}-${field.id}`;
    const value = entry.dosage[field.id];
    const fallback = libraryDose[field.id];
    const paths = `exercises[${index}].dosage.${field.id}`;
    let control;
    if (field.id === "side") {
      control = el("select", { id: id, "data-field": paths });
      const sideLabel = "Default";
      control.append(el("option", { value: "", text: sideLabel }));
      for (const side of state.choices.sides) {
        const sideId = typeof side === "string" ? side : side.id;
        const label = typeof side === "string" ? side : side.label;
        control.append(el("option", { value: sideId, text: label }));
      }
      control.value = value || "";
    } else {
      control = el("input", {
        id: id, type: "text", inputmode: "numeric", "data-field": paths, autocomplete: "off",
        placeholder: fallback === null || fallback === undefined ? "—" : String(fallback),
      });
      control.value = value === null || value === undefined ? "" : String(value);
    }
    control.setAttribute("aria-label", `${field.label} for ${name}${field.unit ? ` (${field.unit})` : ""}`);
    control.addEventListener(field.id === "side" ? "change" : "input", () => {
      entry.dosage[field.id] = field.id === "side" ? (control.value || null) : numberOrText(control.value);
      schedulePreview();
    });
    const unit = field.unit ? el("span", { class: "unit", "aria-hidden": "true", text: field.unit }) : null;
    return el("div", { class: "dose-field" },
      el("label", { for: id, class: "label-small", text: field.label }),
      el("div", { class: "dose-input" }, control, unit));
  }

  function numberOrText(text) {
    const trimmed = text.trim();
    if (trimmed === "") return null;
    return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
  }

  function programItem(entry, index, count) {
    const ex = state.byId.get(entry.exercise);
    const name = exerciseName(entry.exercise);
    const libraryDose = ex && ex.dosage ? ex.dosage : {};
    const item = el("li", {
      class: "item", draggable: "true", "data-index": index,
      "data-field": `exercises[${index}] exercises[${index}].exercise`,
    });
    const head = el("div", { class: "item-head" },
      el("span", { class: "grip", "aria-hidden": "true", title: "Drag to reorder" }),
      el("span", { class: "item-number", "aria-hidden": "true", text: String(index + 1) }),
      ex ? el("img", { class: "item-thumb", src: ex.thumbnail, alt: "", width: 48, height: 48 }) : null,
      el("div", { class: "item-title" },
        el("h3", { text: name }),
        ex ? el("p", { class: "card-meta", text: ex.position_label || ex.position }) : null),
      el("div", { class: "item-actions" },
        el("button", {
          type: "button", class: "icon-btn btn-up", "aria-label": `Move ${name} up`, title: "Move up",
          disabled: index === 0, onclick: () => moveExercise(index, index - 1, ".btn-up"),
        }, el("span", { "aria-hidden": "true", text: "↑" })),
        el("button", {
          type: "button", class: "icon-btn btn-down", "aria-label": `Move ${name} down`, title: "Move down",
          disabled: index === count - 1, onclick: () => moveExercise(index, index + 1, ".btn-down"),
        }, el("span", { "aria-hidden": "true", text: "↓" })),
        el("button", {
          type: "button", class: "icon-btn btn-remove", "aria-label": `Remove ${name}`, title: "Remove",
          onclick: () => removeExercise(index),
        }, el("span", { "aria-hidden": "true", text: "×" }))));

    const dose = el("div", { class: "dose", role: "group", "aria-label": `Dose for ${name}` });
    const fields = state.choices.dose_fields.slice();
    if (!fields.some((f) => f.id === "side")) fields.push({ id: "side", label: "Side", unit: "" });
    for (const field of fields) dose.append(doseInput(index, entry, field, libraryDose, name));

    const noteId = `ex-${index}-note`;
    const note = el("textarea", { id: noteId, rows: 1, "data-field": `exercises[${index}].note` });
    note.value = entry.note || "";
    note.addEventListener("input", () => { entry.note = note.value || null; schedulePreview(); });

    const variationId = `ex-${index}-variation`;
    const variation = el("select", { id: variationId, "data-field": `exercises[${index}].variation` },
      el("option", { value: "", text: "The exercise itself" }));
    for (const v of (ex && ex.variations) || []) {
      const level = v.level.charAt(0).toUpperCase() + v.level.slice(1);
      variation.append(el("option", { value: v.level, text: `${level}: ${v.label}` }));
    }
    variation.value = entry.variation || "";
    variation.addEventListener("change", () => { entry.variation = variation.value || null; schedulePreview(); });

    item.append(head, dose,
      el("div", { class: "item-extra" },
        el("label", { class: "field", for: noteId },
          el("span", { class: "label-small" }, "Note", el("span", { class: "visually-hidden", text: ` on ${name}` })), note),
        el("label", { class: "field", for: variationId },
          el("span", { class: "label-small" }, "Version to print",
            el("span", { class: "visually-hidden", text: ` of ${name}` })), variation)));
    if (!ex) item.append(el("p", { class: "field-problem", text: `'${entry.exercise}' is not in the library.` }));

    item.addEventListener("keydown", (event) => {
      if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
      event.preventDefault();
      const up = event.key === "ArrowUp";
      moveExercise(index, up ? index - 1 : index + 1, up ? ".btn-up" : ".btn-down");
    });
    item.addEventListener("dragstart", (event) => {
      if (event.target !== item) return;
      state.dragIndex = index;
      item.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("application/x-program-index", String(index));
    });
    item.addEventListener("dragend", () => {
      item.classList.remove("dragging");
      state.dragIndex = null;
      clearDropMarks();
    });
    // Text fields inside a draggable item should select text, not start a drag.
    for (const field of item.querySelectorAll("input, textarea, select")) {
      field.addEventListener("mousedown", () => { item.draggable = false; });
      field.addEventListener("mouseup", () => { item.draggable = true; });
      field.addEventListener("blur", () => { item.draggable = true; });
    }
    return item;
  }

  function clearDropMarks() {
    for (const node of $("program-list").querySelectorAll(".drop-before, .drop-after")) {
      node.classList.remove("drop-before", "drop-after");
    }
    $("program-list").classList.remove("drop-target");
  }

  function dropIndex(event) {
    const items = [...$("program-list").children];
    for (let i = 0; i < items.length; i += 1) {
      const box = items[i].getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) return i;
    }
    return items.length;
  }

  function setUpDropZone() {
    const list = $("program-list");
    const zones = [list, $("program-empty")];
    for (const zone of zones) {
      zone.addEventListener("dragover", (event) => {
        const types = event.dataTransfer.types;
        if (!types.includes("application/x-exercise") && !types.includes("application/x-program-index")) return;
        event.preventDefault();
        clearDropMarks();
        list.classList.add("drop-target");
        const at = dropIndex(event);
        const items = list.children;
        if (at < items.length) items[at].classList.add("drop-before");
        else if (items.length) items[items.length - 1].classList.add("drop-after");
      });
      zone.addEventListener("dragleave", (event) => {
        if (!zone.contains(event.relatedTarget)) clearDropMarks();
      });
      zone.addEventListener("drop", (event) => {
        event.preventDefault();
        const at = dropIndex(event);
        clearDropMarks();
        const fromLibrary = event.dataTransfer.getData("application/x-exercise");
        if (fromLibrary) { addExercise(fromLibrary, at); return; }
        const from = state.dragIndex;
        if (from === null) return;
        moveExercise(from, at > from ? at - 1 : at, null);
      });
    }
  }

  function renderProgram() {
    const list = $("program-list");
    const exercises = state.program.exercises;
    list.replaceChildren(...exercises.map((entry, i) => programItem(entry, i, exercises.length)));
    $("program-empty").hidden = exercises.length > 0;
    list.hidden = exercises.length === 0;
    $("reorder-hint").hidden = exercises.length < 2;
    $("program-count").textContent = exercises.length === 1 ? "1 exercise" : `${exercises.length} exercises`;
    markProblems();
  }

  // ---------- program: handout, print and client fields ----------

  const SIMPLE_FIELDS = [
    ["title", () => state.program, "title", "text"],
    ["subtitle", () => state.program, "subtitle", "text"],
    ["intro", () => state.program, "intro", "text"],
    ["stop-if", () => state.program, "stop_if", "lines"],
    ["log-weeks", () => state.program, "log_weeks", "number"],
    ["layout", () => state.program, "layout", "choice"],
    ["language", () => state.program, "language", "choice"],
    ["paper", () => state.program.options, "paper", "choice"],
    ["second-language", () => state.program.options, "second_language", "choice"],
    ["client", () => state.program.options, "client", "text"],
    ["date", () => state.program.options, "date", "choice"],
    ["clinician", () => state.program.options, "clinician", "text"],
    ["client-note", () => state.program.options, "note", "text"],
  ];

  function renderFields() {
    for (const [id, owner, key, kind] of SIMPLE_FIELDS) {
      const value = owner()[key];
      if (kind === "lines") $(id).value = (value || []).join("\n");
      else $(id).value = value === null || value === undefined ? "" : String(value);
    }
    describeLayout();
    const path = state.program.path;
    $("program-path").textContent = path ? `Worksheet ${path}` : "New program, not saved yet";
  }

  function bindFields() {
    for (const [id, owner, key, kind] of SIMPLE_FIELDS) {
      const node = $(id);
      node.addEventListener(node.tagName === "SELECT" ? "change" : "input", () => {
        const raw = node.value;
        let value;
        if (kind === "lines") value = raw.split("\n").map((s) => s.trim()).filter(Boolean);
        else if (kind === "number") value = numberOrText(raw);
        else if (kind === "text") value = raw.trim() === "" ? (owner() === state.program ? "" : null) : raw;
        else value = raw || null;
        owner()[key] = value;
        if (id === "layout") describeLayout();
        schedulePreview();
      });
    }
  }

  function describeLayout() {
    const layout = state.choices.layouts.find((l) => l.id === state.program.layout);
    $("layout-description").textContent = layout && layout.description ? layout.description : "";
  }

  function renderChoices() {
    const c = state.choices;
    fillSelect($("layout"), c.layouts.map((l) => [l.id, l.name || l.id]), null);
    fillSelect($("paper"), c.papers.map((p) => (typeof p === "string" ? [p, p] : [p.id, p.label || p.id])),
      "Layout's paper");
    const languages = c.languages.map((l) => [l.code, l.name]);
    fillSelect($("language"), languages, "Worksheet's own");
    fillSelect($("second-language"), languages, "None");
  }

  // ---------- preview and problems ----------

  function schedulePreview() {
    window.clearTimeout(state.previewTimer);
    state.previewTimer = window.setTimeout(runPreview, PREVIEW_DELAY_MS);
  }

  async function runPreview() {
    const seq = ++state.previewSeq;
    if (state.previewAbort) state.previewAbort.abort();
    if (state.program.exercises.length === 0) {
      state.previewAbort = null;
      showPreview({ ok: true, pages: 0, images: [], problems: [], warnings: [] });
      return;
    }
    const controller = new AbortController();
    state.previewAbort = controller;
    $("preview-state").textContent = "Updating…";
    $("pages").classList.add("stale");
    let result;
    try {
      const response = await post("/api/preview", state.program, controller.signal);
      if (!response.ok) {
        const message = await errorOf(response);
        result = { ok: false, pages: 0, images: [], problems: [{ field: null, message: message, text: message }] };
      } else {
        result = await response.json();
      }
    } catch (error) {
      if (error.name === "AbortError") return;
      result = { ok: false, pages: 0, images: [], problems: [{ field: null, text: `No preview: ${error.message}` }] };
    }
    if (seq !== state.previewSeq) return; // a later change asked again; its answer wins
    state.previewAbort = null;
    showPreview(result);
  }

  function showPreview(result) {
    const pages = $("pages");
    pages.classList.remove("stale");
    const images = result.images || [];
    const empty = state.program.exercises.length === 0;
    $("preview-empty").hidden = !empty;
    if (images.length || empty) {
      const total = images.length;
      pages.replaceChildren(...images.map((src, i) => el("figure", { class: "page" },
        el("img", { src: src, alt: `Page ${i + 1} of ${total} of the handout` }),
        el("figcaption", { text: `Page ${i + 1} of ${total}` }))));
    }
    pages.dataset.pages = String(images.length);
    state.problems = result.problems || [];
    const count = result.pages || images.length;
    $("preview-state").textContent = empty ? "" : (state.problems.length
      ? `${state.problems.length} problem${state.problems.length === 1 ? "" : "s"} to fix`
      : `${count} page${count === 1 ? "" : "s"}`);
    renderProblemList($("problems"), $("problem-list"), state.problems, true);
    renderProblemList($("warnings"), $("warning-list"), result.warnings || [], false);
    markProblems();
  }

  function problemText(problem) {
    return typeof problem === "string" ? problem : (problem.text || problem.message || "");
  }

  function renderProblemList(box, list, problems, linkToField) {
    list.replaceChildren(...problems.map((problem) => {
      const target = linkToField ? controlFor(problem.field) : null;
      const text = problemText(problem);
      if (!target) return el("li", { text: text });
      return el("li", {}, el("a", {
        href: `#${target.id}`, text: text,
        onclick: (event) => { event.preventDefault(); target.focus(); target.scrollIntoView({ block: "center" }); },
      }));
    }));
    box.hidden = problems.length === 0;
  }

  // The control a problem's field path belongs to: the longest registered prefix of the path wins, so
  // `exercises[1].dosage.hold_seconds` finds its input and `exercises[1].steps[2]` finds the exercise.
  function controlFor(field) {
    if (!field) return null;
    const registry = new Map();
    for (const node of document.querySelectorAll("[data-field]")) {
      for (const key of node.dataset.field.split(" ")) if (!registry.has(key)) registry.set(key, node);
    }
    let path = field;
    while (path) {
      const found = registry.get(path);
      if (found) {
        if (found.tagName === "LI") return found.querySelector("h3") ? found : null;
        return found;
      }
      const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
      if (cut <= 0) break;
      path = path.slice(0, cut);
    }
    return null;
  }

  function markProblems() {
    for (const node of document.querySelectorAll(".field-problem[data-for]")) node.remove();
    for (const node of document.querySelectorAll("[aria-invalid]")) {
      node.removeAttribute("aria-invalid");
      const described = (node.getAttribute("aria-describedby") || "").split(" ")
        .filter((id) => id && !id.startsWith("problem-"));
      if (described.length) node.setAttribute("aria-describedby", described.join(" "));
      else node.removeAttribute("aria-describedby");
    }
    state.problems.forEach((problem, i) => {
      let target = controlFor(problem.field);
      if (!target) return;
      const id = `problem-${i}`;
      const message = el("p", { class: "field-problem", id: id, "data-for": target.id || "", text: problemText(problem) });
      if (target.tagName === "LI") {
        target.querySelector(".item-head").after(message);
        target = target.querySelector(".btn-remove");
      } else {
        const holder = target.closest(".dose-field") || target.closest(".field") || target;
        holder.after(message);
      }
      target.setAttribute("aria-invalid", "true");
      const described = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      target.setAttribute("aria-describedby", [...described, id].join(" "));
    });
  }

  // ---------- output: PDF, print, save, open, batch ----------

  async function fetchPdf() {
    const response = await post("/api/pdf", state.program);
    if (!response.ok) throw new Error(await errorOf(response));
    return { blob: await response.blob(), filename: filenameOf(response, "handout.pdf") };
  }

  function needsExercises() {
    if (state.program.exercises.length) return false;
    setStatus("Add at least one exercise first.", "error");
    $("search").focus();
    return true;
  }

  async function downloadPdf() {
    if (needsExercises()) return;
    setStatus("Building the PDF…");
    try {
      const { blob, filename } = await fetchPdf();
      downloadBlob(blob, filename);
      setStatus(`Downloaded ${filename}.`, "ok");
    } catch (error) {
      setStatus(`The PDF was not built: ${error.message}`, "error");
    }
  }

  async function printPdf() {
    if (needsExercises()) return;
    setStatus("Preparing to print…");
    try {
      const { blob } = await fetchPdf();
      const url = URL.createObjectURL(blob);
      const frame = $("print-frame");
      frame.onload = () => {
        try {
          frame.contentWindow.focus();
          frame.contentWindow.print();
        } catch (error) {
          window.open(url, "_blank", "noopener");
        }
      };
      frame.src = url;
      setStatus("The print dialog opens with the handout.", "ok");
    } catch (error) {
      setStatus(`Nothing to print: ${error.message}`, "error");
    }
  }

  function slug(text) {
    const base = (text || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return base || "my-program";
  }

  function openSaveDialog() {
    if (needsExercises()) return;
    $("save-path").value = state.program.path || `worksheets/${slug(state.program.title)}.yaml`;
    $("save-message").textContent = "";
    $("save-replace").hidden = true;
    $("save-confirm").hidden = false;
    $("save-dialog").showModal();
    $("save-path").focus();
  }

  async function save(replace) {
    const path = $("save-path").value.trim();
    const message = $("save-message");
    message.textContent = "Saving…";
    try {
      const response = await post("/api/save", { program: state.program, path: path, replace: replace });
      if (response.status === 409) {
        const body = await response.json().catch(() => ({}));
        message.textContent = body.confirm || `${path} exists; replace it?`;
        $("save-confirm").hidden = true;
        $("save-replace").hidden = false;
        $("save-replace").focus();
        return;
      }
      if (!response.ok) { message.textContent = await errorOf(response); return; }
      const body = await response.json();
      state.program.path = body.saved || path;
      renderFields();
      $("save-dialog").close();
      setStatus(`Saved ${state.program.path}.`, "ok");
    } catch (error) {
      message.textContent = `Not saved: ${error.message}`;
    }
  }

  async function openOpenDialog() {
    const list = $("worksheet-list");
    list.replaceChildren();
    $("open-message").textContent = "Loading the worksheets…";
    $("open-dialog").showModal();
    try {
      const body = await getJSON("/api/worksheets");
      $("open-message").textContent = body.worksheets.length ? "" : "This project has no worksheets yet.";
      list.replaceChildren(...body.worksheets.map((w) => el("li", {},
        el("button", {
          type: "button", class: "worksheet-choice", "aria-label": `Open ${w.title || w.path}`,
          onclick: () => openWorksheet(w.path),
        }, el("span", { class: "worksheet-title", text: w.title || w.path }),
        el("span", { class: "worksheet-path", text: w.path })))));
      const first = list.querySelector("button");
      if (first) first.focus();
    } catch (error) {
      $("open-message").textContent = `The worksheets could not be listed: ${error.message}`;
    }
  }

  async function openWorksheet(path) {
    try {
      const body = await getJSON(`/api/worksheet?path=${encodeURIComponent(path)}`);
      const program = Object.assign(newProgram(), body.program);
      program.options = Object.assign(newProgram().options, body.program.options || {});
      program.path = body.program.path || path;
      for (const entry of program.exercises) {
        entry.dosage = entry.dosage || {};
        for (const field of doseFieldIds()) if (!(field in entry.dosage)) entry.dosage[field] = null;
      }
      state.program = program;
      state.problems = [];
      $("open-dialog").close();
      renderFields();
      renderProgram();
      renderLibrary();
      setStatus(`Opened ${program.path}.`, "ok");
      $("program-heading").focus();
      schedulePreview();
    } catch (error) {
      $("open-message").textContent = `Not opened: ${error.message}`;
    }
  }

  function openBatchDialog() {
    if (needsExercises()) return;
    // The server builds each client's handout from the saved worksheet's place, so an unsaved program is
    // saved first.
    const unsaved = !state.program.path;
    $("batch-build").disabled = unsaved;
    $("batch-file").disabled = unsaved;
    $("batch-message").textContent = unsaved ? "Save the program as a worksheet first; the handouts are built from it." : "";
    $("batch-problems").hidden = true;
    $("batch-summary").hidden = true;
    $("batch-dialog").showModal();
    $("batch-file").focus();
  }

  async function runBatch() {
    const file = $("batch-file").files[0];
    const message = $("batch-message");
    $("batch-problems").hidden = true;
    $("batch-summary").hidden = true;
    if (!file) { message.textContent = "Choose a clients CSV file first."; $("batch-file").focus(); return; }
    const form = new FormData();
    form.append("program", JSON.stringify(state.program));
    form.append("clients", file, file.name);
    message.textContent = "Building the handouts…";
    try {
      const response = await post("/api/batch", form);
      if (response.status === 422) {
        const body = await response.json().catch(() => ({}));
        message.textContent = "Some rows need fixing; nothing was built.";
        const list = $("batch-problems");
        list.replaceChildren(...(body.problems || []).map((p) => el("li", { text: problemText(p) })));
        list.hidden = false;
        return;
      }
      if (!response.ok) { message.textContent = await errorOf(response); return; }
      const blob = await response.blob();
      const filename = filenameOf(response, "handouts.zip");
      downloadBlob(blob, filename);
      message.textContent = `Downloaded ${filename}.`;
      const summary = await readZipEntry(blob, "summary.txt").catch(() => null);
      if (summary) {
        $("batch-summary").textContent = summary;
        $("batch-summary").hidden = false;
      }
    } catch (error) {
      message.textContent = `Not built: ${error.message}`;
    }
  }

  // Reads one file out of a zip in the browser (stored or deflated), for the batch summary.
  async function readZipEntry(blob, wanted) {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const view = new DataView(bytes.buffer);
    let end = bytes.length - 22;
    while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
    if (end < 0) return null;
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < entries; i += 1) {
      const method = view.getUint16(at + 10, true);
      const size = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true), comment = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (name === wanted || name.endsWith(`/${wanted}`)) {
        const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        const data = bytes.subarray(start, start + size);
        if (method === 0) return new TextDecoder().decode(data);
        if (method !== 8) return null;
        const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
        return await new Response(stream).text();
      }
      at += 46 + nameLength + extra + comment;
    }
    return null;
  }

  // ---------- start ----------

  function bindStatic() {
    for (const id of ["search", "filter-tag", "filter-position", "filter-equipment", "filter-region"]) {
      $(id).addEventListener(id === "search" ? "input" : "change", renderLibrary);
    }
    $("clear-filters").addEventListener("click", () => {
      for (const id of ["search", "filter-tag", "filter-position", "filter-equipment", "filter-region"]) $(id).value = "";
      renderLibrary();
      $("search").focus();
    });
    $("pdf-button").addEventListener("click", downloadPdf);
    $("print-button").addEventListener("click", printPdf);
    $("save-button").addEventListener("click", openSaveDialog);
    $("save-confirm").addEventListener("click", () => save(false));
    $("save-replace").addEventListener("click", () => save(true));
    $("save-path").addEventListener("input", () => {
      $("save-replace").hidden = true;
      $("save-confirm").hidden = false;
      $("save-message").textContent = "";
    });
    $("save-form").addEventListener("submit", (event) => {
      if (event.submitter && event.submitter.value === "cancel") return;
      event.preventDefault();
      save(false);
    });
    $("open-button").addEventListener("click", openOpenDialog);
    $("batch-button").addEventListener("click", openBatchDialog);
    $("batch-build").addEventListener("click", runBatch);
    setUpDropZone();
    bindFields();
  }

  async function start() {
    setStatus("Loading the library…");
    try {
      const [choices, library] = await Promise.all([getJSON("/api/choices"), getJSON("/api/library")]);
      state.choices = choices;
      state.library = library.exercises;
      state.byId = new Map(library.exercises.map((ex) => [ex.id, ex]));
      const problems = library.problems || [];
      const box = $("library-problems");
      box.replaceChildren(...problems.map((p) => el("li", { text: problemText(p) })));
      box.hidden = problems.length === 0;
    } catch (error) {
      setStatus(`The library could not be loaded: ${error.message}`, "error");
      return;
    }
    state.program = newProgram();
    renderChoices();
    renderFilters();
    renderFields();
    renderProgram();
    renderLibrary();
    setStatus("");
    document.body.dataset.ready = "true";
  }

  bindStatic();
  start();
})();
