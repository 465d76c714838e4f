/**
 * The home's details after its address: area, year built, floors, construction, damage, use
 * and ownership. Their ranges come from the contract's PROPERTY_LIMITS (the sandbox checks
 * the same ones); the year built cannot be in the future.
 */
import {
  DamageStatus,
  OwnershipType,
  PROPERTY_LIMITS,
  PropertyUtilizationStyle,
  Structure,
  type CreatePropertyRequest,
} from '../../../contract/index.js';
import type { FieldError, FieldValidator } from '../shared/form-state.js';
import { parseInteger, validateIntegerInRange } from '../../validation/numbers.js';

export type DetailsValues = {
  squareMeter: string;
  constructionYear: string;
  totalFloors: string;
  currentFloor: string;
  structure: string;
  damageStatus: string;
  usage: string;
  ownership: string;
};

export const DETAIL_FIELDS: ReadonlyArray<keyof DetailsValues> = [
  'squareMeter',
  'constructionYear',
  'totalFloors',
  'currentFloor',
  'structure',
  'damageStatus',
  'usage',
  'ownership',
];

export const EMPTY_DETAILS: DetailsValues = {
  squareMeter: '',
  constructionYear: '',
  totalFloors: '',
  currentFloor: '',
  structure: '',
  damageStatus: '',
  usage: '',
  ownership: '',
};

/** Choices of each select, in the order shown. */
export const DETAIL_CHOICES = {
  structure: Structure.options,
  damageStatus: DamageStatus.options,
  usage: PropertyUtilizationStyle.options,
  ownership: OwnershipType.options,
} as const;

function inRange(value: string, min: number, max: number): FieldError {
  const error = validateIntegerInRange(value, min, max);
  return error === 'range' ? { key: 'range', params: { min, max } } : error;
}

const required: FieldValidator<DetailsValues> = (value) => (value ? null : 'required');

export const currentYear = () => new Date().getFullYear();

/** The highest floor the flat can be on: the building's floor count once that is valid. */
export function highestFloor(values: DetailsValues): number {
  const total = parseInteger(values.totalFloors);
  const { min, max } = PROPERTY_LIMITS.totalFloors;
  return total !== undefined && total >= min && total <= max ? total : PROPERTY_LIMITS.currentFloor.max;
}

export const DETAIL_VALIDATORS: { [K in keyof DetailsValues]: FieldValidator<DetailsValues> } = {
  squareMeter: (v) => inRange(v, PROPERTY_LIMITS.squareMeter.min, PROPERTY_LIMITS.squareMeter.max),
  constructionYear: (v) => inRange(v, PROPERTY_LIMITS.constructionYear.min, currentYear()),
  totalFloors: (v) => inRange(v, PROPERTY_LIMITS.totalFloors.min, PROPERTY_LIMITS.totalFloors.max),
  currentFloor: (v, all) => inRange(v, PROPERTY_LIMITS.currentFloor.min, highestFloor(all)),
  structure: required,
  damageStatus: required,
  usage: required,
  ownership: required,
};

/**
 * The floors the flat can be on, lowest basement first. A floor chosen before the building's
 * floor count was lowered stays listed (last), so the list still shows it next to its error.
 */
export function floorChoices(values: DetailsValues): number[] {
  const lowest = PROPERTY_LIMITS.currentFloor.min;
  const highest = highestFloor(values);
  const floors = Array.from({ length: highest - lowest + 1 }, (_, i) => lowest + i);
  const chosen = parseInteger(values.currentFloor);
  if (chosen !== undefined && chosen > highest) floors.push(chosen);
  return floors;
}

/** The createProperty body from valid details. */
export function createPropertyBody(customerId: string, uavt: string, values: DetailsValues): CreatePropertyRequest {
  return {
    customerId,
    number: Number(uavt),
    squareMeter: Number(values.squareMeter),
    constructionYear: Number(values.constructionYear),
    damageStatus: values.damageStatus as CreatePropertyRequest['damageStatus'],
    floor: {
      totalFloors: { $type: 'exact', value: Number(values.totalFloors) },
      currentFloor: Number(values.currentFloor),
    },
    structure: values.structure as CreatePropertyRequest['structure'],
    utilizationStyle: values.usage as CreatePropertyRequest['utilizationStyle'],
    ownershipType: values.ownership as CreatePropertyRequest['ownershipType'],
  };
}
