/*
 * Test-only: the tabs of one origin, sharing localStorage as browsers do (Chromium's per-process
 * copies included).
 */
import type { GenesysGlobal } from 'ngx-genesys-messenger-auth/core';
import type { EmulatorWindow } from 'ngx-genesys-messenger-auth/testing';

/**
 * One tab's view of the origin's localStorage: writes reach the other tabs as `storage` events.
 * With its own `copy`, the tab reads that copy, which other tabs' writes reach only with their
 * `storage` event — as in Chromium, where each renderer process keeps a copy of localStorage.
 */
class TabStorage {
  constructor(
    private readonly backing: Storage,
    private readonly changed: (key: string, oldValue: string | null, value: string | null) => void,
    readonly copy?: Map<string, string>,
  ) {}

  get length(): number {
    return this.copy ? this.copy.size : this.backing.length;
  }

  key(index: number): string | null {
    return this.copy ? ([...this.copy.keys()][index] ?? null) : this.backing.key(index);
  }

  getItem(key: string): string | null {
    return this.copy ? (this.copy.get(key) ?? null) : this.backing.getItem(key);
  }

  setItem(key: string, value: string): void {
    const old = this.getItem(key);
    this.backing.setItem(key, value);
    this.copy?.set(key, value);
    if (old !== value) this.changed(key, old, value);
  }

  removeItem(key: string): void {
    const old = this.getItem(key);
    this.backing.removeItem(key);
    this.copy?.delete(key);
    if (old !== null) this.changed(key, old, null);
  }

  clear(): void {
    throw new Error('TabStorage.clear is not used by the code under test');
  }
}

function copyOf(storage: Storage): Map<string, string> {
  const copy = new Map<string, string>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) copy.set(key, storage.getItem(key) ?? '');
  }
  return copy;
}

/** A browser tab: its own window object and `Genesys`, the origin's shared localStorage. */
export class Tab extends EventTarget implements EmulatorWindow {
  Genesys?: GenesysGlobal;
  readonly localStorage: Storage;
  /** This tab's copy of localStorage, when it keeps one. */
  readonly storageCopy?: Map<string, string>;

  constructor(
    backing: Storage,
    changed: (tab: Tab, event: StorageEventInit) => void,
    ownCopy: boolean,
  ) {
    super();
    this.storageCopy = ownCopy ? copyOf(backing) : undefined;
    this.localStorage = new TabStorage(
      backing,
      (key, oldValue, newValue) => changed(this, { key, oldValue, newValue }),
      this.storageCopy,
    ) as unknown as Storage;
  }

  /** This tab as the `Window` the library's classes take. */
  get asWindow(): Window {
    return this as unknown as Window;
  }
}

/**
 * Tabs of one origin. Browsers fire `storage` in every other same-origin document a task after a
 * write; jsdom cannot do that between these fake tabs, so this does. With `copies`, each tab reads
 * its own copy of localStorage, brought up to date by those events.
 */
export class Origin {
  private readonly tabs = new Set<Tab>();

  constructor(
    private readonly backing: Storage,
    private readonly later: (task: () => void) => void,
    private readonly copies = false,
    private readonly copyLagMs = 0,
  ) {}

  openTab(): Tab {
    const tab = new Tab(this.backing, (writer, init) => this.broadcast(writer, init), this.copies);
    this.tabs.add(tab);
    return tab;
  }

  closeTab(tab: Tab): void {
    this.tabs.delete(tab);
  }

  private broadcast(writer: Tab, init: StorageEventInit): void {
    for (const tab of this.tabs) {
      if (tab === writer) continue;
      const event = new StorageEvent('storage', init);
      // jsdom only accepts its own Storage objects in the init dictionary.
      Object.defineProperty(event, 'storageArea', { value: tab.localStorage });
      const apply = () => {
        const { key, newValue } = init;
        if (tab.storageCopy && key) {
          if (newValue === null || newValue === undefined) tab.storageCopy.delete(key);
          else tab.storageCopy.set(key, newValue);
        }
        tab.dispatchEvent(event);
      };
      // Messages on the tab channel overtake other writes when copies lag (BroadcastChannel and
      // storage travel separately in Chromium).
      if (this.copyLagMs && !init.key?.endsWith(':msg'))
        setTimeout(() => this.later(apply), this.copyLagMs);
      else this.later(apply);
    }
  }
}
