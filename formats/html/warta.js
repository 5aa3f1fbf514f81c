/*
 * The reading room's index: filters and a search over assets/items.js,
 * all in the page, offline.  warta-html writes it as assets/warta.js.
 *
 * Everything shown comes from items and is set as text (textContent),
 * never as markup; a link is made from an item's ID only, and only when
 * the ID is the 16 hex digits warta gives.
 */
(function () {
	"use strict";

	var data = window.WARTA_DATA;
	var form = document.getElementById("filters");
	var results = document.getElementById("results");
	var count = document.getElementById("count");
	var PAGE = 500;
	var MONTHS = ["January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November",
		"December"];

	if (!data || !form || !results || !count)
		return;

	var F = {};
	data.fields.forEach(function (name, i) { F[name] = i; });
	var items = data.items;
	var facets = data.facets;
	var matches = [];
	var shown = 0;
	var folded = null;	/* each item's headline and summary, folded */

	/* Case and accents do not matter to the search. */
	function fold(s) {
		return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
			.toLowerCase();
	}

	function el(tag, cls, text) {
		var e = document.createElement(tag);

		if (cls)
			e.className = cls;
		if (text !== undefined && text !== null)
			e.textContent = text;
		return e;
	}

	function options(id, values, labels) {
		var select = document.getElementById(id);

		values.forEach(function (v, i) {
			var o = el("option", null, labels ? labels[i] : v);

			o.value = String(v);
			select.appendChild(o);
		});
		select.addEventListener("change", apply);
	}

	function distinct(field) {
		var seen = {}, out = [];

		items.forEach(function (it) {
			var v = field === "year" ? it[F.date].slice(0, 4) :
				it[F[field]];

			if (v && !Object.prototype.hasOwnProperty.call(seen, v)) {
				seen[v] = true;
				out.push(v);
			}
		});
		return out.sort();
	}

	/* A facet's select lists its names by number, in the data's order. */
	function facetOptions(id, kind) {
		var names = facets[kind] || [];

		options(id, names.map(function (n, i) { return i; }), names);
	}

	function selected(id) {
		return document.getElementById(id).value;
	}

	function apply() {
		var year = selected("f-year"), lang = selected("f-lang");
		var want = [["f-person", F.people], ["f-org", F.organizations],
			["f-place", F.places], ["f-subject", F.subjects]]
			.map(function (f) {
				var v = selected(f[0]);

				return v === "" ? null : [f[1], Number(v)];
			}).filter(function (f) { return f !== null; });
		var words = fold(document.getElementById("q").value).split(/\s+/)
			.filter(function (w) { return w !== ""; });

		if (words.length > 0 && folded === null)
			folded = items.map(function (it) {
				return fold(it[F.heading] + " " + it[F.summary]);
			});
		matches = [];
		items.forEach(function (it, i) {
			if (year !== "" && it[F.date].slice(0, 4) !== year)
				return;
			if (lang !== "" && it[F.lang] !== lang)
				return;
			if (!want.every(function (w) {
				return it[w[0]].indexOf(w[1]) >= 0;
			}))
				return;
			if (!words.every(function (w) {
				return folded[i].indexOf(w) >= 0;
			}))
				return;
			matches.push(it);
		});
		count.textContent = matches.length === 1 ? "1 item" :
			matches.length + " items";
		results.textContent = "";
		shown = 0;
		more();
	}

	function monthTitle(date) {
		if (date === "")
			return "No date";
		return MONTHS[Number(date.slice(5, 7)) - 1] + " " +
			date.slice(0, 4);
	}

	function row(it) {
		var li = el("li", "item"), a = el("a", "headline",
			it[F.heading] || "Untitled item");
		var id = it[F.id];

		if (/^[0-9a-f]{16}$/.test(id))
			a.href = "items/" + id.slice(0, 3) + "/" + id + ".html";
		if (it[F.lang])
			a.lang = it[F.lang];
		li.appendChild(a);
		li.appendChild(el("span", "date", it[F.date] || "No date"));
		li.appendChild(document.createTextNode(" "));
		li.appendChild(el("span", "place", it[F.place]));
		li.appendChild(document.createTextNode(" "));
		li.appendChild(el("span", "byline", it[F.byline]));
		li.appendChild(document.createTextNode(" "));
		li.appendChild(el("span", "words", it[F.words] + " words"));
		return li;
	}

	/* The next PAGE matches, under their month's and day's headings. */
	function more() {
		var end = Math.min(shown + PAGE, matches.length);
		var button = document.getElementById("more");

		if (button)
			button.remove();
		var list = results.lastElementChild;
		var month = list ? list.getAttribute("data-month") : null;
		var day = list ? list.getAttribute("data-day") : null;

		for (; shown < end; shown++) {
			var it = matches[shown], d = it[F.date];

			if (d.slice(0, 7) !== month) {
				month = d.slice(0, 7);
				day = null;
				results.appendChild(el("h2", null, monthTitle(d)));
			}
			if (d !== day) {
				day = d;
				if (d !== "")
					results.appendChild(el("h3", null, d));
				list = el("ol", "items");
				list.setAttribute("data-month", month);
				list.setAttribute("data-day", day);
				results.appendChild(list);
			}
			list.appendChild(row(it));
		}
		if (shown < matches.length) {
			button = el("button", "more", "Show more (" +
				(matches.length - shown) + " left)");
			button.id = "more";
			button.type = "button";
			button.addEventListener("click", more);
			results.appendChild(button);
		}
	}

	options("f-year", distinct("year"));
	facetOptions("f-place", "places");
	facetOptions("f-person", "people");
	facetOptions("f-org", "organizations");
	facetOptions("f-subject", "subjects");
	options("f-lang", distinct("lang"));
	document.getElementById("q").addEventListener("input", apply);
	form.addEventListener("submit", function (e) { e.preventDefault(); });
	form.hidden = false;
	apply();
}());
