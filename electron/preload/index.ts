// The preload script (sandboxed): only the bridge, with Electron's own modules.
import { contextBridge, ipcRenderer } from 'electron'
import { exposeBridge } from './bridge'

exposeBridge(contextBridge, ipcRenderer)
