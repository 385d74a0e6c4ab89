// Reel studio: draws the storyboard, a shot and the film from /api, and listens to
// /api/events for progress. No framework; every page is rebuilt from JSON on change.
"use strict";

const view = document.getElementById("view");
const state = { film: null, shots: [], shot: null, selectedTake: null, pendingVary: null, boardIndex: 0, jobs: {} };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options = {}) {
  const init = { method: options.method || "GET", headers: {}, credentials: "same-origin" };
  if (options.body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch("/api" + path, init);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((data && data.error && data.error.message) || response.statusText);
    error.detail = data && data.error;
    throw error;
  }
  return data;
}

function toast(message, bad = false) {
  const node = document.getElementById("toast");
  node.textContent = message;
  node.className = "toast show" + (bad ? " bad" : "");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (node.className = "toast"), bad ? 6000 : 2500);
}

const blob = (hash) => "/api/blobs/" + hash;
const seconds = (value) => value.toFixed(1) + "s";
const usd = (value) => (value === 0 ? "$0" : "$" + value.toFixed(3));
const stateClass = (value) => value.replace(/\s+/g, "-");
const kindLabel = (kind) => ({ generate: "generate", reroll: "reroll", "vary-subtle": "vary (subtle)", "vary-strong": "vary (strong)", "from-image": "from image" })[kind] || kind;

function setAspect(film) {
  if (!film) return;
  const [w, h] = film.aspect.split(":");
  document.documentElement.style.setProperty("--aspect", `${w}/${h}`);
}

// ---- routing ----------------------------------------------------------------------------

function route() {
  const path = location.pathname;
  for (const link of document.querySelectorAll("nav a")) {
    const on = (link.dataset.nav === "board" && path === "/") || (link.dataset.nav === "film" && path === "/film")
      || (link.dataset.nav === "cast" && (path === "/cast" || path.startsWith("/shots/%40") || path.startsWith("/shots/@")));
    link.classList.toggle("on", on);
  }
  state.pendingVary = null;
  if (path.startsWith("/shots/")) return showShot(decodeURIComponent(path.slice("/shots/".length)));
  if (path === "/film") return showFilm();
  if (path === "/cast") return showCast();
  return showBoard();
}

function go(path) {
  history.pushState(null, "", path);
  route();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='/']");
  if (!link || event.metaKey || event.ctrlKey || link.target) return;
  const href = link.getAttribute("href");
  if (href.startsWith("/api/")) return;
  event.preventDefault();
  go(href);
});
window.addEventListener("popstate", route);

function failed(error) {
  view.replaceChildren(el("div", { class: "empty" }, el("h1", {}, "Something is wrong"), el("p", {}, error.message),
    error.detail && error.detail.diagnostics ? el("pre", { class: "diag" }, diagnosticsText(error.detail)) : null));
}

function diagnosticsText(detail) {
  return (detail.diagnostics || []).map((d) => `${d.location ? d.location.line + ":" + d.location.column + ": " : ""}${d.severity}: ${d.message}`).join("\n");
}

// ---- storyboard ---------------------------------------------------------------------------

async function showBoard() {
  try {
    const [film, shots, plan] = await Promise.all([api("/film"), api("/shots"), api("/plan")]);
    state.film = film;
    state.shots = shots;
    setAspect(film);
    document.title = film.title + " · Reel";
    state.boardIndex = Math.min(state.boardIndex, shots.length - 1);
    const cards = shots.map((shot, index) =>
      el("a", { class: "card" + (index === state.boardIndex ? " sel" : ""), href: "/shots/" + encodeURIComponent(shot.id), dataset: { shot: shot.id } },
        el("div", { class: "frame" }, shot.pickBlob ? el("img", { src: blob(shot.pickBlob), alt: "pick of " + shot.id, loading: "lazy" }) : el("span", {}, "no pick yet")),
        el("div", { class: "meta" },
          el("div", { class: "row" }, el("span", { class: "num" }, String(shot.number).padStart(2, "0")), el("span", { class: "id" }, shot.id),
            el("span", { class: "tag" }, [shot.framing, seconds(shot.duration)].filter(Boolean).join(" · ")),
            el("span", { class: "pill " + stateClass(shot.state), title: shot.failure || "" }, shot.state)),
          shot.failure ? el("div", { class: "failure" }, shot.failure) : null,
          el("div", { class: "prompt" }, shot.prompt))));
    view.replaceChildren(
      el("div", { class: "shot-head" }, el("h1", {}, film.title),
        el("div", { class: "nav" },
          el("span", { class: "muted", title: plan.steps.filter((s) => s.reason).map((s) => s.id + ": " + s.reason.text).join("\n") },
            plan.toRun ? `next make: ${plan.toRun} steps, ${plan.summary}` : "up to date"),
          el("button", { class: "primary", onclick: makeFilm }, "Make film"))),
      el("div", { class: "sub" }, `${film.shots} shots · ${film.picked} picked · ${seconds(film.durationSeconds)} · ${film.aspect} · ${usd(film.costUSD)}`,
        el("div", { class: "keys" }, el("span", {}, el("kbd", {}, "←"), " ", el("kbd", {}, "→"), " choose"), el("span", {}, el("kbd", {}, "Enter"), " open shot"))),
      el("div", { class: "board" }, cards));
  } catch (error) { failed(error); }
}

async function makeFilm() {
  try { await api("/make", { method: "POST" }); toast("Making the film…"); } catch (error) { toast(error.message, true); }
}

// ---- shot ---------------------------------------------------------------------------------

async function showShot(id) {
  try {
    if (!state.film) { state.film = await api("/film"); setAspect(state.film); }
    const detail = await api("/shots/" + encodeURIComponent(id));
    if (!state.shot || state.shot.shot.id !== id) state.selectedTake = detail.takes.length ? detail.takes[0].id : null;
    if (state.selectedTake && !detail.takes.some((t) => t.id === state.selectedTake)) state.selectedTake = detail.takes.length ? detail.takes[0].id : null;
    state.shot = detail;
    renderShot();
  } catch (error) { failed(error); }
}

function renderShot() {
  const detail = state.shot, shot = detail.shot;
  document.title = shot.id + " · Reel";
  const busy = shot.state === "generating";
  const head = el("div", { class: "shot-head" },
    el("h1", {}, el("span", { class: "muted" }, String(shot.number).padStart(2, "0") + " "), shot.id),
    el("span", { class: "tag" }, [shot.framing, shot.camera, seconds(shot.duration)].filter(Boolean).join(" · ")),
    el("span", { class: "pill " + stateClass(shot.state), title: shot.failure || "" }, shot.state),
    shot.failure ? el("div", { class: "failure" }, "The last make failed here: " + shot.failure + " — Generate tries again.") : null,
    el("div", { class: "nav" },
      el("button", { onclick: () => run("generate"), disabled: busy, title: "G" }, "Generate"),
      el("button", { onclick: () => run("reroll"), disabled: busy || !detail.takes.length, title: "R" }, "Reroll ", el("kbd", {}, "R")),
      detail.previous ? el("a", { class: "btn", href: "/shots/" + encodeURIComponent(detail.previous) }, "← ", detail.previous) : null,
      detail.next ? el("a", { class: "btn", href: "/shots/" + encodeURIComponent(detail.next) }, detail.next, " →") : null));
  const keys = el("div", { class: "keys" },
    el("span", {}, el("kbd", {}, "1"), "–", el("kbd", {}, "4"), " pick"),
    el("span", {}, el("kbd", {}, "V"), " then ", el("kbd", {}, "1"), "–", el("kbd", {}, "4"), " vary subtle (", el("kbd", {}, "Shift"), "+", el("kbd", {}, "V"), " strong)"),
    el("span", {}, el("kbd", {}, "R"), " reroll"), el("span", {}, el("kbd", {}, "G"), " generate"),
    el("span", {}, el("kbd", {}, "↑"), el("kbd", {}, "↓"), " take"), el("span", {}, el("kbd", {}, "←"), el("kbd", {}, "→"), " shot"));
  const takes = detail.takes.length
    ? detail.takes.map(renderTake)
    : [el("div", { class: "empty" }, el("p", {}, "No takes yet."), el("button", { class: "primary", onclick: () => run("generate") }, "Generate 4 candidates"))];
  view.replaceChildren(head, keys, el("div", { class: "layout" }, el("div", { class: "takes" }, takes), renderSide(detail)));
}

function renderTake(take) {
  const selected = take.id === state.selectedTake;
  const pending = selected && state.pendingVary;
  const lineage = take.parent ? ` of ${take.parent}:${take.parentCandidate}` : "";
  return el("section", { class: "take" + (selected ? " sel" : "") + (take.current ? "" : " old") + (pending ? " pending" : ""), dataset: { take: take.id }, onclick: () => { state.selectedTake = take.id; highlightTake(); } },
    el("div", { class: "take-head" }, el("b", {}, "Take " + take.id), el("span", { class: "tag" }, kindLabel(take.kind) + lineage),
      el("span", { class: "tag" }, `${take.backend} · ${take.seconds.toFixed(1)}s · ${usd(take.costUSD)}`),
      take.current ? null : el("span", { class: "pill stale" }, "earlier prompt"),
      pending ? el("span", { class: "pill generating" }, `vary ${state.pendingVary} — press 1–4`) : null),
    el("div", { class: "grid" }, take.candidates.map((c) =>
      el("div", { class: "cand" + (take.picked === c.index ? " picked" : ""), dataset: { candidate: c.index } },
        el("img", { src: blob(c.blob), alt: `take ${take.id} candidate ${c.index}`, loading: "lazy" }),
        el("span", { class: "n" }, c.index),
        take.picked === c.index ? el("span", { class: "badge" }, "PICK") : null,
        c.identity ? el("span", { class: "identity " + c.identity.state, title: c.identity.text }, identityLabel(c.identity)) : null,
        el("div", { class: "acts" },
          el("button", { onclick: (e) => { e.stopPropagation(); pick(take.id, c.index); } }, "U" + c.index),
          el("button", { onclick: (e) => { e.stopPropagation(); vary(take.id, c.index, false); } }, "V" + c.index),
          el("button", { onclick: (e) => { e.stopPropagation(); vary(take.id, c.index, true); } }, "V" + c.index + " strong"))))));
}

function identityLabel(badge) {
  if (badge.state === "no-face") return "no face";
  const distance = badge.distance == null ? "" : " " + badge.distance.toFixed(2);
  return (badge.state === "holds" ? "✓ on model" : "✗ off model") + distance;
}

function highlightTake() {
  for (const node of document.querySelectorAll(".take")) node.classList.toggle("sel", Number(node.dataset.take) === state.selectedTake);
}

function renderSide(detail) {
  const prompt = el("textarea", { id: "prompt", spellcheck: "false" }, detail.shot.prompt);
  const problem = el("div", { class: "diag" });
  const save = el("button", { class: "primary", onclick: async () => {
    save.disabled = true;
    try {
      state.shot = await api("/shots/" + encodeURIComponent(detail.shot.id) + "/prompt", { method: "PUT", body: { prompt: prompt.value } });
      toast("Saved to film.yaml");
      renderShot();
    } catch (error) {
      problem.textContent = error.message + (error.detail && error.detail.diagnostics ? "\n" + diagnosticsText(error.detail) : "");
      save.disabled = false;
    }
  } }, "Save prompt");
  const tree = (nodes) => el("ul", {}, nodes.map((n) => el("li", {},
    el("a", { href: "#", onclick: (e) => { e.preventDefault(); state.selectedTake = n.take; highlightTake(); document.querySelector(`.take[data-take="${n.take}"]`)?.scrollIntoView({ behavior: "smooth", block: "center" }); } },
      "take " + n.take), " ", el("span", { class: "muted" }, kindLabel(n.kind) + (n.parentCandidate ? " of #" + n.parentCandidate : "")),
    n.picked ? el("span", { class: "pk" }, " ★" + n.picked) : null,
    n.children.length ? tree(n.children) : null)));
  const sheet = detail.shot.id.startsWith("@");
  const promptSection = sheet
    ? el("section", {}, el("h2", {}, "Sheet"), el("p", {}, detail.request ? detail.request.prompt : detail.shot.prompt),
        el("p", { class: "muted" }, "Made from " + detail.shot.id + "'s description: change it in film.yaml. Its pick rides with every shot that names " + detail.shot.id + "."),
        el("a", { class: "btn", href: "/cast" }, "← Cast"))
    : el("section", {}, el("h2", {}, "Prompt"), prompt, el("div", { class: "row-actions" }, save, el("span", { class: "muted" }, "saved into film.yaml")), problem);
  return el("aside", { class: "side" },
    promptSection,
    el("section", {}, el("h2", {}, "Take tree"), detail.tree.length ? el("div", { class: "tree" }, tree(detail.tree)) : el("p", { class: "muted" }, "No takes yet.")),
    el("section", {}, el("h2", {}, "Request" + (detail.backend ? " · " + detail.backend : "")),
      detail.request ? el("pre", { class: "request" }, JSON.stringify(detail.request, null, 2)) : el("p", { class: "muted" }, detail.requestProblem || "—"),
      detail.notes.map((n) => el("p", { class: "diag" }, n))));
}

async function run(kind, body) {
  const id = state.shot.shot.id;
  try {
    await api(`/shots/${encodeURIComponent(id)}/${kind}`, { method: "POST", body });
    toast(`${kind} ${id}…`);
    state.shot.shot.state = "generating";
    renderShot();
  } catch (error) { toast(error.message, true); }
}

async function pick(take, candidate) {
  const id = state.shot.shot.id;
  try {
    await api(`/shots/${encodeURIComponent(id)}/pick`, { method: "POST", body: { take, candidate } });
    toast(`Picked ${take}:${candidate}`);
    await showShot(id);
  } catch (error) { toast(error.message, true); }
}

const vary = (take, candidate, strong) => run("vary", { take, candidate, strong });

// ---- cast ---------------------------------------------------------------------------------

async function showCast() {
  try {
    const [film, cast] = await Promise.all([api("/film"), api("/cast")]);
    state.film = film;
    document.title = "Cast · " + film.title + " · Reel";
    const sheetLink = (member) => "/shots/" + encodeURIComponent(member.sheet);
    const cards = cast.map((member) =>
      el("section", { class: "cast-card", dataset: { cast: member.name } },
        el("a", { class: "sheet", href: sheetLink(member) },
          member.pickBlob ? el("img", { src: blob(member.pickBlob), alt: "reference sheet of " + member.name, loading: "lazy" }) : el("span", {}, "no sheet yet")),
        el("div", { class: "meta" },
          el("div", { class: "row" }, el("span", { class: "id" }, "@" + member.name), el("span", { class: "tag" }, member.kind),
            el("span", { class: "pill " + stateClass(member.state) }, member.state)),
          el("div", { class: "prompt" }, member.description),
          member.references.length ? el("div", { class: "muted" }, "references: " + member.references.join(", ")) : null,
          el("div", { class: "muted" }, member.shots.length ? "in " + member.shots.join(", ") : "named in no shot"),
          el("div", { class: "row-actions" },
            el("button", { class: member.pickBlob ? null : "primary", disabled: member.state === "picked", onclick: () => makeSheet(member) },
              member.state === "picked" ? "Sheet is current" : member.takes ? "Make current sheet" : "Make sheet"),
            el("a", { class: "btn", href: sheetLink(member) }, member.takes ? "Pick, vary, reroll →" : "Open →")))));
    view.replaceChildren(
      el("div", { class: "shot-head" }, el("h1", {}, "Cast")),
      el("div", { class: "sub" }, "Each sheet shows its character front, three-quarter, profile and full body. Its pick rides with every shot that names it; a new pick remakes exactly those shots."),
      cast.length ? el("div", { class: "cast" }, cards) : el("div", { class: "empty" }, el("p", {}, "The film has no characters or locations yet: add them under characters: and locations: in film.yaml.")));
  } catch (error) { failed(error); }
}

async function makeSheet(member) {
  try {
    await api("/cast/" + encodeURIComponent(member.name) + "/sheet", { method: "POST" });
    toast("Making @" + member.name + "'s sheet…");
  } catch (error) { toast(error.message, true); }
}

// ---- film ---------------------------------------------------------------------------------

async function showFilm() {
  try {
    const [film, shots, plan] = await Promise.all([api("/film"), api("/shots"), api("/plan")]);
    state.film = film;
    setAspect(film);
    document.title = film.title + " · film · Reel";
    const pending = plan.steps.filter((s) => s.reason);
    const out = (name) => film.outputs[name] ? "/api/out/" + name + "?v=" + film.outputs[name] : null;
    const video = out("film.mp4")
      ? el("video", { src: out("film.mp4"), controls: true, preload: "metadata", playsinline: true })
      : el("div", { class: "empty" }, el("p", {}, "The film has not been cut yet."), el("button", { class: "primary", onclick: makeFilm }, "Make film"));
    const costs = el("table", { class: "costs" }, shots.map((s) => el("tr", {}, el("td", {}, s.id), el("td", {}, usd(s.costUSD)))),
      el("tr", {}, el("td", {}, el("b", {}, "Total")), el("td", {}, el("b", {}, usd(film.costUSD)))));
    view.replaceChildren(
      el("div", { class: "shot-head" }, el("h1", {}, film.title), el("div", { class: "nav" }, el("button", { class: "primary", onclick: makeFilm }, "Make film"))),
      el("div", { class: "sub" }, `${seconds(film.durationSeconds)} · ${film.aspect} · ${film.fps} fps · ${film.picked}/${film.shots} picked`,
        pending.length ? el("div", { class: "notice" }, `The next make runs ${pending.length} step${pending.length === 1 ? "" : "s"}: `
          + pending.slice(0, 8).map((s) => `${s.id} (${s.reason.text})`).join(", ") + (pending.length > 8 ? ", …" : "") + ". Make film to bring it up to date.") : null),
      el("div", { class: "film-grid" },
        el("div", {}, video, el("h2", {}, "Contact sheet"), out("contact.png") ? el("img", { src: out("contact.png"), alt: "contact sheet" }) : el("p", { class: "muted" }, "Not made yet.")),
        el("div", {}, el("h2", { style: null }, "Storyboard"), out("storyboard.gif") ? el("img", { src: out("storyboard.gif"), alt: "storyboard animation" }) : el("p", { class: "muted" }, "Not made yet."),
          out("board.pdf") ? el("p", {}, el("a", { href: out("board.pdf"), target: "_blank" }, "Printable board (PDF)")) : null,
          el("h2", {}, "Costs"), costs)));
  } catch (error) { failed(error); }
}

// ---- keyboard -----------------------------------------------------------------------------

document.addEventListener("keydown", (event) => {
  if (event.target.closest("textarea, input") || event.metaKey || event.ctrlKey || event.altKey) return;
  const path = location.pathname;
  if (path.startsWith("/shots/") && state.shot) return shotKey(event);
  if (path === "/" && state.shots.length) {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      state.boardIndex = Math.max(0, Math.min(state.shots.length - 1, state.boardIndex + (event.key === "ArrowRight" ? 1 : -1)));
      document.querySelectorAll(".card").forEach((c, i) => c.classList.toggle("sel", i === state.boardIndex));
      document.querySelectorAll(".card")[state.boardIndex]?.scrollIntoView({ block: "nearest" });
      event.preventDefault();
    } else if (event.key === "Enter") {
      go("/shots/" + encodeURIComponent(state.shots[state.boardIndex].id));
    }
  }
});

function shotKey(event) {
  const detail = state.shot;
  const take = detail.takes.find((t) => t.id === state.selectedTake);
  const key = event.key;
  if (/^[1-4]$/.test(key)) {
    if (!take) return;
    const candidate = Number(key);
    if (state.pendingVary) {
      const strong = state.pendingVary === "strong";
      state.pendingVary = null;
      vary(take.id, candidate, strong);
    } else {
      pick(take.id, candidate);
    }
  } else if (key === "v" || key === "V") {
    state.pendingVary = event.shiftKey ? "strong" : "subtle";
    renderShot();
  } else if (key === "Escape") {
    state.pendingVary = null;
    renderShot();
  } else if (key === "r" || key === "R") {
    if (detail.takes.length) run("reroll");
  } else if (key === "g" || key === "G") {
    run("generate");
  } else if (key === "ArrowLeft" && detail.previous) {
    go("/shots/" + encodeURIComponent(detail.previous));
  } else if (key === "ArrowRight" && detail.next) {
    go("/shots/" + encodeURIComponent(detail.next));
  } else if ((key === "ArrowDown" || key === "ArrowUp") && detail.takes.length) {
    const index = detail.takes.findIndex((t) => t.id === state.selectedTake);
    const next = Math.max(0, Math.min(detail.takes.length - 1, index + (key === "ArrowDown" ? 1 : -1)));
    state.selectedTake = detail.takes[next].id;
    highlightTake();
    document.querySelector(`.take[data-take="${state.selectedTake}"]`)?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  } else {
    return;
  }
  event.preventDefault();
}

// ---- live progress ------------------------------------------------------------------------

function listen() {
  const source = new EventSource("/api/events");
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.type === "started" || event.type === "advanced") {
      state.jobs[event.step] = event;
    } else if (event.type === "finished") {
      delete state.jobs[event.step];
    } else if (event.type === "warning") {
      toast(event.message, true);
    } else if (event.type === "job" && event.state === "queued") {
      refresh(event.shot); // another tab or this one started work: show the shot as generating
    } else if (event.type === "job" && event.state === "failed") {
      toast(event.message, true);
      Object.keys(state.jobs).filter((k) => state.jobs[k].job === event.job).forEach((k) => delete state.jobs[k]);
      refresh(event.shot);
    } else if (event.type === "job" && event.state === "done") {
      Object.keys(state.jobs).filter((k) => state.jobs[k].job === event.job).forEach((k) => delete state.jobs[k]);
      if (event.shot && state.shot && state.shot.shot.id === event.shot && event.take) state.selectedTake = event.take;
      toast((event.shot ? event.shot + ": " : "") + event.message);
    } else if (event.type === "changed") {
      refresh(event.shot);
    }
    drawActivity();
  };
}

function refresh(shot) {
  const path = location.pathname;
  if (path.startsWith("/shots/")) {
    if (!shot || (state.shot && state.shot.shot.id === shot)) showShot(state.shot.shot.id);
  } else {
    route();
  }
}

function drawActivity() {
  const node = document.getElementById("activity");
  node.replaceChildren(...Object.values(state.jobs).map((j) =>
    el("span", { class: "job" }, j.step, el("progress", { max: j.total || 1, value: j.done || 0 }))));
}

listen();
route();
