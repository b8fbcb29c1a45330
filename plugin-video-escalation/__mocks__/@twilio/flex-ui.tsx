/**
 * A stand-in for @twilio/flex-ui in the plugin's jest tests (Flex itself needs Twilio's cloud).
 * Only what the plugin touches, behaving as Flex 2.x does where the plugin depends on it:
 * - Actions run registered actions with their before listeners (awaited together, each given an
 *   abort function; an abort rejects the invocation, "Action X cancelled by before event") and
 *   their after listeners;
 * - content stores keep what was added, with its `if`, so tests render what Flex would show;
 * - TaskHelper.isChatBasedTask reads conversationSid/channelSid as Flex does.
 * `__flex` lets a test set the signed-in user, the configuration and the chat state.
 */
import { EventEmitter } from 'events';
import React from 'react';

type Listener = (payload: unknown, abort: () => void) => unknown;

class MockActions {
  private actions = new Map<string, (payload: unknown) => Promise<unknown>>();
  private listeners = new Map<string, Listener[]>();

  registerAction(name: string, action: (payload: unknown) => Promise<unknown>): void {
    this.actions.set(name, action);
  }

  addListener(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  removeListener(event: string, listener: Listener): void {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
  }

  /** Flex's own actions (WrapupTask, CompleteTask) exist too; their bodies are recorded. */
  readonly invoked: string[] = [];

  async invokeAction(name: string, payload: unknown = {}): Promise<unknown> {
    const action = this.actions.get(name) ?? (FLEX_ACTIONS.includes(name) ? async () => undefined : null);
    if (!action) throw new Error(`Action ${name} does not exist!`);
    let aborted = false;
    await Promise.all((this.listeners.get(`before${name}`) ?? []).map(async (l) => l(payload, () => void (aborted = true))));
    if (aborted) throw new Error(`Action ${name} cancelled by before event`);
    const result = await action(payload);
    this.invoked.push(name);
    await Promise.all((this.listeners.get(`after${name}`) ?? []).map(async (l) => l(payload, () => undefined)));
    return result;
  }

  reset(): void {
    this.actions.clear();
    this.listeners.clear();
    this.invoked.length = 0;
  }
}
const FLEX_ACTIONS = ['WrapupTask', 'CompleteTask', 'SelectTask', 'SetComponentState', 'NavigateToView'];

export interface Fragment {
  element: React.ReactElement;
  options: { sortOrder?: number; if?(props: Record<string, unknown>): boolean };
  mode: 'add' | 'replace';
}

class MockContentStore {
  fragments: Fragment[] = [];
  add(element: React.ReactElement, options: Fragment['options'] = {}) {
    if (element.key === null) throw new Error('Content added to Flex needs a key');
    this.fragments.push({ element, options, mode: 'add' });
    return () => undefined;
  }
  replace(element: React.ReactElement, options: Fragment['options'] = {}) {
    if (element.key === null) throw new Error('Content added to Flex needs a key');
    this.fragments.push({ element, options, mode: 'replace' });
    return () => undefined;
  }
  remove() {
    return () => undefined;
  }
  /**
   * What Flex would render here for these props: each fragment whose `if` passes, given the props,
   * inside the task context Flex's task canvas provides.
   */
  render(props: Record<string, unknown>): React.ReactElement[] {
    return this.fragments
      .filter((f) => !f.options.if || f.options.if(props))
      .map((f) => (
        <TaskContext.Provider key={String(f.element.key)} value={props}>
          {React.cloneElement(f.element, props)}
        </TaskContext.Provider>
      ));
  }
}

const store = () => ({ Content: new MockContentStore() });
export const TaskCanvasHeader = store();
export const TaskCanvasTabs = store();
export const MessageListItem = store();
export const MessageBubble = store();
export const SideNav = store();
export const ViewCollection = store();

export const Actions = new MockActions();

export enum NotificationType {
  information = 'information',
  success = 'success',
  warning = 'warning',
  error = 'error',
}

class MockNotifications {
  registered = new Map<string, { id: string; content?: unknown; type?: NotificationType; timeout?: number }>();
  shown: { id: string; context?: Record<string, unknown> }[] = [];
  registerNotification(n: { id: string; content?: unknown; type?: NotificationType; timeout?: number }) {
    this.registered.set(n.id, n);
  }
  showNotification(id: string, context?: Record<string, unknown>) {
    if (!this.registered.has(id)) return null;
    this.shown.push({ id, context });
    return this.registered.get(id);
  }
  dismissNotificationById() {}
  reset() {
    this.registered.clear();
    this.shown.length = 0;
  }
}
export const Notifications = new MockNotifications();

export const TaskHelper = {
  isChatBasedTask: (task: { attributes?: Record<string, unknown> }) => !!task?.attributes?.channelSid || !!task?.attributes?.conversationSid,
  getTaskConversationSid: (task: { attributes?: Record<string, unknown> }) =>
    String(task?.attributes?.conversationSid ?? task?.attributes?.channelSid ?? ''),
};

/** The Flex state and user a test sets up; Manager.getInstance() and useFlexSelector read it. */
export const __flex = {
  user: { identity: 'alex', token: 'flex-token-1', roles: ['agent'] },
  configuration: {} as Record<string, unknown>,
  state: { flex: { chat: { conversations: {} as Record<string, { messages: unknown[] }> } } },
  conversationsClient: new EventEmitter(),
  reset() {
    this.user = { identity: 'alex', token: 'flex-token-1', roles: ['agent'] };
    this.configuration = {};
    this.state = { flex: { chat: { conversations: {} } } };
    this.conversationsClient = new EventEmitter();
    Actions.reset();
    Notifications.reset();
    for (const s of [TaskCanvasHeader, TaskCanvasTabs, MessageListItem, MessageBubble, SideNav, ViewCollection]) s.Content.fragments = [];
  },
};

const manager = {
  get user() {
    return __flex.user;
  },
  get configuration() {
    return __flex.configuration;
  },
  get conversationsClient() {
    return __flex.conversationsClient;
  },
  store: { getState: () => __flex.state },
};
export const Manager = { getInstance: () => manager };

export const useFlexSelector = <T,>(select: (state: typeof __flex.state) => T): T => select(__flex.state);

/** Flex's Tab renders its children; the label is for the tab strip. */
export function Tab({ children, label }: { children?: React.ReactNode; label?: string; uniqueName?: string }) {
  return (
    <div role="tabpanel" aria-label={label}>
      {children}
    </div>
  );
}

/** Flex's side-nav link is a button; the active one is marked. */
export function SideLink({ children, onClick, isActive }: { children?: React.ReactNode; onClick?: () => void; isActive?: boolean; icon?: unknown; iconActive?: unknown }) {
  return (
    <button type="button" aria-current={isActive ? 'page' : undefined} onClick={onClick}>
      {children}
    </button>
  );
}

/** A view of Flex's ViewCollection renders its children (Flex shows the one navigated to). */
export function View({ name, children }: { name: string; children?: React.ReactNode }) {
  return <div data-flex-view={name}>{children}</div>;
}

/** The task canvas's context (task, conversation…), as withTaskContext reads it. */
export const TaskContext = React.createContext<Record<string, unknown>>({});

/** Injects the task context's props, as the real HOC does; explicit props win. */
export const withTaskContext = <P,>(Component: React.ComponentType<P>) =>
  function WithTaskContext(props: Omit<P, 'task'>) {
    return <TaskContext.Consumer>{(context) => <Component {...(context as P)} {...(props as P)} />}</TaskContext.Consumer>;
  };
