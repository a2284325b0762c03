import { HelperArgumentError } from '../../../core/helper/helperRules';

/** The refusal of a bad value (a helper rule's message); while it is typed (an input box) without "nothing was changed". */
export function inputProblem(check: () => unknown, typing = false): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof HelperArgumentError) return `${error.message[0].toUpperCase()}${error.message.slice(1)}${typing ? '' : ': nothing was changed.'}`;
    throw error;
  }
}
