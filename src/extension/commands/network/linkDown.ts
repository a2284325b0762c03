import { setLinkState } from './setLinkState';

/** "Bring Interface Down...". */
export const linkDown = setLinkState('down');
