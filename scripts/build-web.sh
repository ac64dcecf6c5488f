#!/usr/bin/env bash
# Builds the browser playground into target/web/: the linter library compiled to
# WebAssembly (crates/runlint-web), its wasm-bindgen glue, and the page bundled by esbuild.
# Installs what it needs on a fresh machine and caches it under target/ (and web/node_modules),
# so a second run only rebuilds what changed.
#
# The rustup toolchains here have no wasm32 standard library, so the engine is built with
# Debian's rustc-web and its rust-src (-Zbuild-std), linked by LLVM's wasm-ld.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/target/web
tools=$root/target/web-tools
mkdir -p "$out" "$tools"

echo "--- web: toolchain (Debian rustc-web, rust-web-src, lld)"
missing=()
for package in rustc-web cargo-web rust-web-src lld-22; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}") >/dev/null
fi

echo "--- web: one engine"
# The engine's lock file pins every crate it shares with the command line at the command
# line's version, so both parse and judge plans with the same code.
python3 - <<'PY'
import tomllib
cli = {}
for package in tomllib.load(open("Cargo.lock", "rb"))["package"]:
    cli.setdefault(package["name"], set()).add(package["version"])
web = tomllib.load(open("crates/runlint-web/Cargo.lock", "rb"))["package"]
drift = [f"{p['name']} {p['version']} (command line: {', '.join(sorted(cli[p['name']]))})"
         for p in web if p["name"] in cli and p["version"] not in cli[p["name"]]]
if drift:
    raise SystemExit("crates/runlint-web/Cargo.lock differs from Cargo.lock: " + "; ".join(drift)
                     + "\n(copy Cargo.lock over it and run cargo tree there)")
PY

echo "--- web: wasm-bindgen-cli"
# The command-line tool must be the exact version of the wasm-bindgen crate in the lock file.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' crates/runlint-web/Cargo.lock)
bindgen=$tools/wasm-bindgen-$bindgen_version/bin/wasm-bindgen
if [ ! -x "$bindgen" ]; then
  # Not --locked: the tool's own lock file names a crate version the registry here lacks.
  cargo install --quiet wasm-bindgen-cli --version "=$bindgen_version" --root "$tools/wasm-bindgen-$bindgen_version" \
    --target-dir "$tools/build"
fi

echo "--- web: npm packages (CodeMirror, esbuild, binaryen)"
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  (cd web && npm ci --no-audit --no-fund --silent)
fi

echo "--- web: engine (wasm32-unknown-unknown)"
RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22 \
  CARGO_TARGET_DIR=$root/target/wasm \
  /usr/bin/cargo build --quiet --locked --release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort \
  --manifest-path crates/runlint-web/Cargo.toml
wasm=$root/target/wasm/wasm32-unknown-unknown/release/runlint_web.wasm
if [ ! -f "$out/runlint_web_bg.wasm" ] || [ "$wasm" -nt "$out/runlint_web_bg.wasm" ]; then
  "$bindgen" --target web --no-typescript --out-dir "$out/pkg" "$wasm"
  web/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals \
    "$out/pkg/runlint_web_bg.wasm" -o "$out/runlint_web_bg.wasm"
fi

echo "--- web: page"
web/node_modules/.bin/esbuild web/src/main.js --bundle --format=esm --target=es2022 --minify --log-level=warning \
  --alias:runlint-engine="$out/pkg/runlint_web.js" --loader:.yaml=text --outfile="$out/playground.js"
# The report's one inline script is allowed by the page's Content-Security-Policy by its hash.
report_hash=$(python3 -c 'import base64, hashlib, sys; print("\x27sha256-" + base64.b64encode(hashlib.sha256(open(sys.argv[1], "rb").read()).digest()).decode() + "\x27")' src/report/report.js)
sed "s|REPORT_SCRIPT_HASH|$report_hash|" web/index.html > "$out/index.html"
cp web/style.css "$out/style.css"
echo "ok: the playground is in target/web/ (serve it with: python3 -m http.server -d target/web 8000)"
