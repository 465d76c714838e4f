/**
 * The "I don't know my UAVT code" address cascade: city → district → town → neighbourhood →
 * street → building → apartment. Each level is a searchable list loaded by its own Task (so
 * it has its own loading and error state, with Retry) from the choice above it; choosing a
 * level forgets the levels below it, and a level that fails to load keeps every choice above
 * it. The apartment's value is the UAVT code.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { initialState, Task } from '@lit/task';
import { ADDRESS_LEVELS, type Address, type AddressLevel, type ValueText } from '../../../contract/index.js';
import type { InsurUpClient } from '../../api/client.js';
import { SearchableSelect } from '../shared/searchable-select.js';

export const LEVELS: readonly AddressLevel[] = ADDRESS_LEVELS.map((l) => l.level);

/** The contract's endpoint for each level, with its parent reference. */
function loadLevel(
  client: InsurUpClient,
  level: AddressLevel,
  parent: string,
  signal: AbortSignal,
): Promise<ValueText[]> {
  const options = { signal };
  switch (level) {
    case 'cities':
      return client.request('listCities', {}, options);
    case 'districts':
      return client.request('listDistricts', { query: { cityReference: parent } }, options);
    case 'towns':
      return client.request('listTowns', { query: { districtReference: parent } }, options);
    case 'neighbourhoods':
      return client.request('listNeighbourhoods', { query: { townReference: parent } }, options);
    case 'streets':
      return client.request('listStreets', { query: { neighbourhoodReference: parent } }, options);
    case 'buildings':
      return client.request('listBuildings', { query: { streetReference: parent } }, options);
    case 'apartments':
      return client.request('listApartments', { query: { buildingReference: parent } }, options);
  }
}

export interface CascadeOptions {
  /** The logged-in client, or undefined. */
  client: () => InsurUpClient | undefined;
  /** Wraps each load so a failure the user sees is reported. */
  reported: <R>(request: Promise<R>) => Promise<R>;
}

type LevelTask = Task<readonly [InsurUpClient | undefined, string], ValueText[]>;

export class AddressCascade implements ReactiveController {
  /** The chosen value of each level ('' = not chosen). */
  private chosen: Record<AddressLevel, string> = emptyChoice();
  /** Nothing loads until the cascade is first shown. */
  private started = false;
  readonly lists: Record<AddressLevel, SearchableSelect>;
  readonly tasks: Record<AddressLevel, LevelTask>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    options: CascadeOptions,
  ) {
    host.addController(this);
    const lists = {} as Record<AddressLevel, SearchableSelect>;
    const tasks = {} as Record<AddressLevel, LevelTask>;
    LEVELS.forEach((level, index) => {
      lists[level] = new SearchableSelect(host);
      const parentLevel = index > 0 ? LEVELS[index - 1]! : null;
      tasks[level] = new Task(host, {
        task: async ([client, parent], { signal }) => {
          if (!client || (parentLevel && !parent)) return initialState;
          return options.reported(loadLevel(client, level, parent, signal));
        },
        args: () => [this.started ? options.client() : undefined, parentLevel ? this.chosen[parentLevel] : ''] as const,
      });
    });
    this.lists = lists;
    this.tasks = tasks;
  }

  hostConnected(): void {}

  /** Starts loading the first level (called when the cascade is first shown). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.host.requestUpdate();
  }

  /** Forgets every choice and filter (the lists already loaded stay cached). */
  reset(): void {
    this.chosen = emptyChoice();
    for (const level of LEVELS) this.lists[level].clear();
    this.host.requestUpdate();
  }

  value(level: AddressLevel): string {
    return this.chosen[level];
  }

  /** Chooses a level's value and forgets every level below it (their choices and filters). */
  choose(level: AddressLevel, value: string): void {
    if (this.chosen[level] === value) return;
    const index = LEVELS.indexOf(level);
    const next = { ...this.chosen, [level]: value };
    for (const below of LEVELS.slice(index + 1)) {
      next[below] = '';
      this.lists[below].clear();
    }
    this.chosen = next;
    this.host.requestUpdate();
  }

  /** Whether a level is shown: the first always, the others once the level above is chosen. */
  isOpen(level: AddressLevel): boolean {
    const index = LEVELS.indexOf(level);
    return index === 0 || this.chosen[LEVELS[index - 1]!] !== '';
  }

  /** The UAVT code: the chosen apartment's value. */
  get uavt(): string {
    return this.chosen.apartments;
  }

  /** The whole address as chosen, once every level down to the apartment is. */
  address(): Address | null {
    const part = (level: AddressLevel): ValueText | null => {
      const value = this.chosen[level];
      const text = this.tasks[level].value?.find((option) => option.value === value)?.text;
      return value && text !== undefined ? { value, text } : null;
    };
    const city = part('cities');
    const district = part('districts');
    const town = part('towns');
    const neighborhood = part('neighbourhoods');
    const street = part('streets');
    const building = part('buildings');
    const apartment = part('apartments');
    if (!city || !district || !town || !neighborhood || !street || !building || !apartment) return null;
    return { city, district, town, neighborhood, street, building, apartment };
  }
}

function emptyChoice(): Record<AddressLevel, string> {
  return { cities: '', districts: '', towns: '', neighbourhoods: '', streets: '', buildings: '', apartments: '' };
}
