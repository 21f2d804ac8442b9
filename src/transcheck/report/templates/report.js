/* transcheck report: filters, search, URL-fragment state, counterpart highlighting.
   The drift spans, scores and article marks are rendered by Python; this script never
   re-derives them and never writes untrusted text as HTML (textContent only). */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("report-data").textContent);
  var SEV = { low: 1, medium: 2, high: 3 };
  var KEYS = ["speaker", "outlet", "lang", "type", "severity", "q"];

  function norm(s) {
    return String(s || "").normalize("NFKC").toLocaleLowerCase()
      .replace(/\u064a/g, "\u06cc").replace(/\u0643/g, "\u06a9")  // Arabic yeh/kaf -> Persian
      .replace(/[\u200c\u200d\u200e\u200f]/g, "").replace(/\s+/g, " ").trim();
  }

  // ---- facets of every cluster, from the embedded report data
  var quotes = Object.create(null);  // keyed by untrusted ids: no prototype
  data.quotes.forEach(function (q) { quotes[q.id] = q; });
  var facets = Object.create(null);
  data.clusters.forEach(function (c) {
    var ids = c.quote_ids || c.quotes || [];
    var spans = [];
    c.pairs.forEach(function (p) {
      p.drift.forEach(function (s) { spans.push({ type: s.type, sev: SEV[s.severity] || 0 }); });
    });
    var hay = [c.speaker, c.speaker.replace(/-/g, " ")];
    ids.forEach(function (id) {
      var q = quotes[id];
      if (q) { hay.push(q.text, q.speaker_surface, q.outlet, q.lang); }
    });
    facets[c.id] = { speaker: c.speaker, outlets: c.outlets, langs: c.langs, spans: spans,
                     text: norm(hay.join("\n")) };
  });

  var controls = {};
  KEYS.forEach(function (k) { controls[k] = document.getElementById("f-" + k); });
  var status = document.getElementById("status");

  function state() {
    var st = {};
    KEYS.forEach(function (k) {
      var v = controls[k] ? controls[k].value : "";
      if (v && v.trim()) { st[k] = v; }
    });
    return st;
  }

  function matches(f, st) {
    if (!f) { return false; }
    if (st.speaker && f.speaker !== st.speaker) { return false; }
    if (st.outlet && f.outlets.indexOf(st.outlet) < 0) { return false; }
    if (st.lang && f.langs.indexOf(st.lang) < 0) { return false; }
    if (st.type || st.severity) {
      var min = SEV[st.severity] || 0;
      var hit = f.spans.some(function (s) {
        return (!st.type || s.type === st.type) && s.sev >= min;
      });
      if (!hit) { return false; }
    }
    if (st.q) {
      var words = norm(st.q).split(" ");
      for (var i = 0; i < words.length; i++) {
        if (words[i] && f.text.indexOf(words[i]) < 0) { return false; }
      }
    }
    return true;
  }

  function apply() {
    var st = state();
    var shown = 0;
    var total = 0;
    document.querySelectorAll("[data-cluster-id]").forEach(function (el) {
      var ok = matches(facets[el.getAttribute("data-cluster-id")], st);
      el.hidden = !ok;
      if (el.tagName === "SECTION") { total += 1; if (ok) { shown += 1; } }
    });
    document.querySelectorAll("section.cluster .rendering[data-outlet]").forEach(function (el) {
      var dim = (st.outlet && el.getAttribute("data-outlet") !== st.outlet) ||
                (st.lang && el.getAttribute("data-lang") !== st.lang);
      el.classList.toggle("dimmed", !!dim);
    });
    var min = SEV[st.severity] || 0;
    document.querySelectorAll("mark.d[data-type]").forEach(function (el) {
      var types = el.getAttribute("data-type").split(" ");
      var sevs = el.getAttribute("data-sev").split(" ").map(function (s) { return SEV[s] || 0; });
      var off = (st.type && types.indexOf(st.type) < 0) ||
                (min && Math.max.apply(null, sevs) < min);
      el.classList.toggle("faded", !!off);
    });
    if (status) {
      status.textContent = shown + " of " + total + " utterances shown" +
        (Object.keys(st).length ? " (filtered)." : ".");
    }
  }

  // ---- filter state <-> URL fragment (#speaker=...&q=...)
  function toFragment(st) {
    var p = new URLSearchParams();
    KEYS.forEach(function (k) { if (st[k]) { p.set(k, st[k]); } });
    return p.toString();
  }

  function writeFragment() {
    var frag = toFragment(state());
    var url = location.href.split("#")[0] + (frag ? "#" + frag : "");
    if (url === location.href) { return; }
    try {
      history.replaceState(null, "", url);
    } catch (e) {
      location.hash = frag;
    }
  }

  function readFragment() {
    var h = location.hash.slice(1);
    if (h.indexOf("=") < 0) { return false; }
    var p = new URLSearchParams(h);
    KEYS.forEach(function (k) {
      var el = controls[k];
      if (!el) { return; }
      var v = p.get(k) || "";
      if (el.tagName === "SELECT") {
        var known = Array.prototype.some.call(el.options, function (o) { return o.value === v; });
        el.value = known ? v : "";
      } else {
        el.value = v;
      }
    });
    return true;
  }

  function changed() { apply(); writeFragment(); }

  KEYS.forEach(function (k) {
    var el = controls[k];
    if (el) { el.addEventListener(el.tagName === "SELECT" ? "change" : "input", changed); }
  });
  var reset = document.getElementById("f-reset");
  if (reset) {
    reset.addEventListener("click", function () {
      KEYS.forEach(function (k) { if (controls[k]) { controls[k].value = ""; } });
      changed();
    });
  }
  window.addEventListener("hashchange", function () {
    if (readFragment()) { apply(); } else { revealHash(); }
  });

  // ---- counterpart highlighting (hover and keyboard focus)
  var byKey = Object.create(null);
  document.querySelectorAll("[data-pair]").forEach(function (el) {
    el.getAttribute("data-pair").split(" ").forEach(function (k) {
      if (k) { (byKey[k] = byKey[k] || []).push(el); }
    });
  });
  var hoverEl = null;
  var focusEl = null;
  var lit = [];

  function light(src) {
    if (!src) { return; }
    src.classList.add("active");
    lit.push(src);
    src.getAttribute("data-pair").split(" ").forEach(function (k) {
      (byKey[k] || []).forEach(function (el) {
        if (el !== src) { el.classList.add("peer"); lit.push(el); }
      });
    });
  }

  function refresh() {
    lit.forEach(function (el) { el.classList.remove("active", "peer"); });
    lit = [];
    light(hoverEl);
    if (focusEl !== hoverEl) { light(focusEl); }
  }

  function pairOf(node) {
    return node && node.closest ? node.closest("[data-pair]") : null;
  }

  document.addEventListener("mouseover", function (ev) {
    var el = pairOf(ev.target);
    if (el !== hoverEl) { hoverEl = el; refresh(); }
  });
  document.addEventListener("mouseout", function (ev) {
    if (!ev.relatedTarget && hoverEl) { hoverEl = null; refresh(); }
  });
  document.addEventListener("focusin", function (ev) {
    var el = pairOf(ev.target);
    if (el !== focusEl) { focusEl = el; refresh(); }
  });
  document.addEventListener("focusout", function (ev) {
    if (focusEl && !pairOf(ev.relatedTarget)) { focusEl = null; refresh(); }
  });

  // ---- in-page links: open the article, scroll, focus; keep the filter fragment
  function reveal(target) {
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
    if (!target.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|SUMMARY)$/.test(target.tagName)) {
      target.setAttribute("tabindex", "-1");
    }
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    var q = target.getAttribute("data-q");
    if (q) {
      document.querySelectorAll("mark.qctx.flash").forEach(function (el) { el.classList.remove("flash"); });
      document.querySelectorAll("mark.qctx[data-q]").forEach(function (el) {
        if (el.getAttribute("data-q") === q) { el.classList.add("flash"); }
      });
    }
  }

  function revealHash() {
    var id = location.hash.slice(1);
    if (!id || id.indexOf("=") >= 0) { return; }
    try { id = decodeURIComponent(id); } catch (e) { return; }
    var t = document.getElementById(id);
    if (t) { reveal(t); }
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
    if (!a) { return; }
    var id = a.getAttribute("href").slice(1);
    var t = id ? document.getElementById(id) : null;
    if (!t) { return; }
    ev.preventDefault();
    reveal(t);
  });

  // ---- start
  if (!readFragment()) { revealHash(); }
  apply();
  document.documentElement.setAttribute("data-ready", "1");
}());
