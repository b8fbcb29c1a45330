/**
 * The real @twilio/flex-ui 2.17.1 in jsdom, for the plugin's tests. Everything the plugin uses is
 * Flex's own code (Actions, the content stores and the DynamicComponent that renders them,
 * Notifications, TaskHelper, Tab, SideLink, View, ViewCollection, withTaskContext,
 * useFlexSelector, the theme providers). Only the Manager is a stand-in: `Manager.create` signs in
 * and connects to Twilio (in jsdom it fails at once), so the fake carries what the plugin reads
 * of it (user and token, configuration, Conversations client) and a Redux store made of Flex's
 * own reducer, attached to Flex's modules the way `create` attaches it.
 * Flex's own CompleteTask and WrapupTask bodies talk to TaskRouter: they are replaced, through
 * Flex's `replaceAction`, by bodies that record that they ran. Listeners, content and
 * notifications the tests add are taken back after each test.
 * (jsdom needs src/ui/test-support/media-env.ts loaded first: Flex plays sounds on import.)
 */
import * as Flex from '@twilio/flex-ui';
import { EventEmitter } from 'events';
import React from 'react';
import { Provider } from 'react-redux';
// @ts-expect-error react-router-dom 5 (Flex's own router) ships no types here
import * as ReactRouterDom from 'react-router-dom';
import { combineReducers, createStore, type Store } from 'redux';

type FlexStore = Store<{ flex: ReturnType<typeof Flex.FlexReducer> }>;

/**
 * The one step of `Manager.create` that needs no Twilio: it attaches Flex's modules (FlexModule,
 * ChatModule) to the Redux store, which TaskHelper, ViewCollection and the chat state read.
 * Private in 2.17.1's typings; the package is pinned, and this fails loudly if it moves.
 */
function attachFlexModules(store: FlexStore): void {
  const configure = (Flex.Manager.prototype as unknown as { configureReduxStore?: (this: { _store: FlexStore }) => void }).configureReduxStore;
  if (typeof configure !== 'function') throw new Error('@twilio/flex-ui changed: Manager.prototype.configureReduxStore is gone (test-support/offline-flex.tsx)');
  configure.call({ _store: store });
}

type ChatState = Record<string, { messages: unknown[] }>;
const SET_CHAT = 'offline-flex/SET_CHAT';

/**
 * Flex's own reducer under `flex`, as Manager.create builds it; the chat's messages, which the
 * Conversations client fills in Flex, are set by the test.
 */
function flexStore(): FlexStore {
  const flex = (state: ReturnType<typeof Flex.FlexReducer> | undefined, action: { type: string; conversations?: ChatState }) => {
    const next = Flex.FlexReducer(state as ReturnType<typeof Flex.FlexReducer>, action);
    return action.type === SET_CHAT ? { ...next, chat: { ...next.chat, conversations: action.conversations } } : next;
  };
  const store: FlexStore = createStore(combineReducers({ flex } as never));
  attachFlexModules(store);
  return store;
}

export interface FakeUser {
  identity: string;
  token: string;
  roles: string[];
}

/** What the plugin reads of Manager: user (with its token), configuration, Conversations client, Redux store. */
export interface FakeManager {
  user: FakeUser;
  configuration: Record<string, unknown>;
  conversationsClient: EventEmitter;
  store: FlexStore;
  /** Sets the chat messages Flex holds for each conversation (what useFlexSelector reads). */
  setChat(conversations: ChatState): void;
}

export function fakeManager(user: FakeUser, configuration: Record<string, unknown>): FakeManager & Flex.Manager {
  const store = flexStore();
  const manager: FakeManager = {
    user,
    configuration,
    conversationsClient: new EventEmitter(),
    store,
    setChat: (conversations) => void store.dispatch({ type: SET_CHAT, conversations }),
  };
  return manager as FakeManager & Flex.Manager;
}

type ContentStoreName = 'TaskCanvasHeader' | 'TaskCanvasTabs' | 'MessageBubble' | 'SideNav' | 'ViewCollection';
const STORES: ContentStoreName[] = ['TaskCanvasHeader', 'TaskCanvasTabs', 'MessageBubble', 'SideNav', 'ViewCollection'];
const contentOf = (name: ContentStoreName) => (Flex[name] as unknown as { Content: Flex.DynamicContentStore }).Content;

/** What the plugin did to Flex since the last reset, seen through Flex's own objects. */
export const flexRecord = {
  /** Notifications Flex showed (its `notificationAdded` event). */
  shown: [] as { id: string; context?: Record<string, unknown> }[],
  /** Flex's own task actions whose bodies ran (in order). */
  ran: [] as string[],
  /** Actions registered. */
  registered: [] as string[],
  /** Fragments added, per content store. */
  added: Object.fromEntries(STORES.map((s) => [s, [] as React.Key[]])) as Record<ContentStoreName, React.Key[]>,
};

const undo: (() => void)[] = [];
let installed = false;

/** Hooks the recorders into Flex once per test file (one Flex instance per file). */
function install(): void {
  if (installed) return;
  installed = true;
  const actions = Flex.Actions;
  const addListener = actions.addListener.bind(actions);
  actions.addListener = (event, listener) => {
    undo.push(() => actions.removeListener(event, listener));
    return addListener(event, listener);
  };
  const registerAction = actions.registerAction.bind(actions);
  actions.registerAction = (name, action, update) => {
    flexRecord.registered.push(name);
    return registerAction(name, action, update);
  };
  for (const name of ['CompleteTask', 'WrapupTask']) {
    actions.replaceAction(name, async () => void flexRecord.ran.push(name));
  }
  for (const name of STORES) {
    const content = contentOf(name);
    const add = content.add.bind(content);
    content.add = (child, options) => {
      flexRecord.added[name].push(child.key ?? '');
      const cleanup = add(child, options);
      undo.push(cleanup);
      return cleanup;
    };
    const remove = content.remove.bind(content);
    content.remove = (key, options) => {
      const cleanup = remove(key, options);
      undo.push(cleanup);
      return cleanup;
    };
  }
  // Providers a plugin hands Flex (setProviders) become wrappers of Flex's RootContainer.
  const root = Flex.RootContainer.Content;
  const addWrapper = root.addWrapper.bind(root);
  root.addWrapper = (wrapper) => {
    undo.push(() => root.registeredWrappers.splice(root.registeredWrappers.indexOf(wrapper), 1));
    addWrapper(wrapper);
  };
  // Flex keeps the first registration of an id (and logs "Notification already registered"): each
  // test registers afresh.
  const notifications = Flex.Notifications;
  const registerNotification = notifications.registerNotification.bind(notifications);
  notifications.registerNotification = (n) => {
    undo.push(() => notifications.registeredNotifications.delete(n.id));
    registerNotification(n);
  };
  Flex.Notifications.addListener(Flex.NotificationEvent.notificationAdded, (n: Flex.Notification) => {
    flexRecord.shown.push({ id: n.id, context: n.context });
  });
}

/** Takes back every listener, fragment and notification added since the last reset, and dismisses those shown. */
export function resetFlex(): void {
  install();
  Flex.Notifications.dismissAll();
  while (undo.length) undo.pop()?.();
  flexRecord.shown.length = 0;
  flexRecord.ran.length = 0;
  flexRecord.registered.length = 0;
  for (const name of STORES) flexRecord.added[name].length = 0;
}

/** Flex's providers around its components: the Redux store and Flex's theme (which carries Paste's). */
export function InFlex({ manager, children }: { manager: FakeManager; children: React.ReactNode }) {
  return (
    // (react-redux's typings expect redux 4's Store; the hoisted redux is 3.7, same runtime contract.)
    <Provider store={manager.store as unknown as React.ComponentProps<typeof Provider>['store']}>
      <Flex.StorelessThemeProvider themeConf={{}}>{children}</Flex.StorelessThemeProvider>
    </Provider>
  );
}

/**
 * A programmable Flex component as Flex renders it: its content store through Flex's
 * DynamicComponent, given the component's props (`if` conditions, sortOrder, remove), inside the
 * task context Flex's task canvas provides. `defaults` stand in for Flex's own children (keyed).
 */
export function FlexContent({
  manager,
  name,
  props,
  defaults = [],
}: {
  manager: FakeManager;
  name: ContentStoreName;
  props: Record<string, unknown>;
  defaults?: React.ReactElement[];
}) {
  return (
    <InFlex manager={manager}>
      <Flex.TaskContext.Provider value={props}>
        <Flex.DynamicComponent name={name} contentStore={contentOf(name)} childProps={props}>
          <div data-testid={`flex-${name}`}>{defaults}</div>
        </Flex.DynamicComponent>
      </Flex.TaskContext.Provider>
    </InFlex>
  );
}

const MemoryRouter = (ReactRouterDom as { MemoryRouter: React.ComponentType<{ initialEntries: string[]; children?: React.ReactNode }> }).MemoryRouter;

/** Flex's ViewCollection at a path (Flex's NavigateToView puts the view's name in the URL). */
export function FlexViews({ manager, path }: { manager: FakeManager; path: string }) {
  return (
    <InFlex manager={manager}>
      <MemoryRouter initialEntries={[path]}>
        <Flex.ViewCollection />
      </MemoryRouter>
    </InFlex>
  );
}
