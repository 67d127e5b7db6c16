import { interpolate, type Lang } from '../../shared/i18n/messages'

/** The core's undo labels, in words, with the label's parameters filled in. An unknown label is shown as it is. */
const LABELS: Record<string, Record<Lang, string>> = {
  'case-attribute': { nl: 'casuskenmerk wijzigen', en: 'change case attribute' },
  'case-update': { nl: 'casus wijzigen', en: 'change case' },
  'case-create': { nl: 'casus maken', en: 'create case' },
  'case-rename': { nl: 'casus hernoemen', en: 'rename case' },
  'code-create': { nl: 'code maken', en: 'create code' },
  'code-delete': { nl: 'code verwijderen', en: 'delete code' },
  'code-merge': { nl: 'codes samenvoegen', en: 'merge codes' },
  'code-move': { nl: 'code verplaatsen', en: 'move code' },
  'code-update': { nl: 'code wijzigen', en: 'change code' },
  'codebook-import': { nl: 'codeboek importeren', en: 'import codebook' },
  'codebook-template': { nl: 'codeboeksjabloon laden', en: 'load codebook template' },
  'coder-create': { nl: 'codeur toevoegen', en: 'add coder' },
  'coding-create': { nl: 'coderen', en: 'code passage' },
  'coding-delete': { nl: 'codering verwijderen', en: 'delete coding' },
  'coding-update': { nl: 'codering wijzigen', en: 'change coding' },
  // Another coder's work changed in consensus / lead mode: whose it was and who changed it.
  'coding-update-as-lead': { nl: 'codering van {owner} wijzigen als leider ({by})', en: "change {owner}'s coding as lead ({by})" },
  'coding-delete-as-lead': { nl: 'codering van {owner} verwijderen als leider ({by})', en: "delete {owner}'s coding as lead ({by})" },
  'case-update-as-lead': { nl: 'casus wijzigen, met het oordeel van {owner}, als leider ({by})', en: "change case, with {owner}'s judgement, as lead ({by})" },
  'case-attribute-as-lead': { nl: 'oordeel van {owner} wijzigen als leider ({by})', en: "change {owner}'s judgement as lead ({by})" },
  'memo-save-as-lead': { nl: 'memo van {owner} opslaan als leider ({by})', en: "save {owner}'s memo as lead ({by})" },
  'document-case': { nl: 'document aan casus toewijzen', en: 'assign document to case' },
  'document-rename': { nl: 'document hernoemen', en: 'rename document' },
  'memo-save': { nl: 'memo opslaan', en: 'save memo' },
  'qdpx-import': { nl: 'REFI-QDA-project importeren', en: 'import REFI-QDA project' },
  'team-merge': { nl: 'studie van codeur samenvoegen', en: "merge a coder's study" },
  'agreement-settle': { nl: 'meningsverschil beslechten', en: 'settle disagreement' },
  autocode: { nl: 'automatisch coderen ({hits} treffers)', en: 'auto-code ({hits} hits)' },
}

export function historyLabel(label: string | null | undefined, lang: Lang, params: Record<string, string | number> = {}): string {
  if (!label) return ''
  const text = LABELS[label]?.[lang]
  return text === undefined ? label : interpolate(text, params)
}
