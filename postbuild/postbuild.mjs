#!/usr/bin/env node
// Post-build step of the Trunk build (Trunk.toml runs it on the staging
// folder; it can also be run by hand on a built folder). Node's standard
// library only. It turns Trunk's output into the offline, private app:
//
// - a build id (hash of the build's files and of this step) in
//   <meta name="parallax-build">;
// - the Content-Security-Policy of index.html completed with the hashes of
//   its inline scripts (Trunk's loader);
// - manifest.webmanifest and its PNG icons;
// - parallax-offline.html: the whole app in one file (CSS and JS inline,
//   the wasm as base64), with its own hash-based policy;
// - engine-worker.js: the engine's Web Worker, which loads the app's own
//   JS glue and wasm and calls its `engine_worker` export;
// - sw.js: the service worker with the exact list of files to precache.
//
// Running it twice on the same folder gives the same files.
//
//   node postbuild/postbuild.mjs [DIR]     (default: $TRUNK_STAGING_DIR)

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OFFLINE_FILE = "parallax-offline.html";
const WORKER_FILE = "engine-worker.js";
const ICONS = [192, 512];
/** Files this step writes; everything else in the folder is Trunk's. */
const GENERATED = new Set(["sw.js", "manifest.webmanifest", OFFLINE_FILE, WORKER_FILE, ...ICONS.map((s) => `icon-${s}.png`)]);

function fail(message) {
  console.error(`postbuild: ${message}`);
  process.exit(1);
}

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir || !fs.existsSync(path.join(dir, "index.html"))) {
  fail(`no index.html in ${dir || "(no folder given and TRUNK_STAGING_DIR unset)"}`);
}
const file = (name) => path.join(dir, name);
const read = (name) => fs.readFileSync(file(name));
const sha256 = (data) => createHash("sha256").update(data).digest();
const cspHash = (text) => `'sha256-${sha256(Buffer.from(text, "utf8")).toString("base64")}'`;

/** Every file below `dir`, as URL paths relative to it, sorted. */
function listFiles(root, prefix = "") {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(root, name));
    else out.push(name);
  }
  return out.sort();
}

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)("[^>]*>)/i;
const BUILD_META = /(<meta\s+name="parallax-build"\s+content=")([^"]*)("[^>]*>)/i;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

let html = read("index.html").toString("utf8");
if (!CSP_META.test(html)) fail("index.html has no Content-Security-Policy meta tag");
if (!BUILD_META.test(html)) fail('index.html has no <meta name="parallax-build">');
// `trunk serve` injects a live-reload script that it rewrites per request
// and that talks over a WebSocket: such a build gets no policy and no cache.
const dev = html.includes("{{__TRUNK_");

/** Sets the sha256 sources of one directive, leaving its other sources. */
function withHashes(policy, directive, hashes) {
  return policy
    .split(";")
    .map((part) => {
      const words = part.trim().split(/\s+/).filter(Boolean);
      if (words[0] !== directive) return part.trim();
      return [...words.filter((w) => !w.startsWith("'sha256-")), ...hashes].join(" ");
    })
    .filter(Boolean)
    .join("; ");
}

// 0. The engine's own glue and wasm (Trunk's `data-type="worker"` build of
// the parallax-engine binary), and the page's loader of it: where no
// worker can run, `window.parallaxEngine(reply)` puts the engine on the
// page and resolves to the function that takes its requests
// (src/ui/engine.rs). Replaced, not added, on a re-run.
const ENGINE_GLUE = /^parallax-engine(?:-[0-9a-f]+)?\.js$/;
const engineJs = fs.readdirSync(dir).find((n) => ENGINE_GLUE.test(n));
if (!engineJs) fail("no parallax-engine JS glue: is the engine's rust link in index.html?");
const engineWasm = engineJs.replace(/\.js$/, "_bg.wasm");
if (!fs.existsSync(file(engineWasm))) fail(`no ${engineWasm} next to ${engineJs}`);
const ENGINE_LOADER = /<script id="parallax-engine-loader">[\s\S]*?<\/script>\s*/;
const pageLoader = `<script id="parallax-engine-loader">window.parallaxEngine = async (reply) => {
  const engine = await import("./${engineJs}");
  await engine.default({ module_or_path: "./${engineWasm}" });
  return engine.engine_on_page(reply);
};</script>
`;
html = html.replace(ENGINE_LOADER, "");
if (!/<\/head>/.test(html)) fail("index.html has no </head>");
html = html.replace(/<\/head>/, `${pageLoader}  </head>`);

// 0b. The stylesheets in one file, `style-<hash>.css`: one request instead
// of eight (each one render-blocking). Trunk's files are removed, so nothing
// precaches them. A re-run finds the one file already there and keeps it.
const STYLE_LINK = /(\s*)<link\s+rel="stylesheet"\s+href="\.\/([^"]+\.css)"[^>]*>/g;
const STYLE_FILE = /^style-[0-9a-f]{16}\.css$/;
const styleFiles = [...html.matchAll(STYLE_LINK)].map((m) => m[2]);
if (styleFiles.length === 0) fail("index.html has no stylesheets");
const css = styleFiles
  .map((name) => read(name).toString("utf8").replace(/\r/g, ""))
  .join("\n");
if (/<\/style/i.test(css)) fail('a stylesheet contains "</style"');
if (!(styleFiles.length === 1 && STYLE_FILE.test(styleFiles[0]))) {
  const styleName = `style-${sha256(css).toString("hex").slice(0, 16)}.css`;
  fs.writeFileSync(file(styleName), css);
  let first = true;
  html = html.replace(STYLE_LINK, (_, space) => {
    if (!first) return "";
    first = false;
    return `${space}<link rel="stylesheet" href="./${styleName}" />`;
  });
  for (const name of styleFiles) fs.rmSync(file(name));
}

// 1. The build id: this step's own sources and every file Trunk made, with
// what this step writes into index.html left out (so a re-run agrees).
const normalised = html
  .replace(BUILD_META, "$1$3")
  .replace(CSP_META, (_, a, policy, b) => a + withHashes(policy, "script-src", []) + b);
const id = createHash("sha256");
for (const source of ["postbuild.mjs", "sw.js", "sw-dev.js"]) id.update(fs.readFileSync(path.join(HERE, source)));
for (const name of listFiles(dir).filter((n) => !GENERATED.has(n))) {
  id.update(`\0${name}\0`).update(name === "index.html" ? sha256(normalised) : sha256(read(name)));
}
const version = (dev ? "dev-" : "") + id.digest("hex").slice(0, 16);
html = html.replace(BUILD_META, `$1${version}$3`);

// 2. index.html's policy allows exactly its inline scripts.
if (dev) {
  html = html.replace(CSP_META, "");
} else {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map((m) => cspHash(m[1]));
  html = html.replace(CSP_META, (_, a, policy, b) => a + withHashes(policy, "script-src", hashes) + b);
}
fs.writeFileSync(file("index.html"), html);

// 3. The web app manifest and its icons.
const title = (html.match(/<title>([^<]*)<\/title>/) || [])[1] || "Parallax";
const description = (html.match(/<meta\s+name="description"\s+content="([^"]*)"/) || [])[1] || "";
const manifest = {
  name: "Parallax",
  short_name: "Parallax",
  description,
  start_url: "./",
  scope: "./",
  display: "standalone",
  background_color: "#ffffff",
  theme_color: "#1f5fa8",
  icons: ICONS.map((size) => ({ src: `icon-${size}.png`, sizes: `${size}x${size}`, type: "image/png", purpose: "any maskable" })),
};
fs.writeFileSync(file("manifest.webmanifest"), JSON.stringify(manifest, null, 2) + "\n");
for (const size of ICONS) fs.writeFileSync(file(`icon-${size}.png`), iconPng(size));

// 4. The one-file offline copy.
const loader = [...html.matchAll(INLINE_SCRIPT)]
  .map((m) => m[1])
  .find((s) => s.includes("module_or_path") && !s.includes("parallaxEngine"));
if (!loader) fail("no Trunk loader script in index.html");
const jsName = (loader.match(/from\s+'\.\/([^']+\.js)'/) || [])[1];
const wasmName = (loader.match(/module_or_path:\s*'\.\/([^']+\.wasm)'/) || [])[1];
if (!jsName || !wasmName) fail("cannot find the JS glue and wasm names in Trunk's loader");
// The page's wasm is split (postbuild/page.mjs): its glue imports the
// module that loads the chunks, and that module fetches them. Here that
// module is inlined ahead of the glue and reads each chunk from base64.
const LINK_IMPORT = /^import \* as (\w+) from "\.\/([^"]+\.js)";$/gm;
let glue = read(jsName).toString("utf8");
let linked = "";
const linkImports = [...glue.matchAll(LINK_IMPORT)];
if (linkImports.length > 0) {
  const linkName = linkImports[0][2];
  if (linkImports.some((m) => m[2] !== linkName)) fail(`${jsName} imports more than one module`);
  const bindings = linkImports.map((m) => m[1]);
  glue = glue.replace(LINK_IMPORT, "");
  let link = read(linkName).toString("utf8");
  const mainImport = `import { initSync } from "./${jsName}";`;
  if (!link.includes(mainImport)) fail(`${linkName} does not import initSync from ./${jsName}`);
  link = link.replace(mainImport, "");
  const exported = [];
  link = link.replace(/^export const (\w+) =/gm, (_, name) => {
    exported.push(name);
    return `const ${name} =`;
  });
  const FETCH = /fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g;
  const chunks = [...new Set([...link.matchAll(FETCH)].map((m) => m[1]))];
  if (exported.length === 0 || chunks.length === 0) fail(`${linkName} has no loaders or fetches no chunk`);
  link = link.replace(FETCH, (_, name) => `parallaxChunk(${JSON.stringify(name)})`);
  if (/^\s*(import|export)\s/m.test(link) || /import\.meta/.test(link)) fail(`${linkName} has imports or exports left`);
  const embedded = chunks.map((n) => `  ${JSON.stringify(n)}: "${read(n).toString("base64")}",`).join("\n");
  linked = `// The split page's chunk loader (${linkName}), its chunks embedded.
const ${bindings[0]} = (() => {
const parallaxChunks = {
${embedded}
};
const parallaxChunk = async (name) => {
  const binary = atob(parallaxChunks[name]);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Response(bytes, { headers: { "Content-Type": "application/wasm" } });
};
${link.replace(/\r/g, "")}
return { ${exported.join(", ")} };
})();
${bindings.slice(1).map((b) => `const ${b} = ${bindings[0]};\n`).join("")}`;
}
if (/^\s*import\s/m.test(glue)) fail(`${jsName} imports other modules: they would need inlining too`);
if (/<\/script/i.test(linked)) fail(`the chunk loader contains "</script"`);
if (/<\/script/i.test(glue)) fail(`${jsName} contains "</script"`);
if (!/async function __wbg_init\(/.test(glue)) fail(`${jsName} has no __wbg_init: check the wasm-bindgen version`);
const iconName = (html.match(/<link\s+rel="icon"\s+href="\.\/([^"]+\.svg)"/) || [])[1];
const icon = iconName ? `data:image/svg+xml;base64,${read(iconName).toString("base64")}` : null;
const script = `${linked}${glue.replace(/\r/g, "")}
// Parallax offline copy: the wasm is embedded below and instantiated
// asynchronously (WebAssembly.instantiate), no file is fetched.
const wasmBase64 = "${read(wasmName).toString("base64")}";
const wasmBinary = atob(wasmBase64);
const wasmBytes = new Uint8Array(wasmBinary.length);
for (let i = 0; i < wasmBinary.length; i++) wasmBytes[i] = wasmBinary.charCodeAt(i);
await __wbg_init({ module_or_path: wasmBytes });
`;
// The engine, for the page (no worker runs from disk): its glue in a
// module of its own, the wasm decoded only when the engine is first asked
// for, as window.parallaxEngine does in the served app.
const engineGlue = read(engineJs).toString("utf8");
if (/^\s*import\s/m.test(engineGlue)) fail(`${engineJs} imports other modules: they would need inlining too`);
if (/<\/script/i.test(engineGlue)) fail(`${engineJs} contains "</script"`);
if (!/async function __wbg_init\(/.test(engineGlue)) fail(`${engineJs} has no __wbg_init`);
const engineScript = `${engineGlue.replace(/\r/g, "")}
// Parallax offline copy: the engine's wasm is embedded below and
// instantiated on the page the first time the engine is asked for.
const engineBase64 = "${read(engineWasm).toString("base64")}";
window.parallaxEngine = async (reply) => {
  const binary = atob(engineBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  await __wbg_init({ module_or_path: bytes });
  return engine_on_page(reply);
};
`;
const head = (re) => (html.match(re) || [""])[0];
const body = (html.match(/<body[^>]*>([\s\S]*)<\/body>/) || [])[1];
if (body === undefined) fail("index.html has no <body>");
const policy = [
  "default-src 'none'",
  `script-src ${cspHash(script)} ${cspHash(engineScript)} 'wasm-unsafe-eval'`,
  `style-src ${cspHash(css)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");
const single = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    ${head(/<meta\s+name="viewport"[^>]*>/)}
    ${head(/<meta\s+name="color-scheme"[^>]*>/)}
    ${head(/<meta\s+name="description"[^>]*>/)}
    <meta name="parallax-build" content="${version}" />
    <meta name="parallax-variant" content="offline-file" />
    <title>${title}</title>
    ${icon ? `<link rel="icon" href="${icon}" />` : ""}
<style>${css}</style>
<script type="module">${engineScript}</script>
<script type="module">${script}</script>
  </head>
  <body>${body.replace(INLINE_SCRIPT, "")}</body>
</html>
`;
fs.writeFileSync(file(OFFLINE_FILE), single);

// 5. The engine's worker: a module worker running the engine's glue and
// wasm. Messages that arrive while the wasm loads are kept and handed over
// once it runs.
const workerScript = `// The engine's worker (written by postbuild/postbuild.mjs).
const early = [];
self.onmessage = (event) => early.push(event);
const glue = await import("./${engineJs}");
await glue.default({ module_or_path: "./${engineWasm}" });
if (typeof glue.engine_worker !== "function") throw new Error("the engine's wasm has no engine_worker export");
glue.engine_worker();
for (const event of early) self.onmessage(event);
`;
fs.writeFileSync(file(WORKER_FILE), workerScript);

// 6. The service worker, with the exact file list of this build (sw.js
// itself excepted; index.html stands as "./", the URL the app is opened at).
const precache = listFiles(dir)
  .filter((n) => n !== "sw.js")
  .map((n) => (n === "index.html" ? "./" : n));
const precacheBytes = listFiles(dir)
  .filter((n) => n !== "sw.js")
  .reduce((sum, n) => sum + fs.statSync(file(n)).size, 0);
const template = fs.readFileSync(path.join(HERE, dev ? "sw-dev.js" : "sw.js"), "utf8");
fs.writeFileSync(
  file("sw.js"),
  template.replace("__PARALLAX_VERSION__", version).replace("__PARALLAX_PRECACHE__", JSON.stringify(precache, null, 2)),
);

console.log(
  `postbuild: build ${version}${dev ? " (dev server: no policy, no offline cache)" : ""}; ` +
    `${OFFLINE_FILE} ${Buffer.byteLength(single)} bytes; ` +
    (dev ? "" : `sw.js precaches ${precache.length} files, ${precacheBytes} bytes`),
);

// The icon: the favicon's two overlapping discs on white, inside the
// maskable safe zone. A minimal PNG encoder (RGBA, 4x4 supersampling).
function iconPng(size) {
  const discs = [
    { x: 12, y: 16, rgb: [0x1f, 0x5f, 0xa8] },
    { x: 20, y: 16, rgb: [0xe0, 0xa0, 0x40] },
  ];
  const scale = (size * 0.7) / 32; // the 32-unit drawing fills 70% of the icon
  const offset = (size - 32 * scale) / 2;
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const x = (px + (sx + 0.5) / 4 - offset) / scale;
          const y = (py + (sy + 0.5) / 4 - offset) / scale;
          let c = [255, 255, 255];
          for (const d of discs) {
            if ((x - d.x) ** 2 + (y - d.y) ** 2 <= 100) c = c.map((v, i) => v * 0.15 + d.rgb[i] * 0.85);
          }
          c.forEach((v, i) => (sum[i] += v / 16));
        }
      }
      const at = py * (size * 4 + 1) + 1 + px * 4;
      rows[at] = Math.round(sum[0]);
      rows[at + 1] = Math.round(sum[1]);
      rows[at + 2] = Math.round(sum[2]);
      rows[at + 3] = 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
