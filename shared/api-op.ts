import type { z } from 'zod'

/**
 * Declares one API operation: `op<Result>()(argsSchema)`. The result type is given; the
 * argument type comes from the zod schema that validates it at every door.
 */
export function op<R>() {
  return <S extends z.ZodType>(args: S) => ({ args, result: undefined as unknown as R })
}

type Joined<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Joined<R> : unknown

/**
 * Joins parts of a table (the contract's parts, the handlers' parts) into one object. A name
 * defined in two parts throws: spreading them would let the later part silently win.
 */
export function joinParts<const T extends readonly object[]>(...parts: T): Joined<T> {
  const joined: Record<string, unknown> = {}
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(joined, name)) throw new Error(`"${name}" is defined in two parts of the table`)
      joined[name] = value
    }
  }
  return joined as Joined<T>
}
