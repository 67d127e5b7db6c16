/**
 * The native menu's commands that are the page's to carry out (electron/main/desktop.ts hands
 * them over): "Export codings" saves the codings the page shows as CSV, with the page's CSV
 * choices, through the download (the desktop app's save dialog); "About" opens a dialog.
 * Undo, redo, language and import results stay with App.tsx.
 */
import { useEffect, useState } from 'react'
import { version } from '../../../package.json'
import { interpolate } from '../../../shared/i18n/messages'
import { call, onMenuCommand } from '../../api/client'
import { Modal } from '../../components/Modal'
import { downloadText, fileNameWith, studyName } from '../../io/download'
import { useApp } from '../../store'
import { csvChoice, useAnalysis } from '../../store/analysis.slice'

const STRINGS = {
  aboutTitle: { nl: 'Over Werkbank', en: 'About Werkbank' },
  aboutText: {
    nl: 'Werkbank {version}: een werkplaats voor kwalitatief documentonderzoek. Coderen van PDF-rapporten, vergelijken, overeenstemming meten en exporteren.',
    en: 'Werkbank {version}: a workbench for qualitative document studies. Code PDF reports, compare, measure agreement and export.',
  },
  close: { nl: 'Sluiten', en: 'Close' },
  codingsFile: { nl: 'coderingen', en: 'codings' },
} as const

/** The codings of the study as CSV, those of the coders the page shows; returns the file's name. */
export async function exportCodingsCsv(): Promise<string> {
  const s = useApp.getState()
  const { delimiter, decimalComma, bom, flattenLineBreaks } = csvChoice(useAnalysis.getState().csv)
  const coderIds = s.visibleCoderIds()
  const text = await call('export:codings', { delimiter, decimalComma, bom, flattenLineBreaks, ...(coderIds ? { filter: { coderIds } } : {}) })
  const name = fileNameWith('csv', STRINGS.codingsFile[s.lang], studyName(s.info?.path))
  downloadText(name, text)
  return name
}

export function DesktopMenu() {
  const lang = useApp((s) => s.lang)
  const [about, setAbout] = useState(false)

  useEffect(
    () =>
      onMenuCommand(({ command }) => {
        const s = useApp.getState()
        if (command === 'help:about') setAbout(true)
        else if (command === 'export:codings') {
          exportCodingsCsv().then(
            (file) => s.notify({ key: 'exportedFile', params: { file } }),
            (e: unknown) => s.report(e),
          )
        }
      }),
    [],
  )

  if (!about) return null
  return (
    <Modal title={STRINGS.aboutTitle[lang]} onClose={() => setAbout(false)} testId="about-dialog">
      <p>{interpolate(STRINGS.aboutText[lang], { version })}</p>
      <div className="modal-actions">
        <button type="button" onClick={() => setAbout(false)} data-autofocus>
          {STRINGS.close[lang]}
        </button>
      </div>
    </Modal>
  )
}
