/*
 * hostile.js: writes a NewsML-G2 item whose every text is an attack on
 * the page that shows it: markup, <script>, <img onerror>, javascript:
 * links and a request off the machine, in the guid, headline, summary,
 * dateline, byline, place, names, rights, body and original.  Each payload
 * would set window.__warta_pwned (to say where it came from) and
 * document.title, or ask for http://warta-hostile.invalid/, were it run.
 *
 *   node hostile.js > hostile.xml
 *
 * The body also holds real XHTML elements (<script>, <img>, <a href=
 * "javascript:...">, <iframe>, <style>): an item's markup, which the page
 * must not take as its own.  The headline holds the word zxqhostile, for
 * the search to find it by.
 */
"use strict";

function payload(where) {
	return `<script>window.__warta_pwned="${where}";document.title="pwned"</script>` +
	    `<img src=x onerror="window.__warta_pwned='${where}'">` +
	    `<a href="javascript:window.__warta_pwned='${where}'">${where}</a>` +
	    `<img src="http://warta-hostile.invalid/${where}.png">` +
	    `"'&amp;</p></div></main>`;
}

function xml(s) {
	return s.replace(/&/g, "&amp;").replace(/</g, "&lt;")
	    .replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const T = (where) => xml(payload(where));
const HEADLINE = "zxqhostile " + payload("headline");

const item = `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${T("guid")}" version="1" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>
  <hopHistory>
    <hop seq="1" timestamp="2024-01-02T03:04:05Z">
      <party><name>${T("hop")}</name></party>
      <action qcode="hopaction:transformed" target="hatarget:content"/>
    </hop>
  </hopHistory>
  <rightsInfo>
    <copyrightHolder><name>${T("rights")}</name></copyrightHolder>
    <copyrightNotice>${T("notice")}</copyrightNotice>
  </rightsInfo>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider uri="javascript:window.__warta_pwned='provider'"><name>${T("provider")}</name></provider>
    <versionCreated>2024-01-02T03:04:05Z</versionCreated>
    <firstCreated>2024-01-02T03:04:05Z</firstCreated>
    <pubStatus qcode="stat:usable"/>
    <fileName>${T("filename")}</fileName>
  </itemMeta>
  <contentMeta>
    <contentCreated>2024-01-02</contentCreated>
    <located><name>${T("located")}</name></located>
    <creator><name>${T("creator")}</name></creator>
    <language tag="en"/>
    <subject type="cpnat:person"><name>${T("person")}</name></subject>
    <subject type="cpnat:person" why="why:direct"><name>${T("person-found")}</name></subject>
    <subject type="cpnat:organisation"><name>${T("org")}</name></subject>
    <subject type="cpnat:geoArea"><name>${T("place")}</name></subject>
    <subject type="cpnat:abstract" qcode="medtop:${T("qcode")}"><name>${T("subject")}</name></subject>
    <headline>${xml(HEADLINE)}</headline>
    <dateline>${T("dateline")}</dateline>
    <by>${T("byline")}</by>
    <description role="drol:summary">${T("summary")}</description>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml" wordcount="12">
      <html xmlns="http://www.w3.org/1999/xhtml">
        <head><title>${T("title")}</title><script>window.__warta_pwned="head-element"</script></head>
        <body>
          <p>${T("body")}</p>
          <p>Real elements: <script>window.__warta_pwned="script-element";document.title="pwned"</script><img src="x" onerror="window.__warta_pwned='img-element'"/><a href="javascript:window.__warta_pwned='a-element'">a link</a><iframe src="javascript:parent.__warta_pwned='iframe-element'"></iframe><style>body { display: none }</style><img src="http://warta-hostile.invalid/element.png"/> end.</p>
        </body>
      </html>
    </inlineXML>
    <inlineData contenttype="text/html">${T("original")}</inlineData>
  </contentSet>
</newsItem>
`;

process.stdout.write(item);
