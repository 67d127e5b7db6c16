import type { z } from 'zod'

/**
 * Declares one API operation: `op<Result>()(argsSchema)`. The result type is given; the
 * argument type comes from the zod schema that validates it at every door.
 */
export function op<R>() {
  return <S extends z.ZodType>(args: S) => ({ args, result: undefined as unknown as R })
}
