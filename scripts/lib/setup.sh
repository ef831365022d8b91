# shellcheck shell=bash
# Shared setup for Folio's scripts (serve, test, build, bench): source this file, then call
#   folio_setup build     # Rust wasm target, Trunk, wasm-bindgen-cli, wasm-opt + terser — enough to build the app
#   folio_setup content   # Node.js only: what scripts/build needs around a cached app (the pipeline and
#                         # prerenderer are cargo-built; Node runs the compression and host files).
#                         # scripts/build calls `folio_setup build` itself when the app must be built.
#   folio_setup browser   # Debian's Chromium + ChromeDriver, playwright-core for the end-to-end tests,
#                         # nginx + its brotli_static module (tests/e2e/nginx.test.mjs serves the
#                         # site with deploy/nginx/folio.conf)
# Every step checks first and installs only what is missing or at the wrong version, so a second
# run costs a few `--version` calls. Versions are pinned here, in Cargo.lock (wasm-bindgen) and in
# the npm lockfiles (scripts/tools/package-lock.json, tests/e2e/package-lock.json).

FOLIO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FOLIO_TRUNK_VERSION="0.21.14"
FOLIO_WASM_OPT_VERSION="132"   # must match Trunk.toml [tools] wasm_opt and scripts/tools/package.json
FOLIO_CHROMIUM="${FOLIO_CHROMIUM:-/usr/bin/chromium}"
FOLIO_CHROMEDRIVER="${FOLIO_CHROMEDRIVER:-/usr/bin/chromedriver}"

folio_say() { printf '%s\n' "$*"; }
folio_die() { printf 'error: %s\n' "$*" >&2; return 1; }
folio_section() { printf '\n==================== %s ====================\n' "$*"; }

# Environment every Folio command runs in: cargo-installed tools and the project-local wasm-opt
# first on PATH (never Debian's binaryen, which produces a broken app), Trunk offline (nothing can
# be downloaded here: Trunk must use the tools installed below).
folio_env() {
    local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
    case ":$PATH:" in *":$FOLIO_ROOT/.tools/node_modules/.bin:"*) ;; *)
        PATH="$FOLIO_ROOT/.tools/node_modules/.bin:$cargo_bin:$PATH" ;;
    esac
    export PATH
    export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
    export CHROMEDRIVER="$FOLIO_CHROMEDRIVER"
}

# folio_trunk LOG ARGS...: runs `trunk ARGS` with its whole output kept in LOG, and shows only
# what concerns the author. On success: the content pipeline's lines (its summary, its warnings)
# and Trunk's warnings. On failure: what says why (the pipeline's error, the compiler's errors)
# without Trunk's generic chain after it ("error from build pipeline", "hook call ... returned a
# bad status", numbered causes, backtraces), so the real error is shown once, first and last.
# One warning is dropped: Trunk's JS minifier cannot parse wasm-bindgen's glue (`export
# default`), said so on every release build and left the file as it was, which is fine since
# scripts/trunk-post-build minifies it with terser.
folio_trunk() {
    local log="$1"
    shift
    mkdir -p "$(dirname "$log")"
    if trunk "$@" >"$log" 2>&1; then
        sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^folio-build: | WARN ' |
            grep -v -F 'Failed to minify JS: RequiredTokenNotFound(Identifier) [token=Some(KeywordDefault)]' || true
        return 0
    fi
    sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -v -E \
        '^[0-9T:.-]+Z +(INFO|DEBUG|TRACE) |ERROR (❌ )?error$|error from build pipeline$|^Caused by:$|^ *[0-9]+: |returned a bad status|^Stack backtrace:|^ +at |^folio-build: nothing written|^\s*$' >&2 || true
    return 1
}

# folio_hash_sources PATH...: SHA-256 lines (hash and path) of every file under these paths of
# the project that exist, in a fixed order, paths relative to FOLIO_ROOT (so the same sources
# hash the same in any clone); build output (`target/` folders) is left out. The cache keys of
# the app (app-cache.sh) and of folio-build (tool-cache.sh) start from it.
folio_hash_sources() {
    local existing=() p
    for p in "$@"; do [ -e "$FOLIO_ROOT/$p" ] && existing+=("$p"); done
    (cd "$FOLIO_ROOT" && find "${existing[@]}" -type f -not -path '*/target/*' -print0 |
        LC_ALL=C sort -z | xargs -0 sha256sum)
}

# The wasm-bindgen version the app is built with, read from Cargo.lock: wasm-bindgen-cli must match it.
folio_wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { found = 1; next } found && /^version = / { gsub(/"/, "", $3); print $3; exit }' \
        "$FOLIO_ROOT/Cargo.lock"
}

# Prints the first line of `TOOL --version`, or nothing when TOOL is missing.
folio_tool_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | head -n 1; }

# Developers' machines may already be installing a tool in the background: wait rather than
# start a second build of the same crate on 2 cores.
folio_wait_for_cargo_install() {
    local crate="$1" waited=0
    while pgrep -f "cargo install $crate" >/dev/null 2>&1; do
        [ "$waited" = 0 ] && folio_say "  waiting for a running 'cargo install $crate' to finish..."
        waited=1
        sleep 10
    done
}

# folio_cargo_tool BIN EXPECTED_VERSION_LINE CRATE VERSION [cargo install flags...]
folio_cargo_tool() {
    local bin="$1" want="$2" crate="$3" version="$4"
    shift 4
    if [ "$(folio_tool_version "$bin")" = "$want" ]; then
        folio_say "  $bin: $want (installed)"
        return 0
    fi
    folio_wait_for_cargo_install "$crate"
    if [ "$(folio_tool_version "$bin")" = "$want" ]; then
        folio_say "  $bin: $want (installed)"
        return 0
    fi
    folio_say "  $bin: installing $crate $version (have: $(folio_tool_version "$bin" || true); this takes a while on 2 cores)"
    cargo install "$crate" --version "$version" "$@" ||
        folio_die "cargo install $crate $version failed"
    [ "$(folio_tool_version "$bin")" = "$want" ] ||
        folio_die "$bin --version says '$(folio_tool_version "$bin")', expected '$want'"
}

folio_rust_target() {
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        folio_say "  rust target wasm32-unknown-unknown: installed"
    else
        folio_say "  rust target wasm32-unknown-unknown: adding"
        rustup target add wasm32-unknown-unknown || folio_die "rustup target add wasm32-unknown-unknown failed"
    fi
}

folio_node() {
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
        folio_die "node and npm are needed (Node.js 20 or newer)"
    local major
    # `node --version` (v20.1.0) answers without starting the JS engine: 5 ms against 60 ms for -p.
    major="$(node --version)"
    major="${major#v}"
    major="${major%%.*}"
    [ "$major" -ge 20 ] || folio_die "Node.js $major is too old: playwright-core needs 20 or newer"
}

# folio_npm_ci LOCK_SOURCE_DIR INSTALL_DIR: `npm ci` into INSTALL_DIR unless its node_modules was
# installed from the same package-lock.json already (a stamp records which one).
folio_npm_ci() {
    local src="$1" dir="$2"
    local stamp="$dir/node_modules/.folio-installed-lock.json"
    if [ -f "$stamp" ] && cmp -s "$src/package-lock.json" "$stamp" && cmp -s "$src/package.json" "$dir/package.json"; then
        folio_say "  npm packages in ${dir#"$FOLIO_ROOT"/}: up to date"
        return 0
    fi
    folio_say "  npm packages in ${dir#"$FOLIO_ROOT"/}: npm ci"
    mkdir -p "$dir"
    if [ "$src" != "$dir" ]; then
        cp "$src/package.json" "$src/package-lock.json" "$dir/"
    fi
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || folio_die "npm ci in $dir failed"
    cp "$src/package-lock.json" "$stamp"
}

# The npm build tools in .tools/ (pinned by scripts/tools/package-lock.json): wasm-opt for Trunk,
# terser for the JS glue (scripts/trunk-post-build).
folio_npm_tools() {
    folio_npm_ci "$FOLIO_ROOT/scripts/tools" "$FOLIO_ROOT/.tools"
    local bin="$FOLIO_ROOT/.tools/node_modules/.bin" have
    have="$("$bin/wasm-opt" --version 2>/dev/null | head -n 1)"
    case "$have" in
        "wasm-opt version $FOLIO_WASM_OPT_VERSION"*) folio_say "  wasm-opt: $have (.tools/)" ;;
        *) folio_die "wasm-opt in .tools says '$have', expected version $FOLIO_WASM_OPT_VERSION" ;;
    esac
    have="$("$bin/terser" --version 2>/dev/null | head -n 1)"
    [ -n "$have" ] || folio_die "terser is missing from .tools"
    folio_say "  terser: $have (.tools/)"
}

# apt-get, waiting for a dpkg/apt lock that another process holds instead of failing on it.
folio_apt_get() {
    local sudo="" try
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || folio_die "installing Debian packages needs root or sudo: apt-get $*"
        sudo="sudo"
    fi
    for try in 1 2 3 4 5 6 7 8 9 10; do
        if $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -q "$@" </dev/null; then
            return 0
        fi
        folio_say "  apt-get $1 failed (try $try); retrying in 30 s"
        sleep 30
    done
    folio_die "apt-get $* failed"
}

folio_debian_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" = 0 ]; then
        folio_say "  debian packages $*: installed"
        return 0
    fi
    folio_say "  debian packages: installing ${missing[*]}"
    folio_apt_get update && folio_apt_get install -y --no-install-recommends "${missing[@]}"
}

folio_setup() {
    folio_env
    case "${1:-}" in
        build)
            folio_rust_target &&
                folio_node &&
                folio_cargo_tool trunk "trunk $FOLIO_TRUNK_VERSION" trunk "$FOLIO_TRUNK_VERSION" --locked &&
                folio_cargo_tool wasm-bindgen "wasm-bindgen $(folio_wasm_bindgen_version)" \
                    wasm-bindgen-cli "$(folio_wasm_bindgen_version)" &&
                { command -v wasm-bindgen-test-runner >/dev/null 2>&1 ||
                    folio_die "wasm-bindgen-test-runner is missing although wasm-bindgen-cli is installed"; } &&
                folio_npm_tools
            ;;
        content) folio_node ;;
        browser)
            folio_node &&
                folio_debian_packages chromium chromium-driver nginx libnginx-mod-http-brotli-static &&
                [ -x "$FOLIO_CHROMIUM" ] && [ -x "$FOLIO_CHROMEDRIVER" ] &&
                folio_say "  $("$FOLIO_CHROMIUM" --version 2>/dev/null); $("$FOLIO_CHROMEDRIVER" --version 2>/dev/null | cut -d' ' -f1-2)" &&
                folio_npm_ci "$FOLIO_ROOT/tests/e2e" "$FOLIO_ROOT/tests/e2e"
            ;;
        *) folio_die "folio_setup: say 'build', 'content' or 'browser'" ;;
    esac
}
