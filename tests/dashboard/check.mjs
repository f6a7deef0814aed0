// The dashboard in headless Chromium (playwright-core driving Debian's
// chromium): serves a built site on 127.0.0.1, opens every page, and checks
// that it renders without a console error, a failed request or a request
// anywhere but this server, shows the bundled data's numbers, and draws a
// map and charts that are not blank.  Prints one line per check, as
// tests/lib/report.sh writes them ("ok - dashboard: ...", "not ok - ...").
//   node tests/dashboard/check.mjs --site DIR --work DIR [--in-force N --unknown N]
//        [--docs PNG]   also compare the overview's screenshot with PNG
//        [--shot PNG]   only write the overview's screenshot to PNG
import {createServer} from "node:http";
import {createRequire} from "node:module";
import {execFileSync} from "node:child_process";
import {readFileSync, readdirSync, existsSync, statSync, writeFileSync} from "node:fs";
import {join, dirname, resolve, extname, normalize} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const require = createRequire(join(repo, "dashboards/ukraine/package.json"));
const {chromium} = require("playwright-core");
const {values: args} = parseArgs({
  options: {
    site: {type: "string"}, work: {type: "string"}, docs: {type: "string"}, shot: {type: "string"},
    "in-force": {type: "string"}, unknown: {type: "string"}
  }
});
const site = resolve(args.site);
const work = resolve(args.work);
let failures = 0;
const ok = (what) => console.log(`ok - dashboard: ${what}`);
const failed = (what, why) => { console.log(`not ok - dashboard: ${what}: ${why}`); failures++; };
const check = (what, why) => (why ? failed(what, why) : ok(what));

// The overview's screenshot: one viewport for the README and the suite.
const VIEWPORT = {width: 1280, height: 900};

// A static server for the built site, with Framework's clean URLs.
const types = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2"};
const server = createServer((req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (path.endsWith("/")) path += "index";
  let file = join(site, path);
  if (!file.startsWith(site)) file = "";
  if (file && !extname(file) && existsSync(file + ".html")) file += ".html";
  if (!file || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream"});
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1"]
});
const context = await browser.newContext({viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: "light",
  locale: "en-GB", timezoneId: "UTC"});

// Opens a page and records everything that went wrong while it loaded.
async function open(path) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("request", (r) => { if (!r.url().startsWith(origin + "/") && !r.url().startsWith("data:")) problems.push(`request off this server: ${r.url()}`); });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(origin + path, {waitUntil: "networkidle"});
  return {page, problems};
}

// Statistics of a screenshot (pngdiff.py stat: ink is what differs from
// the background), and whether they look like a drawing: colours, some ink
// but not a page of it.
function pngstat(file) {
  const out = execFileSync("python3", [join(here, "pngdiff.py"), "stat", file], {encoding: "utf8"});
  return Object.fromEntries(out.trim().split(" ").map((kv) => kv.split("=")).map(([k, v]) => [k, Number(v)]));
}
function blankness(s) {
  if (s.colours < 16 || s.ink < 0.005) return `blank: ${s.colours} colours, ink ${s.ink}`;
  if (s.ink > 0.95) return `all ink (${s.ink}): not a drawing`;
  return "";
}
async function drawn(page, selector, name) {
  const file = join(work, `${name}.png`);
  const element = page.locator(selector).first();
  if (!(await element.count())) return [`no ${selector} in the page`, null];
  await element.screenshot({path: file});
  const s = pngstat(file);
  return [blankness(s), s];
}

// The check of a drawing can fail: a white box is blank.
{
  const page = await context.newPage();
  await page.setContent('<div id="b" style="width:400px;height:300px;background:#fff"></div>');
  const [why] = await drawn(page, "#b", "blank");
  if (why.startsWith("blank:")) ok(`the screenshot check tells a blank box (${why})`);
  else failed("the screenshot check tells a blank box", `it said: ${why || "a drawing"}`);
  await page.close();
}

// The overview as the README shows it: the whole page, scrolled to the top
// (the element screenshots above scroll it, and the sidebar stays put).
async function overviewShot(page, file) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({path: file, fullPage: true});
}

const text = async (page, selector) => ((await page.locator(selector).first().textContent({timeout: 10000}).catch(() => null)) ?? "").trim();

if (args.shot) {
  const {page, problems} = await open("/");
  await page.locator("#map svg").first().waitFor({timeout: 30000});
  await overviewShot(page, args.shot);
  check("overview screenshot written to " + args.shot, problems.join("; "));
} else {
  const pages = readdirSync(site).filter((f) => f.endsWith(".html")).map((f) => f === "index.html" ? "/" : "/" + f.replace(/\.html$/, ""));
  check("the site has the overview, the signing order and NATO", ["/", "/signing-order", "/nato"].every((p) => pages.includes(p)) ? "" : `pages: ${pages.join(" ")}`);

  for (const path of pages) {
    const {page, problems} = await open(path);
    // every cell has run (or failed, which the problems list shows)
    await page.waitForFunction(() => !document.querySelector(".observablehq--loading, .observablehq--running"), null, {timeout: 30000}).catch(() => {});
    const errors = await page.locator(".observablehq--error").allTextContents();
    for (const e of errors) problems.push(`cell error: ${e}`);
    check(`${path}: renders without a console error, failed or outside request`, problems.join("; "));

    if (path === "/") {
      const counts = {
        partners: [await text(page, "#count-partners .big-number"), "29"],
        agreements: [await text(page, "#count-agreements .big-number"), "29"],
        "in force": [await text(page, "#count-in-force .big-number"), args["in-force"] ?? "0"],
        "status unknown": [await text(page, "#count-unknown .big-number"), args.unknown ?? "29"]
      };
      for (const [name, [shown, expected]] of Object.entries(counts)) {
        check(`/: ${name} ${expected}`, shown === expected ? "" : `the page shows "${shown}"`);
      }
      const labels = await page.locator("#cumulative svg text").allTextContents();
      for (const label of ["BE 11th, PT 12th", "EE EU LT 18th", "GB 1st", "AL 29th"]) {
        check(`/: the step line's labels include "${label}"`, labels.includes(label) ? "" : `labels: ${labels.slice(0, 40).join(" | ")}`);
      }
      const steps = await page.locator("#cumulative svg circle").count();
      check(`/: one step per signing day (${steps})`, steps === 20 ? "" : `${steps} dots, not 20`);
      const partnerShapes = await page.evaluate(() => {
        // the partners' shapes, filled by their place
        const group = document.querySelector("#map svg g[aria-description='partners']");
        return group ? group.querySelectorAll("path").length : -1;
      });
      // 29 partners less the EU, which has no shape
      check(`/: the map shades 28 partner countries`, partnerShapes === 28 ? "" : `${partnerShapes} shaded shapes`);
      for (const [selector, name] of [["#map svg:has(g[aria-description='partners'])", "map"], ["#cumulative svg", "step line"], ["#dyad-years svg", "dyads by year"]]) {
        const [why, s] = await drawn(page, selector.trim(), name.replace(/ /g, "-"));
        check(`/: the ${name} is drawn${s ? ` (${s.width}x${s.height}, ${s.colours} colours, ink ${s.ink})` : ""}`, why);
      }
      const bars = await page.locator("#dyad-years svg rect").count();
      check(`/: dyads in force for the 12 years 2024-2035 (${bars} bars)`, bars === 12 ? "" : `${bars} bars`);
      if (args.docs) {
        const file = join(work, "overview.png");
        await overviewShot(page, file);
        const out = execFileSync("python3", [join(here, "pngdiff.py"), "diff", file, args.docs], {encoding: "utf8"}).trim();
        const differing = Number(out.split("differing=")[1]);
        // a few pixels of antialiasing may move; one digit changed is some hundred
        check(`${args.docs} is what the suite renders (${out} pixels)`, differing <= 40 ? "" : "run 'make docs-dashboard' and commit it");
      }
    } else if (path === "/signing-order") {
      const rows = await page.locator("table.signing-order tbody tr").count();
      check(`${path}: 29 rows in the signing order`, rows === 29 ? "" : `${rows} rows`);
      const be = await text(page, "table.signing-order tr[data-counterpart=BE] td.ordinal");
      check(`${path}: Belgium 11th`, be === "11th" ? "" : `Belgium's row says "${be}"`);
      for (const c of ["EE", "EU", "LT"]) {
        const o = await text(page, `table.signing-order tr.shared[data-counterpart=${c}] td.ordinal`);
        check(`${path}: ${c} 18th, shared`, o === "18th" ? "" : `${c}'s row says "${o}" (or is not marked shared)`);
      }
      const loaded = await page.evaluate(() => { const i = document.querySelector("img.secpact-chart"); return i && i.complete ? i.naturalWidth : 0; });
      check(`${path}: secpact's chart is loaded (${loaded} px wide)`, loaded > 0 ? "" : "the image did not load");
      const [why, s] = await drawn(page, "img.secpact-chart", "secpact-chart");
      check(`${path}: secpact's chart is drawn${s ? ` (${s.width}x${s.height}, ${s.colours} colours, ink ${s.ink})` : ""}`, why);
    } else if (path === "/nato") {
      const rows = await page.locator("table.accession-order tbody tr").count();
      check(`${path}: 32 members in the accession order`, rows === 32 ? "" : `${rows} rows`);
      for (const [c, expected] of [["SE", "32nd"], ["FI", "31st"]]) {
        const o = await text(page, `table.accession-order tr:not(.shared)[data-party=${c}] td.ordinal`);
        check(`${path}: ${c} ${expected}, not shared`, o === expected ? "" : `${c}'s row says "${o}" (or is marked shared)`);
      }
      const founders = await page.locator("table.accession-order tr.shared").evaluateAll((trs) => trs
        .filter((tr) => tr.querySelector("td.ordinal")?.textContent === "1st")
        .map((tr) => tr.dataset.party).sort().join(" "));
      const twelve = "BE CA DK FR GB IS IT LU NL NO PT US";
      check(`${path}: the 12 founders share 1st`, founders === twelve ? "" : `1st, shared: ${founders}`);
      const labels = await page.locator("#nato-steps svg text").allTextContents();
      for (const label of ["GR TR 13th", "FI 31st", "SE 32nd"]) {
        check(`${path}: the step chart's labels include "${label}"`, labels.includes(label) ? "" : `labels: ${labels.slice(0, 40).join(" | ")}`);
      }
      const steps = await page.locator("#nato-steps svg circle").count();
      check(`${path}: one step per day of accession (${steps})`, steps === 11 ? "" : `${steps} dots, not 11`);
      for (const [selector, name] of [["#nato-steps svg", "nato-steps"], ["#nato-chart img.secpact-chart", "nato-chart"]]) {
        const [why, s] = await drawn(page, selector, name);
        check(`${path}: the ${name === "nato-steps" ? "step chart" : "accession chart"} is drawn${s ? ` (${s.width}x${s.height}, ${s.colours} colours, ink ${s.ink})` : ""}`, why);
      }
    }
    await page.close();
  }
}

await browser.close();
server.close();
process.exit(failures ? 1 : 0);
