import type {
  GenesysCommandEvent,
  GenesysCommandHandler,
  GenesysEnvelope,
  GenesysPlugin,
  GenesysSubscriber,
} from 'ngx-genesys-messenger-auth/core';

/** What the bus needs from its surroundings: a clock and a way to run a task asynchronously. */
export interface BusEnvironment {
  /** The current time in ms since the epoch. */
  now(): number;
  /** Runs a task after the current one (subscribers and handlers never run synchronously). */
  defer(task: () => void): void;
}

/** The default environment: wall clock, microtask delivery. */
export const REAL_BUS_ENVIRONMENT: BusEnvironment = {
  now: () => Date.now(),
  defer: (task) => void Promise.resolve().then(task),
};

interface Subscription {
  readonly eventName: string;
  readonly owner: string | undefined;
  readonly callback: GenesysSubscriber;
}

interface PendingCommand {
  readonly name: string;
  readonly data: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Retained {
  readonly publisher: string;
  readonly event: string;
  readonly data: unknown;
  readonly time: number;
}

/**
 * Messenger's command bus (GENESYS-CONTRACT.md §1): commands settle only through their handler's
 * `resolve`/`reject` — nothing times out — events reach subscribers asynchronously, `republish`
 * keeps an event for later subscribers, and plugin names are unique.
 */
export class GenesysBus {
  private readonly handlers = new Map<string, GenesysCommandHandler>();
  private readonly pending: PendingCommand[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly retained = new Map<string, Retained>();
  private readonly plugins = new Set<string>();
  private readonly readyPlugins = new Set<string>();
  private readonly model: Record<string, unknown> = {};

  constructor(private readonly env: BusEnvironment = REAL_BUS_ENVIRONMENT) {}

  /**
   * Runs a command such as `Auth.refreshToken`. A command whose plugin has not registered it yet
   * waits until it does; a command a ready plugin does not have is rejected.
   */
  command<R = unknown>(name: string, data: unknown = {}): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.dispatch({ name, data, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Subscribes to an event by its full name; a kept (republished) event is replayed at once. */
  subscribe(eventName: string, callback: GenesysSubscriber, owner?: string): void {
    this.subscriptions.push({ eventName, owner, callback });
    const kept = this.retained.get(eventName);
    if (kept) {
      // A replay carries no `eventName` (contract §1).
      const envelope = {
        time: kept.time,
        publisher: kept.publisher,
        event: kept.event,
        data: kept.data,
      };
      this.env.defer(() => callback(envelope));
    }
  }

  /** Removes the subscriptions an owner (a plugin) made to an event. */
  unsubscribe(eventName: string, owner: string): void {
    for (let i = this.subscriptions.length - 1; i >= 0; i--) {
      const s = this.subscriptions[i];
      if (s.eventName === eventName && s.owner === owner) this.subscriptions.splice(i, 1);
    }
  }

  /** Publishes `<publisher>.<event>` to the current subscribers; `retain` keeps it for later ones. */
  publish(publisher: string, event: string, data: unknown = {}, retain = false): void {
    const eventName = `${publisher}.${event}`;
    const time = this.env.now();
    if (retain) this.retained.set(eventName, { publisher, event, data, time });
    const envelope: GenesysEnvelope = { time, publisher, event, eventName, data };
    for (const { eventName: wanted, callback } of [...this.subscriptions]) {
      if (wanted === eventName) this.env.defer(() => callback(envelope));
    }
  }

  /** Forgets a kept event, so that later subscribers no longer hear it. */
  forget(eventName: string): void {
    this.retained.delete(eventName);
  }

  /** Registers `<plugin>.<name>` and runs the commands that were waiting for it. */
  registerCommand(plugin: string, name: string, handler: GenesysCommandHandler): void {
    this.handlers.set(`${plugin}.${name}`, handler as GenesysCommandHandler);
    this.retryPending();
  }

  /** Whether a command is registered. */
  hasCommand(name: string): boolean {
    return this.handlers.has(name);
  }

  /**
   * Registers a plugin and calls `init` with its API object.
   * @throws when the name is taken, with Messenger's own message.
   */
  registerPlugin(name: string, init: (plugin: GenesysPlugin) => void): GenesysPlugin {
    if (this.plugins.has(name)) {
      throw new Error(`Can't register plugin ${name} -- Name is already taken`);
    }
    this.plugins.add(name);
    const plugin = this.pluginApi(name);
    init(plugin);
    return plugin;
  }

  /** Whether a plugin of that name has been registered. */
  hasPlugin(name: string): boolean {
    return this.plugins.has(name);
  }

  private pluginApi(name: string): GenesysPlugin {
    return {
      command: (command, data) => this.command(command, data),
      subscribe: (eventName, callback) =>
        this.subscribe(eventName, callback as GenesysSubscriber, name),
      unsubscribe: (eventName) => this.unsubscribe(eventName, name),
      publish: (event, data) => this.publish(name, event, data),
      republish: (event, data) => this.publish(name, event, data, true),
      registerCommand: (command, handler) =>
        this.registerCommand(name, command, handler as GenesysCommandHandler),
      data: (...args: [string, unknown?]) => this.data(...args),
      ready: () => {
        this.readyPlugins.add(name);
        this.publish(name, 'ready', {}, true);
        this.retryPending();
      },
    };
  }

  private data(path: string, ...value: [unknown?]): unknown {
    const keys = path.split('.').filter(Boolean);
    if (keys.length === 0) return this.model;
    const last = keys.pop() as string;
    let node = this.model;
    for (const key of keys) {
      if (typeof node[key] !== 'object' || node[key] === null) {
        if (value.length === 0) return undefined;
        node[key] = {};
      }
      node = node[key] as Record<string, unknown>;
    }
    if (value.length > 0) node[last] = value[0];
    return node[last];
  }

  private dispatch(command: PendingCommand): void {
    const handler = this.handlers.get(command.name);
    if (handler) {
      this.env.defer(() => this.invoke(handler, command));
      return;
    }
    const plugin = command.name.split('.')[0];
    if (this.readyPlugins.has(plugin)) {
      this.env.defer(() =>
        command.reject(new Error(`${command.name} is not a command of the ${plugin} plugin`)),
      );
      return;
    }
    this.pending.push(command);
  }

  private retryPending(): void {
    const waiting = this.pending.splice(0);
    for (const command of waiting) this.dispatch(command);
  }

  private invoke(handler: GenesysCommandHandler, command: PendingCommand): void {
    let settled = false;
    const once =
      (settle: (value: unknown) => void) =>
      (value?: unknown): void => {
        if (settled) return;
        settled = true;
        settle(value);
      };
    const event: GenesysCommandEvent = {
      data: command.data,
      resolve: once(command.resolve),
      reject: once(command.reject),
    };
    try {
      handler(event);
    } catch (error) {
      event.reject(error);
    }
  }
}
