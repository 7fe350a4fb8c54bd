import type { CoverageComponent, MaintenanceService, ProtectionKind } from '@marque/contracts';

/**
 * What each kind of product covers, as the (fictional) administrators' contracts word it. A
 * product row stores its own component list (a plan may be narrower), seeded from these.
 */
export const KIND_COMPONENTS: Record<ProtectionKind, readonly CoverageComponent[]> = {
  service_plan: ['oil_change'],
  vehicle_service_contract: [
    'engine',
    'transmission',
    'drivetrain',
    'air_conditioning',
    'electrical',
    'infotainment',
    'suspension',
    'steering',
  ],
  roadside: ['towing', 'lockout', 'battery'],
  tire_wheel: ['tires', 'wheels'],
  gap: ['total_loss'],
  key_replacement: ['keys'],
  windshield: ['windshield'],
};

/**
 * Components no service contract pays for, because they wear out with use: brake pads and
 * rotors. The lookup says so rather than suggesting a product that would not help.
 */
const WEAR_ITEMS: ReadonlySet<CoverageComponent> = new Set(['brakes']);

/** The kind of product that would cover a component, for the "not covered" suggestion. */
export function kindCovering(component: CoverageComponent): ProtectionKind | null {
  if (WEAR_ITEMS.has(component)) return null;
  for (const [kind, components] of Object.entries(KIND_COMPONENTS)) {
    if (components.includes(component)) return kind as ProtectionKind;
  }
  return null;
}

export function isWearItem(component: CoverageComponent): boolean {
  return WEAR_ITEMS.has(component);
}

export interface ScheduledService {
  service: MaintenanceService;
  everyMiles: number;
  everyMonths: number;
}

/**
 * The manufacturer's maintenance schedule (fictional, Solenne's "normal driving" table): each
 * service is due at whichever of its mileage or time interval comes first.
 */
export const MAINTENANCE_SCHEDULE: readonly ScheduledService[] = [
  { service: 'oil_change', everyMiles: 7_500, everyMonths: 12 },
  { service: 'tire_rotation', everyMiles: 7_500, everyMonths: 12 },
  { service: 'brake_inspection', everyMiles: 15_000, everyMonths: 12 },
  { service: 'cabin_filter', everyMiles: 15_000, everyMonths: 24 },
  { service: 'engine_air_filter', everyMiles: 30_000, everyMonths: 36 },
  { service: 'brake_fluid', everyMiles: 30_000, everyMonths: 36 },
  { service: 'coolant', everyMiles: 60_000, everyMonths: 60 },
];
