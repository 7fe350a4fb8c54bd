import type { AccountDetail, AccountSummary } from '@marque/contracts';
import { maskAccountNumber } from '../../platform/ids.ts';
import type { ContractRow, VehicleRow } from './repo.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

export function delinquencyBucket(daysPastDue: number): AccountSummary['delinquency'] {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue < 30) return '1-29';
  if (daysPastDue < 60) return '30-59';
  if (daysPastDue < 90) return '60-89';
  if (daysPastDue < 120) return '90-119';
  return '120+';
}

/** Rates are stored as numeric(7,4) / numeric(8,6); show APR with 2 decimals and the money factor as stored. */
function trimRate(value: string, decimals: number): string {
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(decimals, '0').slice(0, decimals)}`;
}

export function toAccountSummary(contract: ContractRow, vehicle: VehicleRow): AccountSummary {
  const active = contract.status === 'active';
  return {
    id: contract.publicId,
    accountNumber: maskAccountNumber(contract.accountNumber),
    type: contract.type,
    status: contract.status,
    delinquency: delinquencyBucket(contract.daysPastDue),
    vehicle: {
      id: vehicle.publicId,
      vin: vehicle.vin,
      year: vehicle.year,
      make: vehicle.make,
      model: vehicle.model,
      trim: vehicle.trim,
      color: vehicle.color,
      odometer: vehicle.odometer,
    },
    balance: usd(contract.balanceCents),
    pastDue: usd(contract.pastDueCents),
    nextPayment:
      active && contract.nextDueDate
        ? { amount: usd(contract.paymentCents + contract.pastDueCents), dueDate: contract.nextDueDate }
        : null,
    paymentsMade: contract.paymentsMade,
    paymentsRemaining: active ? Math.max(0, contract.termMonths - contract.paymentsMade) : 0,
  };
}

export function toAccountDetail(contract: ContractRow, vehicle: VehicleRow): AccountDetail {
  const common = {
    termMonths: contract.termMonths,
    payment: usd(contract.paymentCents),
    contractDate: contract.contractDate,
    firstPaymentDate: contract.firstPaymentDate,
    maturityDate: contract.maturityDate,
  };
  const terms: AccountDetail['terms'] =
    contract.type === 'loan'
      ? {
          type: 'loan',
          amountFinanced: usd(contract.amountFinancedCents ?? 0),
          apr: trimRate(contract.apr ?? '0', 2),
          ...common,
        }
      : {
          type: 'lease',
          grossCapitalizedCost: usd(contract.grossCapCostCents ?? 0),
          capitalizedCostReduction: usd(contract.capCostReductionCents ?? 0),
          adjustedCapitalizedCost: usd(
            (contract.grossCapCostCents ?? 0) - (contract.capCostReductionCents ?? 0),
          ),
          residualValue: usd(contract.residualCents ?? 0),
          moneyFactor: trimRate(contract.moneyFactor ?? '0', 5),
          mileageAllowancePerYear: contract.mileageAllowancePerYear ?? 0,
          excessMileageRate: usd(contract.excessMileageRateCents ?? 0),
          ...common,
        };
  return { ...toAccountSummary(contract, vehicle), terms };
}
