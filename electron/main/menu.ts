/**
 * The native menu as data: a template for Electron's Menu.buildFromTemplate, built from the
 * language, the platform and the recent studies. Every item sends a command to `run`.
 */
export type MenuCommand =
  | 'study:new' | 'study:open' | 'study:close' | 'study:open-recent' | 'import:pdfs'
  | 'export:codings' | 'export:codebook' | 'backup:restore'
  | 'edit:undo' | 'edit:redo'
  | 'view:zoom-in' | 'view:zoom-out' | 'view:zoom-reset' | 'view:lang-nl' | 'view:lang-en'
  | 'help:about' | 'help:logs'

export interface MenuItem {
  label?: string
  role?: string
  type?: 'separator' | 'submenu' | 'normal'
  accelerator?: string
  submenu?: MenuItem[]
  enabled?: boolean
  click?: () => void
  /** Which command the item sends: tests read it; Electron ignores unknown keys. */
  id?: string
}

const LABELS = {
  file: { nl: 'Bestand', en: 'File' },
  'study:new': { nl: 'Nieuwe studie…', en: 'New study…' },
  'study:open': { nl: 'Studie openen…', en: 'Open study…' },
  recent: { nl: 'Recente studies', en: 'Open recent' },
  'import:pdfs': { nl: "PDF's importeren…", en: 'Import PDFs…' },
  export: { nl: 'Exporteren', en: 'Export' },
  'export:codings': { nl: 'Coderingen (CSV)…', en: 'Codings (CSV)…' },
  'export:codebook': { nl: 'Codeboek (CSV)…', en: 'Codebook (CSV)…' },
  'backup:restore': { nl: 'Terugzetten uit reservekopie…', en: 'Restore from backup…' },
  'study:close': { nl: 'Studie sluiten', en: 'Close study' },
  edit: { nl: 'Bewerken', en: 'Edit' },
  'edit:undo': { nl: 'Ongedaan maken', en: 'Undo' },
  'edit:redo': { nl: 'Opnieuw', en: 'Redo' },
  view: { nl: 'Beeld', en: 'View' },
  'view:zoom-in': { nl: 'Inzoomen', en: 'Zoom in' },
  'view:zoom-out': { nl: 'Uitzoomen', en: 'Zoom out' },
  'view:zoom-reset': { nl: 'Werkelijke grootte', en: 'Actual size' },
  language: { nl: 'Taal', en: 'Language' },
  'view:lang-nl': { nl: 'Nederlands', en: 'Nederlands' },
  'view:lang-en': { nl: 'English', en: 'English' },
  help: { nl: 'Help', en: 'Help' },
  'help:about': { nl: 'Over Werkbank', en: 'About Werkbank' },
  'help:logs': { nl: 'Logmap openen', en: 'Open log folder' },
} as const

/** Platform accelerators: Electron maps CmdOrCtrl to ⌘ on macOS and Ctrl elsewhere. */
export const ACCELERATORS: Partial<Record<MenuCommand, string>> = {
  'study:new': 'CmdOrCtrl+N',
  'study:open': 'CmdOrCtrl+O',
  'import:pdfs': 'CmdOrCtrl+I',
  'export:codings': 'CmdOrCtrl+E',
  'study:close': 'CmdOrCtrl+W',
  'edit:undo': 'CmdOrCtrl+Z',
  'edit:redo': 'Shift+CmdOrCtrl+Z',
  'view:zoom-in': 'CmdOrCtrl+=',
  'view:zoom-out': 'CmdOrCtrl+-',
  'view:zoom-reset': 'CmdOrCtrl+0',
}

export interface MenuOptions {
  lang: 'nl' | 'en'
  platform: string
  recent: readonly string[]
  run: (command: MenuCommand, arg?: string) => void
}

export function buildMenuTemplate({ lang, platform, recent, run }: MenuOptions): MenuItem[] {
  const item = (command: MenuCommand): MenuItem => ({
    id: command,
    label: LABELS[command as keyof typeof LABELS][lang],
    ...(ACCELERATORS[command] ? { accelerator: ACCELERATORS[command] } : {}),
    click: () => run(command),
  })
  const sep: MenuItem = { type: 'separator' }
  const mac = platform === 'darwin'
  return [
    ...(mac ? [{ label: 'Werkbank', submenu: [{ role: 'about' }, sep, { role: 'hide' }, { role: 'hideOthers' }, sep, { role: 'quit' }] }] : []),
    {
      label: LABELS.file[lang],
      submenu: [
        item('study:new'),
        item('study:open'),
        {
          label: LABELS.recent[lang],
          enabled: recent.length > 0,
          submenu: recent.map((path) => ({ id: 'study:open-recent', label: path, click: () => run('study:open-recent', path) })),
        },
        sep,
        item('import:pdfs'),
        { label: LABELS.export[lang], submenu: [item('export:codings'), item('export:codebook')] },
        sep,
        item('backup:restore'),
        sep,
        item('study:close'),
        ...(mac ? [] : [sep, { role: 'quit' }]),
      ],
    },
    {
      label: LABELS.edit[lang],
      // Undo and redo are the study's own (codings, codebook), not the text fields'.
      submenu: [item('edit:undo'), item('edit:redo'), sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: LABELS.view[lang],
      submenu: [
        item('view:zoom-in'),
        item('view:zoom-out'),
        item('view:zoom-reset'),
        sep,
        { label: LABELS.language[lang], submenu: [item('view:lang-nl'), item('view:lang-en')] },
        sep,
        { role: 'togglefullscreen' },
      ],
    },
    { label: LABELS.help[lang], submenu: [item('help:about'), item('help:logs')] },
  ]
}
