# shellcheck shell=bash
# The built app (Trunk's release output without any content: index.html, the hashed .wasm, .js,
# .css and icon) depends on the app's sources, the tools and the base path, never on the content.
# scripts/build keeps it in target/folio-app/<key>/ and a content-only build reuses it.
# Source after scripts/lib/setup.sh (needs FOLIO_ROOT and folio_env's PATH).

# Everything whose change can change the app's files. Native-only code under crates/ is included
# too: a needless rebuild is cheap next to a stale app.
FOLIO_APP_SOURCES=(src crates style public index.html Trunk.toml Cargo.toml Cargo.lock .cargo
    scripts/trunk-post-build scripts/lib/drop-feed-links.sh scripts/lib/slim-wasm.mjs
    scripts/tools/package-lock.json)

# folio_app_key BASE_PATH: prints the cache key, a SHA-256 of the source files (path and bytes),
# the tool versions and the base path (Trunk writes it into index.html's <base href> and the
# boot data). It runs before any tool is checked (a content-only build checks none of them), so a
# missing tool only gives a key no build has, and folio_app_build then installs it. wasm-opt and
# terser are named by the lockfile .tools/ was installed from (folio_npm_ci's stamp): asking this
# wasm-opt its version costs 0.35 s, the stamp names the same pinned package.
folio_app_key() {
    local base_path="$1"
    {
        folio_hash_sources "${FOLIO_APP_SOURCES[@]}"
        printf 'base path %s\nRUSTFLAGS %s\n' "$base_path" "${RUSTFLAGS:-}"
        rustc -V 2>/dev/null || echo "rustc: missing"
        rustup target list --installed 2>/dev/null | grep -x wasm32-unknown-unknown || echo "wasm32 target: missing"
        trunk --version 2>/dev/null || echo "trunk: missing"
        wasm-bindgen --version 2>/dev/null || echo "wasm-bindgen: missing"
        printf 'npm tools: '
        sha256sum <"$FOLIO_ROOT/.tools/node_modules/.folio-installed-lock.json" 2>/dev/null || echo "missing"
    } | sha256sum | cut -c1-20
}

# folio_app_build BASE_PATH: prints the folder holding the app for BASE_PATH, building it first
# (trunk build --release, no content) unless the cache has it. Progress goes to stderr.
folio_app_build() {
    local base_path="$1" key dir tmp
    key="$(folio_app_key "$base_path")" || return 1
    dir="$FOLIO_ROOT/target/folio-app/$key"
    if [ ! -f "$dir/index.html" ]; then
        # A build is due: check (and install what is missing of) the tools Trunk uses, then key
        # again, since an install changes the versions the key names.
        folio_section "Build tools (for the app)" >&2
        folio_setup build >&2 || return 1
        key="$(folio_app_key "$base_path")" || return 1
        dir="$FOLIO_ROOT/target/folio-app/$key"
    fi
    if [ -f "$dir/index.html" ]; then
        folio_say "App: unchanged since its last build, reusing target/folio-app/$key" >&2
        touch "$dir"
        printf '%s\n' "$dir"
        return 0
    fi
    folio_section "trunk build --release (the app alone, base path $base_path; cached as target/folio-app/$key)" >&2
    mkdir -p "$FOLIO_ROOT/target/folio-app"
    tmp="$(mktemp -d "$FOLIO_ROOT/target/folio-app/.build.XXXXXX")"
    if ! (cd "$FOLIO_ROOT" && FOLIO_APP_ONLY=1 trunk build --release --dist "$tmp" --public-url "$base_path") >&2 ||
        [ ! -f "$tmp/index.html" ]; then
        rm -rf "$tmp"
        folio_die "trunk build produced no app"
        return 1
    fi
    # Another build may have finished the same key meanwhile: either copy is the same.
    mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"
    # Keep the 6 most recently used builds (a couple of base paths across a few source versions).
    # shellcheck disable=SC2012 # names are hex keys
    ls -1t "$FOLIO_ROOT/target/folio-app" | tail -n +7 | while read -r old; do
        rm -rf "${FOLIO_ROOT:?}/target/folio-app/$old"
    done
    printf '%s\n' "$dir"
}
