// Talking to `worksheet serve`: JSON reads, token-carrying POSTs, and files handed to the user.

import { el } from "./dom.js";

const TOKEN = document.querySelector('meta[name="token"]').content;

export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

export function post(url, body, signal) {
  const isForm = body instanceof FormData;
  return fetch(url, {
    method: "POST",
    headers: isForm ? { "X-Worksheet-Token": TOKEN }
      : { "X-Worksheet-Token": TOKEN, "Content-Type": "application/json" },
    body: isForm ? body : JSON.stringify(body),
    signal: signal,
  });
}

export async function errorOf(response) {
  const body = await response.json().catch(() => null);
  if (body && body.error) return body.error;
  if (body && body.problems) return body.problems.map((p) => (typeof p === "string" ? p : p.text || p.message)).join("\n");
  return `The server answered ${response.status} ${response.statusText}.`;
}

export function filenameOf(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: filename, class: "visually-hidden" });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60000);
}
