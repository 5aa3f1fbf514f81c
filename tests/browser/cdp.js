/*
 * cdp.js: headless Chromium driven through the DevTools protocol over a
 * pipe (--remote-debugging-pipe: JSON messages ending in a NUL byte, the
 * browser reading fd 3 and writing fd 4), so that no port is opened and
 * no npm package is needed to reach the browser.
 *
 * A page records every request it makes (Network.requestWillBeSent), the
 * exceptions thrown in it, the dialogs it opens (dismissed at once) and
 * the browser's log (where Content-Security-Policy reports what it
 * blocked), for the checks to read.
 */
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

class Browser {
	constructor(proc, profile) {
		this.proc = proc;
		this.profile = profile;
		this.next = 1;
		this.waiting = new Map();	/* id -> {resolve, reject, method} */
		this.handlers = new Map();	/* sessionId -> function(msg) */
		this.closed = false;
		this.stderr = "";
		let pending = Buffer.alloc(0);

		proc.stdio[4].on("data", (chunk) => {
			pending = Buffer.concat([pending, chunk]);
			let end;
			while ((end = pending.indexOf(0)) >= 0) {
				const text = pending.subarray(0, end).toString("utf8");
				pending = pending.subarray(end + 1);
				this.dispatch(JSON.parse(text));
			}
		});
		proc.stderr.on("data", (chunk) => {
			if (this.stderr.length < 65536)
				this.stderr += chunk.toString("utf8");
		});
		proc.on("exit", (code, signal) => {
			this.closed = true;
			for (const w of this.waiting.values())
				w.reject(new Error(`chromium exited (${signal || code}) ` +
				    `during ${w.method}: ${this.stderr.slice(-2000)}`));
			this.waiting.clear();
		});
	}

	/* Starts the browser: CHROMIUM, or chromium on the PATH. */
	static start() {
		const profile = fs.mkdtempSync(path.join(os.tmpdir(),
		    "warta-chromium-"));
		const args = [
			"--headless", "--no-sandbox", "--remote-debugging-pipe",
			`--user-data-dir=${profile}`, "--no-first-run",
			"--no-default-browser-check", "--disable-gpu",
			"--disable-dev-shm-usage", "--disable-extensions",
			"--disable-background-networking", "--disable-sync",
			"--disable-component-update", "--disable-default-apps",
			"--disable-features=Translate,MediaRouter,OptimizationHints",
			"--mute-audio", "--hide-scrollbars", "about:blank"
		];
		const proc = spawn(process.env.CHROMIUM || "chromium", args, {
			stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"]
		});
		return new Promise((resolve, reject) => {
			proc.once("error", reject);
			proc.once("spawn", () => {
				const b = new Browser(proc, profile);
				Browser.live.add(b);
				proc.once("exit", () => Browser.live.delete(b));
				resolve(b);
			});
		});
	}

	dispatch(msg) {
		if (msg.id !== undefined) {
			const w = this.waiting.get(msg.id);
			if (!w)
				return;
			this.waiting.delete(msg.id);
			if (msg.error)
				w.reject(new Error(`${w.method}: ${msg.error.message}`));
			else
				w.resolve(msg.result);
			return;
		}
		const h = this.handlers.get(msg.sessionId || "");
		if (h)
			h(msg);
	}

	send(method, params, sessionId) {
		if (this.closed)
			return Promise.reject(new Error(`chromium is gone: ${method}`));
		const id = this.next++;
		const msg = { id, method, params: params || {} };
		if (sessionId)
			msg.sessionId = sessionId;
		return new Promise((resolve, reject) => {
			this.waiting.set(id, { resolve, reject, method });
			this.proc.stdio[3].write(JSON.stringify(msg) + "\0");
		});
	}

	async newPage() {
		const { targetId } = await this.send("Target.createTarget",
		    { url: "about:blank" });
		const { sessionId } = await this.send("Target.attachToTarget",
		    { targetId, flatten: true });
		const page = new Page(this, targetId, sessionId);
		this.handlers.set(sessionId, (m) => page.event(m));
		await Promise.all(["Page.enable", "Runtime.enable",
		    "Network.enable", "Log.enable"].map((m) => page.send(m)));
		return page;
	}

	async close() {
		if (!this.closed) {
			const gone = new Promise((r) => this.proc.once("exit", r));
			this.send("Browser.close").catch(() => {});
			const t = setTimeout(() => this.proc.kill("SIGKILL"), 3000);
			await gone;
			clearTimeout(t);
		}
		fs.rmSync(this.profile, { recursive: true, force: true });
	}
}

class Page {
	constructor(browser, targetId, sessionId) {
		this.browser = browser;
		this.targetId = targetId;
		this.sessionId = sessionId;
		this.requests = [];	/* every URL asked for, in order */
		this.exceptions = [];
		this.dialogs = [];
		this.log = [];
		this.waiters = [];
	}

	send(method, params) {
		return this.browser.send(method, params, this.sessionId);
	}

	event(m) {
		const p = m.params;
		switch (m.method) {
		case "Network.requestWillBeSent":
			this.requests.push(p.request.url);
			break;
		case "Network.webSocketCreated":
			this.requests.push(p.url);
			break;
		case "Runtime.exceptionThrown":
			this.exceptions.push(p.exceptionDetails.exception ?
			    p.exceptionDetails.exception.description :
			    p.exceptionDetails.text);
			break;
		case "Page.javascriptDialogOpening":
			this.dialogs.push(`${p.type}: ${p.message}`);
			this.send("Page.handleJavaScriptDialog",
			    { accept: false }).catch(() => {});
			break;
		case "Log.entryAdded":
			this.log.push(`${p.entry.source}/${p.entry.level}: ` +
			    p.entry.text);
			break;
		}
		this.waiters = this.waiters.filter((w) => {
			if (w.method !== m.method)
				return true;
			w.resolve(p);
			return false;
		});
	}

	once(method, ms) {
		return new Promise((resolve, reject) => {
			const w = { method, resolve };
			this.waiters.push(w);
			setTimeout(() => {
				this.waiters = this.waiters.filter((x) => x !== w);
				reject(new Error(`no ${method} in ${ms} ms`));
			}, ms).unref();
		});
	}

	/* Opens url and waits for its load event. */
	async goto(url) {
		const loaded = this.once("Page.loadEventFired", 10000);
		const r = await this.send("Page.navigate", { url });
		if (r.errorText)
			throw new Error(`${url}: ${r.errorText}`);
		await loaded;
	}

	/* The value of a JavaScript expression in the page (a promise is
	 * awaited); an exception in it is thrown here. */
	async eval(expression) {
		const r = await this.send("Runtime.evaluate", {
			expression, returnByValue: true, awaitPromise: true
		});
		if (r.exceptionDetails)
			throw new Error("in the page: " + (r.exceptionDetails.exception ?
			    r.exceptionDetails.exception.description :
			    r.exceptionDetails.text));
		return r.result.value;
	}

	/* Calls fn (a function, as source) in the page with args (JSON). */
	call(fn, ...args) {
		return this.eval(`(${fn.toString()})(...${JSON.stringify(args)})`);
	}

	async close() {
		await this.browser.send("Target.closeTarget",
		    { targetId: this.targetId });
	}
}

/* The browsers running, for a watchdog to end. */
Browser.live = new Set();

module.exports = { Browser };
