/*
 * driver.js: opens a reading room (warta-html's site) from the disk in
 * headless Chromium and checks it as a reader would use it.
 *
 *   node driver.js check SITE --input STREAM... --seed FILE --hostile
 *       --axe AXE.JS
 *   node driver.js shoot SITE OUTDIR NAME=PAGE...
 *
 * check prints a line a check, "ok NAME" or "not ok NAME: why", then
 * notes ("# ..."), and exits 1 when any failed.  STREAM is a NewsML-G2
 * stream the site was made of (the input items are counted and read from
 * them, in the browser's XML parser, not from the site); FILE the
 * fileName of the item whose page is checked whole (the seed article);
 * --hostile: the site holds the item of hostile.js.  The checks:
 *   index-lists-every-item   #count and the list: every input item
 *   filters-narrow           a year, a place, search words, and all three:
 *                            the list is the items assets/items.js says
 *   item-page                the seed's page: body, metadata, names found
 *                            or given, links to ID.xml and the original
 *   hostile-is-text          the hostile item on the index, its page and
 *                            its names' pages: text, and nothing of it runs
 *   item-page-csp            an item page's CSP refuses a script
 *   axe                      no serious or critical violations on the
 *                            index, the seed's page and a person's page
 *   phone-width              at 390 px nothing scrolls sideways (index,
 *                            the seed's page, the hostile item's)
 *   keyboard                 Tab shows the skip link, Enter follows it,
 *                            Tab reaches the search and the filters
 *   print                    printed, an item page drops the navigation
 *   network-stays-local      every request of every page is file: or data:
 *   no-errors                no exception thrown, no dialog opened
 *
 * shoot writes OUTDIR/NAME-phone.png (390 px wide) and NAME-desk.png
 * (1280 px) of SITE/PAGE, for people to look at (make demo).
 *
 * One browser for everything: its start is most of the time.  A run
 * still going after WARTA_DRIVER_LIMIT seconds (180) fails, its browser
 * killed.  CHROMIUM: the browser to run (chromium).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { pathToFileURL, fileURLToPath } = require("url");
const { Browser } = require("./cdp");

const results = [];
const notes = [];

function check(name, fn) {
	const t0 = Date.now();
	return fn().then(
	    () => results.push(`ok ${name}`),
	    (e) => results.push(`not ok ${name}: ` +
		String(e && e.message || e).replace(/\n/g, "\n#   ")))
	    .then(() => notes.push(`${name}: ${Date.now() - t0} ms`));
}

function assert(cond, what) {
	if (!cond)
		throw new Error(what);
}

function same(what, got, want) {
	const g = JSON.stringify(got), w = JSON.stringify(want);
	if (g !== w)
		throw new Error(`${what}: got ${g}, want ${w}`);
}

/* What the site's index runs on: assets/items.js, read as a browser
 * would (it sets window.WARTA_DATA). */
function siteData(site) {
	const window = {};
	vm.runInNewContext(fs.readFileSync(path.join(site,
	    "assets/items.js"), "utf8"), { window });
	const d = window.WARTA_DATA, F = {};
	d.fields.forEach((n, i) => { F[n] = i; });
	return { items: d.items, facets: d.facets, F };
}

/* As the issue asks of the search: case and accents do not matter. */
function fold(s) {
	return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function collapse(s) {
	return s.replace(/\s+/g, " ").trim();
}

/* The items of the streams, read by the browser's XML parser in a blank
 * page: each item's guid, fileName, headline, byline, language, body
 * paragraphs, original and names (kind, name, found). */
async function readInputs(page, files) {
	await page.goto("about:blank");
	const out = [];
	for (const f of files) {
		const text = fs.readFileSync(f, "utf8");
		/* Documents back to back: one at each XML declaration. */
		const docs = text.split(/(?=<\?xml )/).filter((d) => d.trim());
		for (const doc of docs)
			out.push(...await page.call((src) => {
				const d = new DOMParser().parseFromString(src,
				    "application/xml");
				if (d.querySelector("parsererror"))
					throw new Error("not XML");
				const kid = (el, n) => el && Array.from(el.children)
				    .find((c) => c.localName === n);
				const kids = (el, n) => el ? Array.from(el.children)
				    .filter((c) => c.localName === n) : [];
				const txt = (el) => el ? el.textContent : "";
				const kinds = { "cpnat:person": "people",
				    "cpnat:organisation": "organizations",
				    "cpnat:geoArea": "places",
				    "cpnat:abstract": "subjects" };
				return Array.from(d.getElementsByTagNameNS("*",
				    "newsItem")).map((it) => {
					const cm = kid(it, "contentMeta");
					const im = kid(it, "itemMeta");
					const names = [];
					const loc = kid(cm, "located");
					if (loc)
						names.push(["places",
						    txt(kid(loc, "name")),
						    loc.hasAttribute("why")]);
					for (const s of kids(cm, "subject"))
						names.push([kinds[s.getAttribute("type")] ||
						    "subjects", txt(kid(s, "name")),
						    s.hasAttribute("why")]);
					const body = Array.from(
					    it.getElementsByTagNameNS(
					    "http://www.w3.org/1999/xhtml", "p"));
					const lang = kid(cm, "language");
					return {
						guid: it.getAttribute("guid"),
						fileName: txt(kid(im, "fileName")),
						headline: txt(kid(cm, "headline")),
						by: txt(kid(cm, "by")),
						lang: lang ? lang.getAttribute("tag") :
						    "",
						/* A script's or a style's text is
						 * not the article's. */
						body: body.map((p) => {
							const c = p.cloneNode(true);
							c.querySelectorAll("script, style")
							    .forEach((e) => e.remove());
							return c.textContent;
						}),
						original: txt(it.getElementsByTagNameNS(
						    "*", "inlineData")[0]),
						names
					};
				});
			}, doc));
	}
	return out;
}

function fileUrl(site, rel) {
	return pathToFileURL(path.join(site, rel)).href;
}

/* The rows the index shows: each link's item ID. */
function shownIds(page) {
	return page.eval(`Array.from(document.querySelectorAll(
	    "#results li.item a.headline")).map((a) =>
	    (a.getAttribute("href") || "").replace(/^.*\\//, "")
	    .replace(/\\.html$/, ""))`);
}

/* Sets the index's filters as a reader does: a select's value with its
 * change event; the search typed into the box, key by key. */
async function setFilters(page, f) {
	await page.call((sel) => {
		for (const id of ["f-year", "f-place", "f-person", "f-org",
		    "f-subject", "f-lang"]) {
			const s = document.getElementById(id);
			const v = sel[id] !== undefined ? sel[id] : "";
			if (v !== "" && !Array.from(s.options)
			    .some((o) => o.value === v))
				throw new Error(`${id} offers no ${v}`);
			s.value = v;
			s.dispatchEvent(new Event("change"));
		}
		const q = document.getElementById("q");
		q.value = "";
		q.dispatchEvent(new Event("input"));
		q.focus();
	}, f);
	if (f.q)
		await page.send("Input.insertText", { text: f.q });
}

async function checkIndex(page, site, data, inputs) {
	const n = inputs.length;
	await page.goto(fileUrl(site, "index.html"));
	const got = await page.eval(`({
	    count: document.getElementById("count").textContent,
	    rows: document.querySelectorAll("#results li.item").length,
	    formHidden: document.getElementById("filters").hidden })`);
	same("#count", got.count, `${n} items`);
	same("rows in #results", got.rows, n);
	same("items in assets/items.js", data.items.length, n);
	assert(!got.formHidden, "the filters are still hidden");
	const ids = (await shownIds(page)).sort();
	same("the rows' links", ids, data.items.map((it) =>
	    it[data.F.id]).sort());
	for (const id of ids)
		assert(fs.existsSync(path.join(site, "items", id.slice(0, 3),
		    id + ".html")), `a row links to ${id}, which has no page`);
}

async function checkFilters(page, site, data) {
	const { items, facets, F } = data;
	const count = (pred) => items.filter(pred).length;
	const years = [...new Set(items.map((it) => it[F.date].slice(0, 4))
	    .filter((y) => y))];
	/* The year and the place that hold the most items, but not all. */
	const best = (cands, pred) => cands.map((c) => [c, count(pred(c))])
	    .filter((x) => x[1] < items.length)
	    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
	const place = best(facets.places.map((p, i) => i),
	    (i) => (it) => it[F.places].includes(i));
	/* The year: of those the place's items have, the one with most
	 * items. */
	const year = best(years.filter((y) => items.some((it) =>
	    it[F.date].startsWith(y) && it[F.places].includes(place))),
	    (y) => (it) => it[F.date].startsWith(y));
	const pick = items.find((it) => it[F.date].startsWith(year) &&
	    it[F.places].includes(place));
	const hits = (w) => count((it) => fold(it[F.heading] + " " +
	    it[F.summary]).includes(w));
	const words = [...new Set(fold(pick[F.heading])
	    .split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length > 3 &&
	    hits(w) < items.length).sort((a, b) => hits(b) - hits(a) ||
	    (a < b ? -1 : 1)).slice(0, 2);
	assert(words.length > 0, "no word to search for");
	const match = (f) => (it) =>
	    (!f.year || it[F.date].slice(0, 4) === f.year) &&
	    (f.place === undefined || it[F.places].includes(f.place)) &&
	    (f.words || []).every((w) => fold(it[F.heading] + " " +
	    it[F.summary]).includes(w));
	const cases = [
		{ what: `year ${year}`, sel: { "f-year": year },
		    f: { year } },
		{ what: `place ${facets.places[place]}`,
		    sel: { "f-place": String(place) }, f: { place } },
		{ what: `search "${words[0].toUpperCase()}"`,
		    sel: { q: words[0].toUpperCase() }, f: { words: [words[0]] } },
		{ what: `search "${words.join(" ").toUpperCase()}"`,
		    sel: { q: words.join(" ").toUpperCase() }, f: { words } },
		{ what: `year ${year}, place ${facets.places[place]} and ` +
		    `search "${words[0]}"`, sel: { "f-year": year,
		    "f-place": String(place), q: words[0] },
		    f: { year, place, words: [words[0]] } }
	];
	for (const c of cases) {
		const want = items.filter(match(c.f)).map((it) => it[F.id]);
		assert(want.length > 0 && want.length < items.length,
		    `${c.what}: ${want.length} of ${items.length} items ` +
		    "would not show a narrowing");
		await setFilters(page, c.sel);
		const got = await shownIds(page);
		same(c.what, got.slice().sort(), want.slice().sort());
		const label = await page.eval(
		    'document.getElementById("count").textContent');
		same(`${c.what}: #count`, label, want.length === 1 ? "1 item" :
		    `${want.length} items`);
		notes.push(`${c.what}: ${want.length} of ${items.length} items`);
	}
	/* The place's select names the place. */
	await setFilters(page, { "f-place": String(place) });
	same("the place's option", await page.eval(`(function () {
	    const s = document.getElementById("f-place");
	    return s.options[s.selectedIndex].textContent; })()`),
	    facets.places[place]);
	await setFilters(page, {});
	same("every filter cleared: rows", (await shownIds(page)).length,
	    items.length);
}

/* The names a page lists of a kind, with "found" or "given". */
function pageNames(page, kind) {
	return page.eval(`Array.from(document.querySelectorAll(
	    "aside ul.${kind} > li")).map((li) => [li.querySelector("a")
	    .textContent, li.querySelector(".origin").textContent])`);
}

/* The names an input item gives of a kind, once each, "found" if any
 * of them has a why (as the page reads them). */
function inputNames(item, kind) {
	const out = [];
	for (const [k, name, found] of item.names) {
		const n = collapse(name);
		if (k !== kind || n === "")
			continue;
		const seen = out.find((x) => x[0] === n);
		if (seen)
			seen[1] = seen[1] === "found" || found ? "found" : "given";
		else
			out.push([n, found ? "found" : "given"]);
	}
	return out;
}

/* The page of the item with this guid: its <code>GUID</code> is on it. */
function findItemPage(site, guid) {
	const esc = guid.replace(/&/g, "&amp;").replace(/</g, "&lt;")
	    .replace(/>/g, "&gt;").replace(/"/g, "&quot;")
	    .replace(/'/g, "&#39;");
	for (const d of fs.readdirSync(path.join(site, "items")))
		for (const f of fs.readdirSync(path.join(site, "items", d)))
			if (f.endsWith(".html") && fs.readFileSync(path.join(site,
			    "items", d, f), "utf8").includes(`<code>${esc}</code>`))
				return path.join("items", d, f);
	throw new Error(`no item page shows the guid ${guid}`);
}

/* Every link of the page leads to a file of the site (or a place on the
 * page); none is javascript:, none leaves the disk. */
async function checkLinks(page, site) {
	const hrefs = await page.eval(`Array.from(document.querySelectorAll(
	    "[href], [src], [action]")).map((e) => [e.localName,
	    e.getAttribute("href") || e.getAttribute("src") ||
	    e.getAttribute("action"), e.href || e.src || ""])`);
	const root = fs.realpathSync(site);
	for (const [tag, raw, abs] of hrefs) {
		if (raw.startsWith("#"))
			continue;
		assert(abs.startsWith("file:"), `<${tag}> leads to ${raw}`);
		const p = fileURLToPath(abs.replace(/#.*/, ""));
		assert(p.startsWith(root + path.sep), `<${tag}> leaves the site: ${raw}`);
		assert(fs.existsSync(p), `<${tag}> leads to ${raw}, not there`);
	}
	return hrefs.length;
}

async function checkItemPage(page, site, seed, rel) {
	await page.goto(fileUrl(site, rel));
	const got = await page.eval(`(function () {
	    const dd = {};
	    document.querySelectorAll("dl.meta dt").forEach((dt) => {
		dd[dt.textContent] = dt.nextElementSibling.textContent; });
	    const a = (c) => document.querySelector("aside a." + c);
	    return { lang: document.documentElement.lang,
		h1: document.querySelector("main h1").textContent,
		body: Array.from(document.querySelectorAll("article .body p"))
		    .map((p) => p.textContent),
		dd, xml: a("xml") && a("xml").getAttribute("href"),
		original: a("original") && a("original").getAttribute("href") };
	    })()`);
	same("lang", got.lang, seed.lang);
	if (seed.headline !== "")
		same("h1", got.h1, collapse(seed.headline));
	else
		assert(got.h1.endsWith("…") && collapse(seed.body.join(" "))
		    .startsWith(got.h1.slice(0, -1).trim()),
		    `h1 ${got.h1} is not the first words of the body`);
	same("body", got.body.map(collapse), seed.body.map(collapse));
	same("GUID", got.dd.GUID, seed.guid);
	same("Byline", got.dd.Byline, collapse(seed.by));
	for (const k of ["people", "organizations", "places"])
		same(k, await pageNames(page, k), inputNames(seed, k));
	/* The files beside the page: the item as read, and the original. */
	const id = path.basename(rel, ".html");
	same("the item's XML link", got.xml, `${id}.xml`);
	assert(fs.readFileSync(path.join(site, path.dirname(rel), got.xml),
	    "utf8").includes(`guid="${seed.guid}"`), `${got.xml}: not the item`);
	assert(got.original && got.original.startsWith(`${id}.original.`),
	    `the original's link is ${got.original}`);
	same("the original's bytes", fs.readFileSync(path.join(site,
	    path.dirname(rel), got.original), "utf8"), seed.original);
	const n = await checkLinks(page, site);
	notes.push(`${rel}: ${got.body.length} paragraphs, ` +
	    `${(await pageNames(page, "people")).length} people, ${n} links`);
}

/* What a hostile item's page must show as text, with nothing run. */
async function unharmed(page, where, title) {
	const got = await page.eval(`({ pwned: window.__warta_pwned,
	    title: document.title,
	    live: Array.from(document.querySelectorAll(
		"script:not([src]), iframe, object, embed, img, style, " +
		"[onerror], [onload], [onclick]")).map((e) => e.outerHTML
		.slice(0, 80)),
	    scripts: Array.from(document.scripts).map((s) =>
		s.getAttribute("src")) })`);
	assert(got.pwned === undefined,
	    `${where}: a payload ran (window.__warta_pwned = ${got.pwned})`);
	same(`${where}: document.title`, got.title, title);
	same(`${where}: elements that run or load`, got.live, []);
	for (const s of got.scripts)
		assert(/^(\.\.\/)*assets\/(items|warta)\.js$/.test(s),
		    `${where}: a script ${s}`);
}

async function checkHostile(page, site, hostile, data) {
	/* The index: found by its word, shown as text. */
	await page.goto(fileUrl(site, "index.html"));
	const indexTitle = await page.eval("document.title");
	await setFilters(page, { q: "zxqhostile" });
	const row = await page.eval(`(function () {
	    const a = document.querySelectorAll("#results a.headline");
	    return Array.from(a).map((x) => [x.textContent,
		x.getAttribute("href")]); })()`);
	same("rows for zxqhostile", row.length, 1);
	same("the hostile headline on the index", row[0][0],
	    collapse(hostile.headline));
	await unharmed(page, "index", indexTitle);
	await checkLinks(page, site);

	/* Its page: every field as text. */
	const rel = findItemPage(site, hostile.guid);
	await page.goto(fileUrl(site, rel));
	const got = await page.eval(`(function () {
	    const dd = {};
	    document.querySelectorAll("dl.meta dt").forEach((dt) => {
		dd[dt.textContent] = dt.nextElementSibling.textContent; });
	    return { h1: document.querySelector("main h1").textContent,
		dateline: document.querySelector(".dateline").textContent,
		body: Array.from(document.querySelectorAll("article .body p"))
		    .map((p) => p.textContent), dd,
		entities: Array.from(document.querySelectorAll(
		    "aside ul:not(.files) a")).map((a) => a.getAttribute("href")) };
	    })()`);
	same("h1", got.h1, collapse(hostile.headline));
	same("GUID", got.dd.GUID, hostile.guid);
	same("Byline", got.dd.Byline, collapse(hostile.by));
	same("body", got.body.map(collapse), hostile.body.map(collapse));
	assert(got.dateline.includes('<script>window.__warta_pwned="dateline"'),
	    `the dateline: ${got.dateline}`);
	/* A name is cut to a length: the page shows its start, as text. */
	for (const k of ["people", "organizations", "places"]) {
		const shown = await pageNames(page, k), want = inputNames(hostile, k);
		same(`${k}: how many`, shown.length, want.length);
		shown.forEach(([name, origin], i) => {
			assert(name.startsWith("<script>window.__warta_pwned=") &&
			    want[i][0].startsWith(name),
			    `${k}: ${name} is not the start of ${want[i][0]}`);
			same(`${k}: ${want[i][0].slice(0, 40)}`, origin, want[i][1]);
		});
	}
	const title = await page.eval("document.title");
	assert(title.startsWith(collapse(hostile.headline).slice(0, 40)),
	    `the item page's title: ${title}`);
	await unharmed(page, rel, title);
	same(`${rel}: scripts`, await page.eval("document.scripts.length"), 0);
	await checkLinks(page, site);

	/* The pages of its names, and its month. */
	const more = got.entities.map((h) => path.join(path.dirname(rel), h))
	    .concat(["dates/2024/01.html"]);
	for (const p of more) {
		await page.goto(fileUrl(site, p));
		await unharmed(page, p, await page.eval("document.title"));
		await checkLinks(page, site);
	}
	notes.push(`hostile: the index, ${rel} and ${more.length} pages ` +
	    "of its names and month");
	return rel;
}

/* An item page refuses script: its CSP has no script-src, so a script
 * put into it (as a payload would be) does not run, and the browser
 * says why. */
async function checkCsp(page, site, rel) {
	await page.goto(fileUrl(site, rel));
	const before = page.log.length;
	const got = await page.eval(`new Promise((resolve) => {
	    let violated = null;
	    document.addEventListener("securitypolicyviolation", (e) => {
		violated = e.violatedDirective; });
	    const s = document.createElement("script");
	    s.textContent = "window.__warta_csp = 1";
	    document.body.appendChild(s);
	    const t = document.createElement("script");
	    t.src = "../../assets/warta.js";
	    t.onload = () => resolve({ ran: window.__warta_csp, violated,
		loaded: true });
	    t.onerror = () => resolve({ ran: window.__warta_csp, violated,
		loaded: false });
	    document.body.appendChild(t);
	    })`);
	assert(got.ran === undefined, "an inline script ran on an item page");
	assert(!got.loaded, "a script file loaded on an item page");
	assert(got.violated && /^script-src/.test(got.violated),
	    `no CSP violation reported (${got.violated})`);
	assert(page.log.slice(before).some((l) => /Content Security Policy/
	    .test(l)), "the browser logged no CSP refusal");
}

/* At a phone's width nothing makes the page scroll sideways: not a
 * long headline, name or guid (the hostile item's are long and
 * unbroken). */
async function checkPhone(page, site, pages) {
	await page.send("Emulation.setDeviceMetricsOverride", { width: 390,
	    height: 844, deviceScaleFactor: 1, mobile: true });
	try {
		for (const p of pages) {
			await page.goto(fileUrl(site, p));
			/* Not innerWidth: a phone widens the window to what
			 * overflows it, zoomed out. */
			const w = await page.eval(
			    "document.documentElement.scrollWidth");
			assert(w <= 390, `${p}: ${w} px wide on a 390 px phone`);
		}
	} finally {
		await page.send("Emulation.clearDeviceMetricsOverride");
	}
}

async function press(page, key, code, vk) {
	for (const type of ["keyDown", "keyUp"])
		await page.send("Input.dispatchKeyEvent", { type, key, code,
		    windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk,
		    text: type === "keyDown" && key === "Enter" ? "\r" :
		    undefined });
}

/* With the keyboard alone: the first Tab shows the skip link, Enter
 * follows it, and Tab then reaches the search and every filter in the
 * order they are read. */
async function checkKeyboard(page, site) {
	await page.goto(fileUrl(site, "index.html"));
	await press(page, "Tab", "Tab", 9);
	const skip = await page.eval(`(function () {
	    const a = document.activeElement, r = a.getBoundingClientRect();
	    return { cls: a.className, left: r.left, width: r.width }; })()`);
	same("the first Tab's element", skip.cls, "skip");
	assert(skip.left >= 0 && skip.width > 0,
	    `the skip link is focused off the screen (left ${skip.left})`);
	await press(page, "Enter", "Enter", 13);
	same("after Enter on the skip link", await page.eval("location.hash"),
	    "#main");
	const order = [];
	for (let i = 0; i < 7; i++) {
		await press(page, "Tab", "Tab", 9);
		order.push(await page.eval("document.activeElement.id || " +
		    "document.activeElement.localName"));
	}
	same("what Tab reaches in <main>", order, ["q", "f-year", "f-place",
	    "f-person", "f-org", "f-subject", "f-lang"]);
}

/* Printed, an item page keeps the article and its metadata and drops
 * the site's navigation. */
async function checkPrint(page, site, rel) {
	await page.goto(fileUrl(site, rel));
	await page.send("Emulation.setEmulatedMedia", { media: "print" });
	try {
		const shown = await page.eval(`Object.fromEntries(["header.site",
		    ".skip", "footer", "article", "aside"].map((s) => [s,
		    getComputedStyle(document.querySelector(s)).display !==
		    "none"]))`);
		same("shown in print", shown, { "header.site": false,
		    ".skip": false, footer: false, article: true, aside: true });
	} finally {
		await page.send("Emulation.setEmulatedMedia", { media: "" });
	}
}

async function checkAxe(page, site, axeSrc, pages) {
	const bad = [];
	for (const p of pages) {
		await page.goto(fileUrl(site, p));
		await page.eval(axeSrc + "\n;0");
		const r = await page.eval(`axe.run(document, {
		    resultTypes: ["violations"] }).then((r) => ({
		    passes: r.passes.length,
		    violations: r.violations.map((x) => ({ id: x.id,
			impact: x.impact, help: x.help, nodes: x.nodes.slice(0, 3)
			.map((n) => n.target.join(" ")) })) }))`);
		assert(r.passes > 0, `${p}: axe passed no rule: did it run?`);
		notes.push(`axe: ${p}: ${r.passes} rules passed, ` +
		    `${r.violations.length} violated`);
		for (const x of r.violations) {
			const line = `${p}: ${x.impact} ${x.id} (${x.help}): ` +
			    x.nodes.join(", ");
			if (x.impact === "serious" || x.impact === "critical")
				bad.push(line);
			else
				notes.push(`axe, not failing: ${line}`);
		}
	}
	notes.push(`axe ${await page.eval("axe.version")}: ${pages.join(", ")}`);
	assert(bad.length === 0, bad.join("\n"));
}

function option(args, name) {
	const out = [];
	for (let i = 0; i < args.length; i++)
		if (args[i] === name)
			out.push(args[++i]);
	return out;
}

async function runChecks(args) {
	const site = path.resolve(args[0]);
	const inputsFiles = option(args, "--input");
	const seedName = option(args, "--seed")[0];
	const axeFile = option(args, "--axe")[0];
	const hostileOn = args.includes("--hostile");
	const data = siteData(site);
	const t0 = Date.now();
	const browser = await Browser.start();
	const pages = [];
	let status = 0;
	try {
		const page = await browser.newPage();
		pages.push(page);
		notes.push(`the browser started: ${Date.now() - t0} ms`);
		const inputs = await readInputs(page, inputsFiles);
		notes.push(`the input read: ${Date.now() - t0} ms`);
		const seed = inputs.find((it) => it.fileName === seedName);
		const hostile = inputs.find((it) =>
		    it.headline.startsWith("zxqhostile"));
		const seedPage = seed ? findItemPage(site, seed.guid) : null;
		let hostilePage = null;

		await check("index-lists-every-item", () =>
		    checkIndex(page, site, data, inputs));
		await check("filters-narrow", () =>
		    checkFilters(page, site, data));
		await check("item-page", async () => {
			assert(seed, `no input item has the fileName ${seedName}`);
			await checkItemPage(page, site, seed, seedPage);
		});
		if (hostileOn)
			await check("hostile-is-text", async () => {
				assert(hostile, "no input item is the hostile one");
				hostilePage = await checkHostile(page, site, hostile,
				    data);
			});
		await check("item-page-csp", () =>
		    checkCsp(page, site, hostilePage || seedPage));
		await check("axe", async () => {
			assert(seedPage, "no seed page to check");
			const axeSrc = fs.readFileSync(axeFile, "utf8");
			await page.goto(fileUrl(site, seedPage));
			const person = await page.eval(`(function () {
			    const a = document.querySelector("aside ul.people a");
			    return a && a.getAttribute("href"); })()`);
			assert(person, "the seed's page names no person");
			await checkAxe(page, site, axeSrc, ["index.html", seedPage,
			    path.join(path.dirname(seedPage), person)]);
		});
		await check("phone-width", async () => {
			assert(seedPage, "no seed page to check");
			await checkPhone(page, site, ["index.html", seedPage]
			    .concat(hostilePage ? [hostilePage] : []));
		});
		await check("keyboard", () => checkKeyboard(page, site));
		await check("print", async () => {
			assert(seedPage, "no seed page to check");
			await checkPrint(page, site, seedPage);
		});
		await check("network-stays-local", async () => {
			const off = page.requests.filter((u) =>
			    !/^(file|data):/.test(u) && u !== "about:blank");
			notes.push(`${page.requests.length} requests, ` +
			    `${page.requests.filter((u) => u.startsWith("file:"))
			    .length} of them file:`);
			assert(page.requests.some((u) => u.endsWith("/assets/items.js")),
			    "the network log saw no request at all for items.js");
			assert(off.length === 0, "requests off the disk: " +
			    off.join(" "));
		});
		await check("no-errors", async () => {
			same("exceptions", page.exceptions, []);
			same("dialogs", page.dialogs, []);
		});
	} catch (e) {
		results.push(`not ok driver: ${e.stack}`);
	} finally {
		await browser.close();
	}
	for (const r of results) {
		console.log(r);
		if (r.startsWith("not ok"))
			status = 1;
	}
	for (const n of notes)
		console.log(`# ${n}`);
	console.log(`# ${Date.now() - t0} ms with the browser`);
	return status;
}

async function shoot(args) {
	const [site, out, ...shots] = args;
	const browser = await Browser.start();
	try {
		const page = await browser.newPage();
		for (const [name, width] of [["phone", 390], ["desk", 1280]]) {
			await page.send("Emulation.setDeviceMetricsOverride", {
			    width, height: width < 600 ? 844 : 800,
			    deviceScaleFactor: 1, mobile: width < 600 });
			for (const s of shots) {
				const [label, rel] = s.split("=");
				await page.goto(fileUrl(path.resolve(site), rel));
				const h = await page.eval(
				    "document.documentElement.scrollHeight");
				const shot = await page.send("Page.captureScreenshot", {
				    format: "png", captureBeyondViewport: true,
				    clip: { x: 0, y: 0, width, height: Math.min(h, 3000),
				    scale: 1 } });
				const f = path.join(out, `${label}-${name}.png`);
				fs.writeFileSync(f, Buffer.from(shot.data, "base64"));
				console.log(f);
			}
		}
		const off = page.requests.filter((u) => !/^(file|data):/.test(u) &&
		    u !== "about:blank");
		if (off.length > 0)
			throw new Error("requests off the disk: " + off.join(" "));
	} finally {
		await browser.close();
	}
	return 0;
}

/* A browser that stops answering fails the run, in bounded time. */
const LIMIT = Number(process.env.WARTA_DRIVER_LIMIT || 180);
setTimeout(() => {
	console.log(`not ok driver: still running after ${LIMIT} s`);
	for (const b of Browser.live) {
		b.proc.kill("SIGKILL");
		fs.rmSync(b.profile, { recursive: true, force: true });
	}
	process.exit(1);
}, LIMIT * 1000).unref();

const [cmd, ...rest] = process.argv.slice(2);
const run = cmd === "check" ? runChecks : cmd === "shoot" ? shoot : null;
if (!run) {
	console.error("usage: driver.js check SITE --input STREAM... --seed FILE " +
	    "[--hostile] --axe AXE.JS\n       driver.js shoot SITE OUTDIR NAME=PAGE...");
	process.exit(2);
}
run(rest).then((s) => process.exit(s), (e) => {
	console.error(`driver.js: ${e.stack}`);
	process.exit(1);
});
