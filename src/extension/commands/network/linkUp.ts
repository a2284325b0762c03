import { setLinkState } from './setLinkState';

/** "Bring Interface Up...". */
export const linkUp = setLinkState('up');
