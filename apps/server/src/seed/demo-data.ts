/**
 * The demo world: a fictional brand (Solenne), one dealer, staff, and customers whose stories
 * exercise the portal. Contract dates are months before the business date, so the history is
 * realistic whatever day the demo is started. Nothing here names a real lender or car maker.
 */
export const DEMO_PASSWORD = 'Velvet-Harbor-Lantern-26';

/**
 * Every demo login has MFA enrolled with this authenticator secret (base32, 160 bits): add it
 * to any authenticator app, or compute codes with otplib. Demo data only, printed in the README.
 */
export const DEMO_TOTP_SECRET = 'MARQUEDEMOSOLENNETOTPSECRETKEYAB';

export const DEMO_DEALER = {
  code: 'SOL-1001',
  name: 'Solenne of Riverside',
  city: 'Riverside',
  state: 'CA',
  phone: '951-555-0110',
};

export interface DemoStaff {
  email: string;
  displayName: string;
  role: 'dealer_user' | 'dealer_admin' | 'underwriter' | 'agent' | 'supervisor' | 'analyst' | 'admin';
}

export const DEMO_STAFF: DemoStaff[] = [
  { email: 'admin@solenne.example', displayName: 'Alex Morgan', role: 'admin' },
  { email: 'agent@solenne.example', displayName: 'Sam Rivera', role: 'agent' },
  { email: 'supervisor@solenne.example', displayName: 'Jamie Chen', role: 'supervisor' },
  { email: 'underwriter@solenne.example', displayName: 'Taylor Brooks', role: 'underwriter' },
  { email: 'analyst@solenne.example', displayName: 'Robin Patel', role: 'analyst' },
  { email: 'dealer@riverside.example', displayName: 'Casey Nguyen', role: 'dealer_user' },
  { email: 'dealer.admin@riverside.example', displayName: 'Morgan Lee', role: 'dealer_admin' },
];

export interface DemoVehicle {
  model: 'Vela' | 'Arden' | 'Brio' | 'Terran';
  trim: string;
  year: number;
  color: string;
  msrp: string;
  odometer: number;
}

export interface DemoLoan {
  type: 'loan';
  vehicle: DemoVehicle;
  monthsAgo: number;
  /** Day of the month the contract is dated and falls due (default the 15th). */
  dueDay?: number;
  amountFinanced: string;
  apr: string;
  termMonths: number;
  /** Installments missed so far (the account is that many payments past due). */
  missed?: number;
  /** Paid off early this many days before the business date; the lien release is under way. */
  paidOffDaysAgo?: number;
}

export interface DemoLease {
  type: 'lease';
  vehicle: DemoVehicle;
  monthsAgo: number;
  /** Day of the month the contract is dated and falls due (default the 15th). */
  dueDay?: number;
  grossCapCost: string;
  capCostReduction: string;
  residualPercent: number;
  moneyFactor: string;
  termMonths: number;
  mileageAllowancePerYear: number;
  excessMileageRate: string;
  missed?: number;
}

export interface DemoCustomer {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dob: string;
  ssn: string;
  address: { line1: string; city: string; state: string; postalCode: string };
  /** false: the contract exists but the customer has not registered for the portal yet. */
  registered: boolean;
  contracts: (DemoLoan | DemoLease)[];
  /** A bank account on file, so the payment flows have something to pay with. */
  bankAccount?: DemoBankAccount;
  /** A test card of the simulated processor (see processor/sim/test-cards.ts), tokenised at seed time. */
  testCard?: string;
}

/** Fictional accounts at banks of the shipped routing directory (packages/contracts/src/bank-directory.ts). */
export interface DemoBankAccount {
  holderName: string;
  routingNumber: string;
  accountNumber: string;
  accountType: 'checking' | 'savings';
  nickname?: string;
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    key: 'loan',
    firstName: 'Maya',
    lastName: 'Thompson',
    email: 'maya.thompson@example.com',
    phone: '951-555-0134',
    dob: '1988-04-12',
    ssn: '512-34-7781',
    address: { line1: '418 Alder Lane', city: 'Riverside', state: 'CA', postalCode: '92501' },
    registered: true,
    bankAccount: {
      holderName: 'Maya Thompson',
      routingNumber: '322073508',
      accountNumber: '000184273345',
      accountType: 'checking',
      nickname: 'Everyday checking',
    },
    contracts: [
      {
        type: 'loan',
        vehicle: {
          model: 'Vela',
          trim: 'Touring',
          year: 2025,
          color: 'Glacier White',
          msrp: '34850.00',
          odometer: 0,
        },
        monthsAgo: 14,
        amountFinanced: '28500.00',
        apr: '5.99',
        termMonths: 60,
      },
    ],
  },
  {
    key: 'lease',
    firstName: 'Daniel',
    lastName: 'Reyes',
    email: 'daniel.reyes@example.com',
    phone: '951-555-0177',
    dob: '1992-09-30',
    ssn: '604-22-1938',
    address: { line1: '77 Mission Court', city: 'Corona', state: 'CA', postalCode: '92879' },
    registered: true,
    bankAccount: {
      holderName: 'Daniel Reyes',
      routingNumber: '122098152',
      accountNumber: '55102938',
      accountType: 'checking',
    },
    contracts: [
      {
        type: 'lease',
        vehicle: {
          model: 'Arden',
          trim: 'Sport AWD',
          year: 2024,
          color: 'Harbor Blue',
          msrp: '42500.00',
          odometer: 0,
        },
        // Three payments from maturity: the lease centre's end-of-term journey.
        monthsAgo: 33,
        grossCapCost: '41200.00',
        capCostReduction: '2500.00',
        residualPercent: 58,
        moneyFactor: '0.00210',
        termMonths: 36,
        mileageAllowancePerYear: 12000,
        excessMileageRate: '0.25',
      },
    ],
  },
  {
    key: 'both',
    firstName: 'Priya',
    lastName: 'Shah',
    email: 'priya.shah@example.com',
    phone: '909-555-0161',
    dob: '1979-01-23',
    ssn: '455-81-2290',
    address: { line1: '2200 Canyon Crest Drive', city: 'Riverside', state: 'CA', postalCode: '92507' },
    registered: true,
    bankAccount: {
      holderName: 'Priya Shah',
      routingNumber: '221381045',
      accountNumber: '7300418862',
      accountType: 'savings',
      nickname: 'Household savings',
    },
    testCard: '4242424242424242',
    contracts: [
      {
        type: 'loan',
        vehicle: {
          model: 'Terran',
          trim: 'Crew Cab 4x4',
          year: 2023,
          color: 'Graphite',
          msrp: '52900.00',
          odometer: 0,
        },
        monthsAgo: 31,
        amountFinanced: '46750.00',
        apr: '7.49',
        termMonths: 72,
      },
      {
        type: 'lease',
        vehicle: {
          model: 'Brio',
          trim: 'EV Select',
          year: 2025,
          color: 'Coral Red',
          msrp: '31900.00',
          odometer: 0,
        },
        monthsAgo: 8,
        grossCapCost: '31400.00',
        capCostReduction: '1500.00',
        residualPercent: 55,
        moneyFactor: '0.00175',
        termMonths: 36,
        mileageAllowancePerYear: 10000,
        excessMileageRate: '0.20',
      },
    ],
  },
  {
    key: 'unregistered',
    firstName: 'Jordan',
    lastName: 'Ellis',
    email: 'jordan.ellis@example.com',
    phone: '951-555-0199',
    dob: '1990-07-04',
    ssn: '219-09-9999',
    address: { line1: '15 Orchard View Road', city: 'Riverside', state: 'CA', postalCode: '92503' },
    registered: false,
    contracts: [
      {
        type: 'loan',
        vehicle: {
          model: 'Brio',
          trim: 'Sport',
          year: 2025,
          color: 'Sand Beige',
          msrp: '27400.00',
          odometer: 0,
        },
        monthsAgo: 3,
        amountFinanced: '23900.00',
        apr: '4.90',
        termMonths: 48,
      },
    ],
  },
  {
    key: 'late',
    firstName: 'Chris',
    lastName: 'Walker',
    email: 'chris.walker@example.com',
    phone: '951-555-0123',
    dob: '1985-11-17',
    ssn: '388-60-4412',
    address: { line1: '903 Sycamore Street', city: 'Moreno Valley', state: 'CA', postalCode: '92553' },
    registered: true,
    bankAccount: {
      holderName: 'Chris Walker',
      routingNumber: '111907241',
      accountNumber: '90044712',
      accountType: 'checking',
    },
    contracts: [
      {
        type: 'loan',
        vehicle: {
          model: 'Vela',
          trim: 'Base',
          year: 2024,
          color: 'Midnight Black',
          msrp: '29900.00',
          odometer: 0,
        },
        monthsAgo: 20,
        amountFinanced: '25400.00',
        apr: '9.75',
        termMonths: 66,
        missed: 2,
      },
    ],
  },
  {
    key: 'paid_off',
    firstName: 'Elena',
    lastName: 'Park',
    email: 'elena.park@example.com',
    phone: '951-555-0148',
    dob: '1983-02-14',
    ssn: '621-48-3307',
    address: { line1: '36 Magnolia Avenue', city: 'Riverside', state: 'CA', postalCode: '92506' },
    registered: true,
    bankAccount: {
      holderName: 'Elena Park',
      routingNumber: '263084151',
      accountNumber: '4410027781',
      accountType: 'checking',
    },
    contracts: [
      {
        type: 'loan',
        vehicle: {
          model: 'Arden',
          trim: 'Touring',
          year: 2023,
          color: 'Silver Mist',
          msrp: '38900.00',
          odometer: 0,
        },
        monthsAgo: 34,
        amountFinanced: '31200.00',
        apr: '4.49',
        termMonths: 48,
        paidOffDaysAgo: 9,
      },
    ],
  },
];
