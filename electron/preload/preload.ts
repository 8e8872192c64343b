// The preload of every Operant window (sandboxed: it can use only contextBridge and ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import type { API_KEY } from '../shared/ipc.ts';
import { createApi } from './api.ts';

contextBridge.exposeInMainWorld('operant' satisfies typeof API_KEY, createApi(ipcRenderer));
