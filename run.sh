#!/usr/bin/env bash
# Parallax developer commands. Each installs what it needs the first time
# and skips what is already there at the right version.
#
#   ./run.sh serve [PORT]   build and serve the app on http://127.0.0.1:PORT (default 8080)
#   ./run.sh test           every check: fmt, clippy, native tests, release build,
#                           wasm tests in headless Chromium, end-to-end tests
#   ./run.sh build          the release build in dist/ (deploy this folder; it holds
#                           the one-file copy dist/parallax-offline.html too)
#   ./run.sh sizes          raw and brotli sizes of the release build
#   ./run.sh screenshots    screenshots of the release build (docs/screenshots/)
#   ./run.sh bench [peers]  extraction and alignment speed: natively (criterion) and in headless Chromium,
#                           then Parallax beside wink-nlp and compromise in one Chromium page (npm, into
#                           .tools/peers/, needs network once); "bench peers" runs only that comparison
#   ./run.sh lighthouse     Lighthouse scores of the release build (needs network once, for npm)
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"
TOOLS="$ROOT/.tools"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
AXE_VERSION="4.14.1"
# The JavaScript NLP libraries `./run.sh bench` compares Parallax with, and
# the bundler that packs each (library + model) into one browser file.
WINK_NLP_VERSION="2.4.0"
WINK_MODEL_VERSION="1.8.1"
COMPROMISE_VERSION="14.20.0"
COMPROMISE_DATES_VERSION="3.9.0"
ESBUILD_VERSION="0.28.2"
# Splits the page's wasm into the first view and chunks (postbuild/page.mjs).
WASM_SPLIT_VERSION="0.2.4"

CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$TOOLS/node_modules/.bin:$CARGO_HOME/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Runs a cargo test command, keeping its "test result" lines for the summary.
RESULTS="$(mktemp)"
trap 'rm -f "$RESULTS"' EXIT
counted() {
  local log status
  log="$(mktemp)"
  set +e
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  grep -E '^test result:' "$log" >>"$RESULTS" || true
  rm -f "$log"
  return "$status"
}

# One closing line for all test runs: "tests: N passed, N failed, N ignored".
summary() {
  awk '{ for (i = 1; i <= NF; i++) {
           if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1); if ($i ~ /^ignored;?$/) g += $(i-1) } }
       END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, g }' "$RESULTS"
}

# The wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1
  fi
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    { step "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }
}

# ensure_cargo_tool BINARY CRATE VERSION [cargo install flags...]
ensure_cargo_tool() {
  local binary=$1 crate=$2 version=$3; shift 3
  if "$binary" --version 2>/dev/null | grep -qw "$version"; then return; fi
  step "installing $crate $version (a few minutes, once)"
  # Release builds of tools without LTO: several minutes faster on 2 cores.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install "$crate" --version "$version" --force "$@"
}

# axe-core, injected into the pages by the end-to-end accessibility checks.
ensure_axe() {
  if grep -qs "\"version\": \"$AXE_VERSION\"" "$TOOLS/node_modules/axe-core/package.json"; then return; fi
  step "installing axe-core $AXE_VERSION (npm) into .tools/"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "axe-core@$AXE_VERSION"
}

ensure_wasm_opt() {
  if wasm-opt --version 2>/dev/null | grep -qw "version $BINARYEN_VERSION"; then return; fi
  step "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
  # Never Debian's binaryen: its wasm-opt 108 builds a wasm that fails to start.
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
}

ensure_build_tools() {
  # Node runs wasm-opt's installer and the post-build step (postbuild/).
  command -v node >/dev/null || { echo "Node.js is needed (apt-get install nodejs npm)" >&2; return 1; }
  ensure_wasm_target
  ensure_cargo_tool trunk trunk "$TRUNK_VERSION" --locked
  # Without --locked: its lockfile names a crate version the registry lacks.
  ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$(wasm_bindgen_version)"
  # wasm-split-cli has no --version: ask cargo what it installed.
  if ! { command -v wasm-split-cli >/dev/null &&
    cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; }; then
    step "installing wasm_split_cli_support $WASM_SPLIT_VERSION (a few minutes, once)"
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
  fi
  ensure_wasm_opt
  export TRUNK_TOOLS_WASM_BINDGEN
  TRUNK_TOOLS_WASM_BINDGEN="$(wasm_bindgen_version)"
}

ensure_browser() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v brotli >/dev/null; then return; fi
  step "installing Debian's chromium, chromium-driver and brotli"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver brotli >/dev/null
}

build() {
  ensure_build_tools
  step "release build (trunk build --release, then postbuild/postbuild.mjs) into dist/"
  trunk build --release
}

sizes() {
  command -v brotli >/dev/null || ensure_browser
  printf '%-50s %10s %10s\n' file raw brotli
  for f in dist/*.wasm dist/*.js dist/*.css dist/*.html; do
    [ -f "$f" ] || continue
    printf '%-50s %10d %10d\n' "$(basename "$f")" "$(wc -c <"$f")" "$(brotli -c -q 11 "$f" | wc -c)"
  done
  # What the page fetches before its first paint: index.html and what it
  # links to as stylesheet or preload (the glue, the chunk loader it
  # imports, the page's main wasm); not the chunks, the engine or the icons.
  local first=() raw=0 br=0 f
  mapfile -t first < <(grep -oE '<link rel="(stylesheet|modulepreload|preload)"[^>]*href="\./[^"]+"' dist/index.html |
    sed -E 's/.*href="\.\/([^"]+)".*/\1/')
  for f in index.html "${first[@]}"; do
    raw=$((raw + $(wc -c <"dist/$f"))) br=$((br + $(brotli -c -q 11 "dist/$f" | wc -c)))
  done
  printf 'first paint: %d files, %d bytes raw, %d brotli (%s)\n' "$((${#first[@]} + 1))" "$raw" "$br" "index.html ${first[*]}"
  [ -f dist/sw.js ] || return 0
  # The service worker's precache list ("./" is index.html).
  local files=0 bytes=0 entry
  while read -r entry; do
    [ "$entry" = "./" ] && entry=index.html
    files=$((files + 1)) bytes=$((bytes + $(wc -c <"dist/$entry")))
  done < <(sed -n '/^const PRECACHE = \[/,/^\];/p' dist/sw.js | sed -n 's/^  "\(.*\)",\{0,1\}$/\1/p')
  printf 'sw.js precaches %d files, %d bytes\n' "$files" "$bytes"
}

# A static server for dist/ like a production host: brotli when the browser
# accepts it (compressed once, at start, as a host serves pre-compressed
# files: compressing the 2.5 MB offline copy per request held every other
# request up for seconds), long caching for the hashed assets, no caching
# for index.html.
SERVE_DIST_JS='
const http = require("http"), fs = require("fs"), path = require("path"), zlib = require("zlib");
const root = path.resolve(process.argv[1]), port = Number(process.argv[2]);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".json": "application/json",
  ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json" };
const files = new Map();
const walk = (dir) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
  const full = path.join(dir, e.name);
  if (e.isDirectory()) walk(full);
  else { const body = fs.readFileSync(full);
    files.set("/" + path.relative(root, full).split(path.sep).join("/"),
      { body, br: /\.png$/.test(full) ? null : zlib.brotliCompressSync(body), type: types[path.extname(full)] || "application/octet-stream" }); } } };
walk(root);
http.createServer((req, res) => {
  let rel = decodeURIComponent(req.url.split(/[?#]/)[0]);
  if (rel.endsWith("/")) rel += "index.html";
  const file = files.get(rel);
  if (!file) { res.writeHead(404); return res.end("not found"); }
  const headers = { "Content-Type": file.type,
    "Cache-Control": rel.endsWith("index.html") ? "no-cache" : "public, max-age=31536000, immutable" };
  let body = file.body;
  if (file.br && /\bbr\b/.test(req.headers["accept-encoding"] || "")) { body = file.br; headers["Content-Encoding"] = "br"; }
  res.writeHead(200, headers); res.end(body);
}).listen(port, "127.0.0.1");
'

# Lighthouse (npm, into .tools/) against the release build served by the
# server above, with Debian's chromium; prints the four category scores and
# what fell short, and keeps the report in target/lighthouse/.
lighthouse_scores() {
  [ -f dist/index.html ] || build
  ensure_browser
  [ -x "$TOOLS/node_modules/.bin/lighthouse" ] ||
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" lighthouse
  mkdir -p target/lighthouse
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  node -e "$SERVE_DIST_JS" "$ROOT/dist" "$port" &
  local server=$!
  # Up once it has compressed the build (a few seconds).
  local tries=0
  until python3 -c "import socket, sys; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 150 ] || { echo "the server did not start" >&2; kill "$server"; return 1; }
    sleep 0.2
  done
  step "lighthouse on http://127.0.0.1:$port/"
  CHROME_PATH="${CHROME_PATH:-$(command -v chromium)}" lighthouse "http://127.0.0.1:$port/" \
    --quiet --output=json --output-path=target/lighthouse/report.json \
    --chrome-flags="--headless=new --no-sandbox --user-data-dir=$ROOT/target/lighthouse/profile" \
    --only-categories=performance,accessibility,best-practices,seo || true
  kill "$server" 2>/dev/null || true
  node -e 'const r = require(process.argv[1]); for (const c of Object.values(r.categories)) console.log(`${c.title}: ${Math.round(c.score * 100)}`);
    for (const a of Object.values(r.audits)) if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable") console.log(`  - ${a.id}: ${a.title} (${a.displayValue || a.score})`);' \
    "$ROOT/target/lighthouse/report.json"
}

# The peers of the benchmark, from npm into .tools/peers/ (only when the
# benchmark runs: the tests never need them), each bundled with its model
# into one minified IIFE file, .tools/peers/dist/{wink,compromise}.js, from
# bench/peers/*.mjs: what a browser would load.
PEERS="$TOOLS/peers"
ensure_peers() {
  local pkg version missing=()
  for pkg in wink-nlp@$WINK_NLP_VERSION wink-eng-lite-web-model@$WINK_MODEL_VERSION \
    compromise@$COMPROMISE_VERSION compromise-dates@$COMPROMISE_DATES_VERSION esbuild@$ESBUILD_VERSION; do
    version=${pkg##*@}
    grep -qs "\"version\": \"$version\"" "$PEERS/node_modules/${pkg%@*}/package.json" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]} (npm) into .tools/peers/"
    mkdir -p "$PEERS"
    npm install --silent --no-audit --no-fund --save-exact --prefix "$PEERS" "${missing[@]}"
  fi
  mkdir -p "$PEERS/dist"
  local peer
  for peer in wink compromise; do
    NODE_PATH="$PEERS/node_modules" "$PEERS/node_modules/.bin/esbuild" "bench/peers/$peer.mjs" \
      --bundle --minify --format=iife --platform=browser --target=es2020 \
      --log-level=warning --outfile="$PEERS/dist/$peer.js"
  done
}

# brotli size of a file, as a server would send it (quality 11).
brotli_size() { brotli -c -q 11 "$1" | wc -c; }

# Parallax's extraction beside wink-nlp and compromise in one headless
# Chromium page (tests/peers_bench.rs says what each measures), then the
# brotli size of what the browser loads for each.
peers_bench() {
  ensure_peers
  step "Parallax beside wink-nlp $WINK_NLP_VERSION (+ wink-eng-lite-web-model $WINK_MODEL_VERSION) and compromise $COMPROMISE_VERSION (+ compromise-dates $COMPROMISE_DATES_VERSION): the engine's wasm and the peers in the same headless Chromium page"
  local log status
  log="$(mktemp)"
  set +e
  # The whole comparison takes a few minutes: well over the runner's 20 s default.
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-1800}" \
    cargo test -p parallax --profile engine --target wasm32-unknown-unknown --test peers_bench -- --include-ignored --nocapture 2>&1 |
    tee "$log" | grep -E "peers:|test result|error|panicked" | sed 's/^peers: //'
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" != 0 ]; then
    tail -n 40 "$log"; rm -f "$log"
    echo "the peer benchmark failed" >&2
    return 1
  fi
  rm -f "$log"
  step "what the browser loads for each (brotli -q 11)"
  [ -n "$(ls dist/*.wasm 2>/dev/null)" ] || build
  printf '%-58s %10s %10s\n' "" raw brotli
  # Parallax: every wasm and script of the release build in dist/ (the app,
  # its JS glue, any worker); the peers: library + model, minified.
  local f
  for f in dist/*.wasm dist/*.js; do
    [ "$(basename "$f")" = sw.js ] && continue
    printf '%-58s %10d %10d\n' "Parallax: $(basename "$f")" "$(wc -c <"$f")" "$(brotli_size "$f")"
  done
  printf '%-58s %10d %10d\n' "wink-nlp + wink-eng-lite-web-model (one minified bundle)" \
    "$(wc -c <"$PEERS/dist/wink.js")" "$(brotli_size "$PEERS/dist/wink.js")"
  printf '%-58s %10d %10d\n' "compromise + compromise-dates (one minified bundle)" \
    "$(wc -c <"$PEERS/dist/compromise.js")" "$(brotli_size "$PEERS/dist/compromise.js")"
  echo "(Parallax: the release build in dist/ of $(date -r "$(ls -t dist/*.wasm | head -n 1)" '+%Y-%m-%d %H:%M'); ./run.sh build rebuilds it)"
}

# The whole script is read before anything runs (editing it mid-run is safe).
main() {
  case "${1:-}" in
    serve)
      port="${2:-8080}"
      ensure_build_tools
      step "serving on http://127.0.0.1:$port/ (Ctrl-C to stop)"
      # A separate folder: dist/ stays a clean, deployable release build.
      exec trunk serve --release --address 127.0.0.1 --port "$port" --dist target/serve-dist
      ;;
    build)
      build
      sizes
      ;;
    sizes)
      sizes
      ;;
    test)
      ensure_build_tools
      ensure_browser
      ensure_axe
      rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt
      export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
      step "cargo fmt --check"
      cargo fmt --all -- --check
      step "cargo clippy (all targets, warnings are errors)"
      cargo clippy --workspace --all-targets -- -D warnings
      cargo clippy -p parallax --target wasm32-unknown-unknown --all-targets -- -D warnings
      # The page's build: its split points (postbuild/page.mjs).
      cargo clippy -p parallax --target wasm32-unknown-unknown --features split --lib --bins -- -D warnings
      build
      sizes
      step "native tests (core, route, end-to-end in headless Chromium)"
      counted cargo test --workspace
      step "wasm tests in headless Chromium (wasm-bindgen-test)"
      counted cargo test -p parallax --target wasm32-unknown-unknown --tests
      step "all checks passed"
      summary
      ;;
    bench)
      ensure_build_tools
      ensure_browser
      export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
      if [ "${2:-}" = peers ]; then
        peers_bench
        return
      fi
      step "native benchmarks (criterion): extraction, then extraction + alignment of stories"
      cargo bench -p parallax-core --bench pipeline
      cargo bench -p parallax-core --bench align
      step "story growth table (10, 100, 1000 articles), natively"
      cargo run -q --release -p parallax-core --example story_scale
      step "in-browser benchmark (release wasm, headless Chromium)"
      cargo test -p parallax --profile engine --target wasm32-unknown-unknown --test browser_bench -- --include-ignored --nocapture 2>&1 |
        grep -E "browser:|test result|error" || true
      step "the app in headless Chromium (release build): own stories of 10, 100, 1000 articles; first and return visits"
      [ -f dist/index.html ] || build
      cargo test -p parallax --test own_stories own_story_benchmark -- --ignored --nocapture 2>&1 |
        grep -E "own story|test result|panicked" || true
      cargo test -p parallax --test return_visits return_visit_benchmark -- --ignored --nocapture 2>&1 |
        grep -E "visit \(|test result|panicked" || true
      peers_bench
      ;;
    screenshots)
      build
      ensure_browser
      export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
      cargo test --test screenshots -- --ignored --nocapture
      ;;
    lighthouse)
      lighthouse_scores
      ;;
    *)
      sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
      exit 2
      ;;
  esac
}

main "$@"
