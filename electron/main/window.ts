/**
 * The one window, created through the BrowserWindow class handed in (tests hand in a fake).
 * Its webPreferences are written out here, literally, where reviewers and static scanners
 * (Electronegativity) look for them.
 */
export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

export type BrowserWindowClass<W> = new (options: {
  x?: number
  y?: number
  width: number
  height: number
  title: string
  show: boolean
  webPreferences: Record<string, unknown>
}) => W

export function createMainWindow<W>(BrowserWindow: BrowserWindowClass<W>, preload: string, bounds: WindowBounds): W {
  return new BrowserWindow({
    ...bounds,
    title: 'Werkbank',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would open links in new windows, which the app never wants.
      disableBlinkFeatures: 'Auxclick',
    },
  })
}
