// Small DOM helpers. Every piece of user text goes in through textContent or a value, never markup.

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs, ...children) {
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

export function fillSelect(select, options, emptyLabel) {
  const current = select.value;
  select.replaceChildren();
  if (emptyLabel !== null && emptyLabel !== undefined) select.append(el("option", { value: "", text: emptyLabel }));
  for (const [value, label] of options) select.append(el("option", { value: value, text: label }));
  select.value = current;
}

let statusTimer = null;

export function setStatus(message, kind) {
  const status = $("status");
  status.textContent = message;
  status.dataset.kind = kind || "info";
  window.clearTimeout(statusTimer);
  if (kind === "ok") statusTimer = window.setTimeout(() => { status.textContent = ""; }, 8000);
}

export function announce(message) {
  const region = $("announcer");
  region.textContent = "";
  // A fresh text node after clearing makes screen readers read a repeated message again.
  window.setTimeout(() => { region.textContent = message; }, 30);
}
