// Run as another user by helperTrust.test.ts: prints what the extension's trust check says about
// each helper path given, against the shipped helper's checksum.
import { checkHelperTrust, sha256Of } from '../../../src/core/helper/helperTrust';

const [shipped, ...paths] = process.argv.slice(2);
const sha = sha256Of(shipped);
console.log(JSON.stringify({ uid: process.getuid?.(), results: paths.map((path) => checkHelperTrust(path, sha)) }));
