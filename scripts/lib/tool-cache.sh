# shellcheck shell=bash
# folio-build, the content pipeline's command line, kept per user by the hash of what it is built
# from: a fresh clone of the same sources (another checkout, a CI runner with a restored cache)
# runs the binary another clone built, instead of compiling its ~300 dependencies again (about
# 14 minutes on 2 cores). Any change to its sources, the lockfile, the Cargo settings or the
# compiler is another key, and so another build.
# Source after scripts/lib/setup.sh (needs FOLIO_ROOT and folio_env's PATH).

# What folio-build is built from (paths relative to the project: the key does not depend on where
# the clone is).
FOLIO_BUILD_SOURCES=(crates Cargo.toml Cargo.lock .cargo)

# The per-user cache folder (FOLIO_CACHE_DIR overrides it; the tests use a folder of their own).
folio_cache_dir() {
    printf '%s\n' "${FOLIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/folio}"
}

# folio_build_key: prints the cache key of folio-build for the sources in FOLIO_ROOT.
folio_build_key() {
    {
        folio_hash_sources "${FOLIO_BUILD_SOURCES[@]}"
        printf 'RUSTFLAGS %s\n' "${RUSTFLAGS:-}"
        rustc -V
    } | sha256sum | cut -c1-20
}

# folio_build_binary: makes target/native/folio-build (or under CARGO_TARGET_DIR) the binary for
# these sources, from the cache when it has one, else with `cargo build --profile native`
# (then kept in the cache, with the 3 most recently used others). Prints its path.
folio_build_binary() {
    local target="${CARGO_TARGET_DIR:-$FOLIO_ROOT/target}" key cache bin
    bin="$target/native/folio-build"
    key="$(folio_build_key)" || return 1
    cache="$(folio_cache_dir)/folio-build"
    if [ -x "$cache/$key/folio-build" ]; then
        if ! cmp -s "$cache/$key/folio-build" "$bin"; then
            mkdir -p "$(dirname "$bin")"
            cp "$cache/$key/folio-build" "$bin.tmp" && mv "$bin.tmp" "$bin"
        fi
        touch "$cache/$key"
    else
        (cd "$FOLIO_ROOT" && cargo build --quiet --profile native -p folio-build --bin folio-build) || return 1
        mkdir -p "$cache/$key.tmp"
        cp "$bin" "$cache/$key.tmp/folio-build"
        rm -rf "${cache:?}/$key" && mv "$cache/$key.tmp" "$cache/$key"
        # shellcheck disable=SC2012 # names are hex keys
        ls -1t "$cache" | grep -v '\.tmp$' | tail -n +5 | while read -r old; do rm -rf "${cache:?}/$old"; done
    fi
    printf '%s\n' "$bin"
}
