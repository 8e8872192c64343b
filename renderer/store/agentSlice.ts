// The agent as the windows see it: the run's state, its steps, and the approvals it waits for.
import type { StateCreator } from 'zustand';
import type { AgentSnapshot, AgentState, ApprovalAnswer, ApprovalRequest, StepEvent } from '../../electron/shared/ipc.ts';
import { api, unwrap } from '../api.ts';
import type { All } from './store.ts';

export interface AgentSlice {
  agent: AgentState;
  steps: StepEvent[];
  approvals: ApprovalRequest[];
  /** The last request that failed, in words, for the view that made it. */
  agentError: string | undefined;
  applySnapshot(snapshot: AgentSnapshot): void;
  applyAgentState(state: AgentState): void;
  addStep(step: StepEvent): void;
  addApproval(request: ApprovalRequest): void;
  submit(command: string): Promise<boolean>;
  stop(): Promise<void>;
  answer(requestId: string, answer: ApprovalAnswer['answer']): Promise<void>;
  clearAgentError(): void;
}

export const isWorking = (state: AgentState) => state.status === 'running' || state.status === 'stopping';

export const createAgentSlice: StateCreator<All, [], [], AgentSlice> = (set, get) => ({
  agent: { status: 'idle' },
  steps: [],
  approvals: [],
  agentError: undefined,
  applySnapshot: ({ state, steps, approvals }) => set({ agent: state, steps, approvals }),
  applyAgentState: (state) =>
    set((s) =>
      // A new run starts with an empty timeline; approvals never outlive their run.
      state.sessionId !== s.agent.sessionId ? { agent: state, steps: [], approvals: [] } : { agent: state, approvals: isWorking(state) ? s.approvals : [] },
    ),
  addStep: (step) =>
    set((s) => (step.sessionId !== s.agent.sessionId ? {} : { steps: [...s.steps.filter((x) => x.index !== step.index), step].sort((a, b) => a.index - b.index) })),
  addApproval: (request) => set((s) => (s.approvals.some((a) => a.requestId === request.requestId) ? {} : { approvals: [...s.approvals, request] })),
  submit: async (command) => {
    set({ agentError: undefined });
    try {
      get().applyAgentState(await unwrap(api().submit({ command })));
      get().rememberCommand(command);
      return true;
    } catch (e) {
      set({ agentError: (e as Error).message });
      return false;
    }
  },
  stop: async () => {
    try {
      get().applyAgentState(await unwrap(api().stop()));
    } catch (e) {
      set({ agentError: (e as Error).message });
    }
  },
  answer: async (requestId, answer) => {
    try {
      await unwrap(api().answerApproval({ requestId, answer }));
      set((s) => ({ approvals: s.approvals.filter((a) => a.requestId !== requestId) }));
    } catch (e) {
      set({ agentError: (e as Error).message });
    }
  },
  clearAgentError: () => set({ agentError: undefined }),
});
