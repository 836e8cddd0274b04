#!/usr/bin/env node
// The page's wasm, split (Trunk.toml runs this as a post-build hook, before
// postbuild.mjs). Trunk has no step between cargo and wasm-bindgen, so the
// page is built here and not by a `rel="rust"` link:
//
// 1. cargo builds the `parallax` binary with the `split` feature, linked
//    with `--emit-relocs` (the splitter moves code, so it needs them);
// 2. wasm-split-cli (crates.io `wasm_split_cli_support`, installed by
//    run.sh) cuts it at the split points of src/ui/pages/later.rs: the main
//    wasm, one wasm chunk per split point (and chunks of code that several
//    share), and a JS module that fetches and links a chunk when its first
//    function is called;
// 3. wasm-bindgen makes the JS glue of the main wasm; wasm-opt -Oz shrinks
//    every wasm (release only);
// 4. the files are written with one content hash in their names, and
//    index.html gets the loader and the preloads of the main wasm and glue
//    (the chunks are not preloaded: they are what the first paint skips).
//
// Node's standard library only.
//
//   node postbuild/page.mjs [DIR]    (default: $TRUNK_STAGING_DIR; release
//                                     when $TRUNK_PROFILE is "release")

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const NAME = "parallax";
const LINK = "__wasm_split.js";
// The features of the wasm32-unknown-unknown target (Rust ≥ 1.82): the
// chunks carry no feature section for wasm-opt to read.
const FEATURES = [
  "--enable-bulk-memory",
  "--enable-multivalue",
  "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
];

function fail(message) {
  console.error(`page: ${message}`);
  process.exit(1);
}

function run(command, args) {
  try {
    execFileSync(command, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  } catch (error) {
    fail(`${command} ${args.join(" ")} failed${error.status === undefined ? `: ${error.message}` : ""}`);
  }
}

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir || !fs.existsSync(path.join(dir, "index.html"))) {
  fail(`no index.html in ${dir || "(no folder given and TRUNK_STAGING_DIR unset)"}`);
}
const release = (process.env.TRUNK_PROFILE || "release") === "release";
const target = path.resolve(ROOT, process.env.CARGO_TARGET_DIR || "target");

// 1. The page's wasm, with its split points and relocations.
run("cargo", [
  "rustc",
  "--quiet",
  "--bin",
  NAME,
  "--target",
  "wasm32-unknown-unknown",
  "--features",
  "split",
  ...(release ? ["--release"] : []),
  "--",
  "-Clink-arg=--emit-relocs",
]);
const raw = path.join(target, "wasm32-unknown-unknown", release ? "release" : "debug", `${NAME}.wasm`);

// 2. Split.
const work = path.join(target, "page-split", release ? "release" : "debug");
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
run("wasm-split-cli", [raw, work, "--target", "web", "--out-name", NAME]);
const chunks = fs
  .readdirSync(work)
  .filter((n) => n.endsWith(".wasm") && n !== `${NAME}.wasm`)
  .sort();
const link = fs.readFileSync(path.join(work, LINK), "utf8");

// 3. The glue of the main wasm, then wasm-opt on every wasm.
const bound = path.join(work, "bindgen");
run("wasm-bindgen", ["--target=web", `--out-dir=${bound}`, `--out-name=${NAME}`, "--no-typescript", "--keep-lld-exports", path.join(work, `${NAME}.wasm`)]);
const mainWasm = path.join(bound, `${NAME}_bg.wasm`);
const glue = fs.readFileSync(path.join(bound, `${NAME}.js`), "utf8");
if (release) {
  for (const wasm of [mainWasm, ...chunks.map((n) => path.join(work, n))]) {
    run("wasm-opt", ["-Oz", ...FEATURES, wasm, "-o", wasm]);
  }
}

// 4. Into the staging folder, each name with the hash of all of them (the
// glue and the link module import each other, so one hash for the set).
const hash = createHash("sha256").update(glue).update(link).update(fs.readFileSync(mainWasm));
for (const n of chunks) hash.update(`\0${n}\0`).update(fs.readFileSync(path.join(work, n)));
const h = hash.digest("hex").slice(0, 16);
const names = {
  glue: `${NAME}-${h}.js`,
  wasm: `${NAME}-${h}_bg.wasm`,
  link: `${NAME}-split-${h}.js`,
  chunk: (n) => `${NAME}-${n.replace(/\.wasm$/, "")}-${h}.wasm`,
};
// The names are rewritten in the exact strings the tools write; a new
// version that writes others fails here instead of shipping a page that
// cannot load a chunk. The glue imports the link module (once per imported
// function) by its file name; the wasm's import module keeps the name
// "./__wasm_split.js", so only the import statements are renamed, not the
// imports object's keys.
const LINK_IMPORT = /^(import \* as \w+ from )(["'])\.\/__wasm_split\.js\2;?$/gm;
if (!LINK_IMPORT.test(glue)) fail(`the glue does not import ${LINK} as expected`);
const mainImport = `from "./${NAME}.js"`;
if (!link.includes(mainImport)) fail(`${LINK} does not import ./${NAME}.js as expected`);
let linkOut = link.replace(mainImport, `from "./${names.glue}"`);
for (const n of chunks) {
  const quoted = `"./${n}"`;
  if (!linkOut.includes(quoted)) fail(`${LINK} does not name ${n}`);
  linkOut = linkOut.replaceAll(quoted, `"./${names.chunk(n)}"`);
}
// A re-run on a built folder replaces the files of the run before.
const PREVIOUS = new RegExp(`^${NAME}-(split-)?[0-9a-f]{16}(\\.js|_bg\\.wasm)$|^${NAME}-.+-[0-9a-f]{16}\\.wasm$`);
for (const old of fs.readdirSync(dir).filter((n) => PREVIOUS.test(n))) fs.rmSync(path.join(dir, old));
fs.writeFileSync(path.join(dir, names.glue), glue.replace(LINK_IMPORT, (_, start) => `${start}"./${names.link}";`));
fs.writeFileSync(path.join(dir, names.link), linkOut);
fs.copyFileSync(mainWasm, path.join(dir, names.wasm));
for (const n of chunks) fs.copyFileSync(path.join(work, n), path.join(dir, names.chunk(n)));

// The loader, in the shape of Trunk's (postbuild.mjs reads the two names
// from it), and the preloads of what it needs at once: the glue imports
// the chunk loader. Replaced, not added, on a re-run.
const LOADER = /(<link rel="(module)?preload"[^>]*data-page \/>\s*)+<script type="module" data-page>[\s\S]*?<\/script>\s*/;
const loader = `
    <link rel="modulepreload" href="./${names.glue}" data-page />
    <link rel="modulepreload" href="./${names.link}" data-page />
    <link rel="preload" href="./${names.wasm}" as="fetch" type="application/wasm" crossorigin data-page />
    <script type="module" data-page>
import init from './${names.glue}';
await init({ module_or_path: './${names.wasm}' });
</script>`;
let html = fs.readFileSync(path.join(dir, "index.html"), "utf8").replace(LOADER, "");
if (!/<\/head>/.test(html)) fail("index.html has no </head>");
html = html.replace(/\s*<\/head>/, `${loader}\n  </head>`);
fs.writeFileSync(path.join(dir, "index.html"), html);

const size = (n) => fs.statSync(path.join(dir, n)).size;
console.log(
  `page: ${names.wasm} ${size(names.wasm)} bytes; ${chunks.length} chunks ` +
    `(${chunks.map((n) => `${n.replace(/\.wasm$/, "")} ${size(names.chunk(n))}`).join(", ")})`,
);
