import type { agreementApi } from '../../../shared/api-agreement'
import { AgreementService } from '../agreement/agreement.service'
import { TeamService } from '../agreement/team.service'
import type { StudySession } from '../study-session'
import type { HandlersOf } from './handlers'
import { pseudoCoders } from './suggestion-handlers'

/** Handlers of intercoder agreement. */
export function createAgreementHandlers(s: StudySession): HandlersOf<typeof agreementApi> {
  // Made on first use: their statements are prepared once per connection.
  let agreement: AgreementService | undefined
  let team: TeamService | undefined
  const measures = () => (agreement ??= new AgreementService(s))
  const teams = () => (team ??= new TeamService(s))
  return {
    'agreement:exportForCoder': ({ coder, path }) => teams().exportForCoder(coder, path),
    // A merge changes much at once: the study is backed up first, whichever door asks.
    'agreement:merge': async ({ path }) => {
      await s.backups.backup(s, 'before-merge')
      return teams().merge(path)
    },
    // `suggestions:NAME` among the coders: the suggestion method as a coder of its own, learnt from NAME.
    'agreement:measure': async (args) => measures().measure(args, await pseudoCoders(s, args.coders, args.documentIds, args.codeIds)),
    'agreement:disagreements': (args) => measures().disagreements(args),
    'agreement:settle': (args) => measures().settle(args),
    'agreement:judgements': (args) => measures().judgements(args),
  }
}
