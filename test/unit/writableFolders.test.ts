// Writing in container folders is per folder and starts read-only; a change is announced once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WritableFolders } from '../../src/core/containerFiles/writableFolders';
import { rootFileError } from '../../src/core/containerFiles/rootFileError';

describe('WritableFolders', () => {
  it('starts read-only, allows one folder without the others, and turns it back', () => {
    const folders = new WritableFolders();
    const changes: string[] = [];
    const stop = folders.onDidChange((authority) => changes.push(authority));
    assert.equal(folders.isAllowed('100-5'), false);
    folders.allow('100-5');
    folders.allow('100-5');
    assert.equal(folders.isAllowed('100-5'), true);
    assert.equal(folders.isAllowed('100-6'), false, 'the same PID with another start time is another process');
    folders.makeReadOnly('100-6');
    folders.makeReadOnly('100-5');
    assert.equal(folders.isAllowed('100-5'), false);
    assert.deepEqual(changes, ['100-5', '100-5'], 'one change each way, none for no-ops');
    stop();
    folders.allow('100-5');
    assert.deepEqual(changes, ['100-5', '100-5']);
  });
});

describe('rootFileError for writes', () => {
  it('EEXIST is "exists" and EROFS is a permission problem', () => {
    assert.equal(rootFileError(Object.assign(new Error('x'), { code: 'EEXIST' }), 1, '/a').kind, 'exists');
    assert.equal(rootFileError(Object.assign(new Error('x'), { code: 'EROFS' }), 1, '/a').kind, 'noPermission');
  });

  it('making folders, deleting and renaming: ENOTEMPTY, and EINVAL / EXDEV in their own words', () => {
    const of = (code: string, change?: 'mkdir' | 'delete' | 'rename') => rootFileError(Object.assign(new Error('x'), { code }), 7, '/a', change);
    assert.equal(of('ENOTEMPTY', 'delete').kind, 'notEmpty');
    assert.match(of('ENOTEMPTY', 'delete').message, /not empty/);
    assert.match(of('EINVAL', 'mkdir').message, /must be a name/);
    assert.match(of('EINVAL', 'rename').message, /cannot move into itself/);
    assert.match(of('EINVAL').message, /not a regular file/);
    assert.match(of('EXDEV', 'delete').message, /another mount/);
    assert.match(of('EXDEV', 'rename').message, /between two mounts/);
    // Without a change, EXDEV is what RESOLVE_IN_ROOT says of an escape: refused.
    assert.equal(of('EXDEV').kind, 'refused');
    assert.equal(of('ESRCH', 'rename').kind, 'gone');
  });
});
