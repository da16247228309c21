// Where the standalone server keeps its index cache by default: the platform's cache directory.
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultCacheDir } from '../../server/src/node/index-cache.ts';

describe('the default index cache directory', () => {
  it('is $XDG_CACHE_HOME/cable on Linux, ~/.cache/cable without it or when it is relative', () => {
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, 'linux'), '/var/cache/me/cable');
    assert.equal(defaultCacheDir({}, 'linux'), join(homedir(), '.cache', 'cable'));
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: 'relative/dir' }, 'linux'), join(homedir(), '.cache', 'cable'));
  });

  it('is ~/Library/Caches/cable on macOS and %LOCALAPPDATA%\\cable\\Cache on Windows', () => {
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x' }, 'darwin'), join(homedir(), 'Library', 'Caches', 'cable'));
    assert.equal(defaultCacheDir({ LOCALAPPDATA: '/appdata' }, 'win32'), join('/appdata', 'cable', 'Cache'));
  });
});
