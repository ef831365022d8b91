// Watching a folder tree for the dev server. Node's `fs.watch(dir, { recursive: true })` on
// Linux watches each file, and loses a file that an editor saves by writing a new one and
// renaming it over the old (vim, sed -i, most "atomic save" editors): the first such save was
// seen, the next ones not. Watching every folder instead sees each name in it change, whatever
// happens to the file behind it; folders made later are watched as they appear.

import { readdirSync, statSync, watch } from 'node:fs';
import { join, relative } from 'node:path';

const SKIPPED = new Set(['node_modules', 'target', '.git']);

/**
 * Calls `onChange(path relative to root)` for every change under `root`, or in `root` alone
 * with `depth: 0`; returns { close() }.
 */
export function watchTree(root, onChange, { depth = Infinity } = {}) {
  const watchers = new Map();
  function add(dir) {
    if (watchers.has(dir)) return;
    let watcher;
    try {
      watcher = watch(dir, (_, name) => {
        if (!name) return;
        const path = join(dir, name);
        let isDir = false;
        try {
          isDir = statSync(path).isDirectory();
        } catch {
          // removed: reported as a change all the same
        }
        if (isDir && depth > 0) scan(path);
        onChange(relative(root, path));
      });
    } catch {
      return; // gone already
    }
    // A watched folder that is removed ends its watcher.
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  }
  function scan(dir) {
    add(dir);
    if (depth === 0) return;
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) scan(join(dir, entry.name));
    }
  }
  scan(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
