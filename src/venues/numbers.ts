// Venues send numbers as JSON strings ("str-num"), and "" where a number is missing.
import { z } from 'zod';

/** A finite number sent as a string. */
export const strNum = z
  .string()
  .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, 'expected a number in a string')
  .transform(Number);

/** A str-num that may be "" (the venues' way of saying "not applicable"). */
export const optionalStrNum = z.union([z.literal('').transform(() => null), strNum]);
