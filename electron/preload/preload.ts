// The preload of every Operant window (sandboxed: it can use only contextBridge and ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import { API_KEY } from '../shared/ipc.ts';
import { createApi } from './api.ts';

contextBridge.exposeInMainWorld(API_KEY, createApi(ipcRenderer));
