/** Suggestions on the command line: `suggest` (the best units for a code) and `suggest-eval`. */
import { CommandError, UsageError, intArg, tsv, type CommandSpec, type Ctx } from './cli-kit'

function oneOf(ctx: Ctx, name: 'code' | 'coder'): string {
  const list = (ctx.values[name] as string[] | undefined) ?? []
  if (list.length !== 1) throw new UsageError(`give one --${name} ${name === 'code' ? 'PATH' : 'NAME'}`)
  return list[0]!
}

/** A snippet of a unit on one line: white space collapsed, at most 120 characters. */
function snippet(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > 120 ? `${one.slice(0, 119)}…` : one
}

const ratio = (n: number) => n.toFixed(3)

export const SUGGEST_COMMANDS: Record<string, CommandSpec> = {
  suggest: {
    async run(ctx) {
      const { call, values, io, json } = ctx
      const codeId = (await call('codes:byPath', { path: oneOf(ctx, 'code') })).id
      const coderName = oneOf(ctx, 'coder').trim()
      const coder = (await call('coders:list', {})).find((c) => c.name === coderName)
      if (!coder) throw new CommandError({ code: 'coder-name-not-found', params: { name: coderName } })
      const limit = values.limit === undefined ? undefined : intArg(values.limit, 'limit')
      const list = await call('suggestions:list', { codeId, coderId: coder.id, ...(limit ? { limit } : {}) })
      for (const s of list.items) {
        io.out(json ? JSON.stringify(s) : tsv([s.documentId, s.page, s.start, s.end, s.score.toFixed(3), snippet(s.text)]))
      }
      return 0
    },
  },

  'suggest-eval': {
    async run(ctx) {
      const { call, values, io, json } = ctx
      const coder = oneOf(ctx, 'coder')
      if (values['seed-docs'] !== undefined && values['seed-fraction'] !== undefined) {
        throw new UsageError('give --seed-docs or --seed-fraction, not both')
      }
      let seedFraction: number | undefined
      if (values['seed-fraction'] !== undefined) {
        seedFraction = Number(values['seed-fraction'])
        if (!(seedFraction > 0 && seedFraction < 1)) throw new UsageError('--seed-fraction is a number between 0 and 1')
      }
      const codeIds: number[] = []
      for (const path of (values.code as string[] | undefined) ?? []) codeIds.push((await call('codes:byPath', { path })).id)
      const r = await call('suggestions:evaluate', {
        coder,
        ...(values['seed-docs'] === undefined ? {} : { seedDocs: intArg(values['seed-docs'], 'seed-docs') }),
        ...(seedFraction === undefined ? {} : { seedFraction }),
        ...(values.rounds === undefined ? {} : { rounds: intArg(values.rounds, 'rounds') }),
        ...(values['per-round'] === undefined ? {} : { perRound: intArg(values['per-round'], 'per-round') }),
        ...(codeIds.length > 0 ? { codeIds } : {}),
      })
      if (json) {
        io.out(JSON.stringify(r))
        return 0
      }
      for (const c of r.codes) io.out(tsv([c.path, c.truth, c.shown, c.accepted, ratio(c.precision), ratio(c.recall)]))
      const o = r.overall
      io.out(tsv(['overall', o.truth, o.shown, o.accepted, ratio(o.precision), ratio(o.recall), ratio(o.baselineRecall)]))
      return 0
    },
  },
}
