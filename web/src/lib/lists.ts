/** An answer's lists: the API answers a list inside a field of its own (a bill list's `bills`). */

/** The fields of an answer that hold a list. */
export type ListField<T> = { [K in keyof T]-?: T[K] extends readonly unknown[] ? K : never }[keyof T];

/** An item of the list in field `K` of `T`. */
export type ItemOf<T, K extends keyof T> = T[K] extends readonly (infer I)[] ? I : never;

/** The list in an answer's field. */
export const listOf = <T, K extends ListField<T>>(answer: T, field: K) =>
  answer[field] as readonly ItemOf<T, K>[];
