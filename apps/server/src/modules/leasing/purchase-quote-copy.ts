/** Every sentence of the lease purchase quote, in English and Spanish. Values arrive formatted. */
export interface PurchaseQuoteCopy {
  title: string;
  date: string;
  accountNumber: string;
  quoteNumber: string;
  vehicle: string;
  vin: string;
  greeting: (name: string) => string;
  intro: (vehicle: string) => string;
  questions: (phone: string, hours: string) => string;
  totalCaption: string;
  goodThrough: (date: string) => string;
  afterDate: string;
  breakdownHeading: string;
  residual: string;
  purchaseOptionFee: string;
  purchaseOptionPrice: string;
  tax: (rate: string) => string;
  remainingPayments: string;
  fees: string;
  total: string;
  sendHeading: string;
  byMail: string;
  byMailNote: (payee: string) => string;
  byWire: string;
  wireBank: string;
  wireRouting: string;
  wireAccount: string;
  wireName: string;
  wireReference: string;
  notesHeading: string;
  notes: readonly string[];
  closing: string;
  department: string;
}

const en: PurchaseQuoteCopy = {
  title: 'Lease purchase quote',
  date: 'Date',
  accountNumber: 'Account number',
  quoteNumber: 'Quote number',
  vehicle: 'Vehicle',
  vin: 'VIN',
  greeting: (name) => `Dear ${name},`,
  intro: (vehicle) =>
    `As you requested, this quote gives the price to buy your leased ${vehicle}. Once we receive it, we will transfer the title to you.`,
  questions: (phone, hours) => `Questions? Call us at ${phone} (${hours}).`,
  totalCaption: 'Purchase amount',
  goodThrough: (date) => `Good through ${date}`,
  afterDate: 'After that date, ask for a new quote.',
  breakdownHeading: 'How we calculated it',
  residual: 'Residual value',
  purchaseOptionFee: 'Purchase option fee',
  purchaseOptionPrice: 'Purchase option price',
  tax: (rate) => `Sales tax (${rate}%)`,
  remainingPayments: 'Remaining lease payments',
  fees: 'Unpaid fees',
  total: 'Purchase amount',
  sendHeading: 'How to pay',
  byMail: 'By mail',
  byMailNote: (payee) => `Certified check payable to ${payee}. Write your account number on it.`,
  byWire: 'By wire transfer',
  wireBank: 'Bank',
  wireRouting: 'ABA routing',
  wireAccount: 'Account',
  wireName: 'Account name',
  wireReference: 'Reference',
  notesHeading: 'Please note',
  notes: [
    'The purchase option price is set by your lease contract: the residual value plus the purchase option fee.',
    'Sales tax is estimated at the rate on your contract; the motor vehicle agency may charge title and registration fees.',
    'No excess mileage or wear charges apply when you buy the vehicle.',
  ],
  closing: 'Sincerely,',
  department: 'Lease End Department',
};

const es: PurchaseQuoteCopy = {
  title: 'Cotización de compra del arrendamiento',
  date: 'Fecha',
  accountNumber: 'Número de cuenta',
  quoteNumber: 'Número de cotización',
  vehicle: 'Vehículo',
  vin: 'VIN',
  greeting: (name) => `Estimado(a) ${name}:`,
  intro: (vehicle) =>
    `Según lo solicitado, esta cotización indica el precio para comprar su ${vehicle} arrendado. Cuando lo recibamos, le transferiremos el título.`,
  questions: (phone, hours) => `¿Preguntas? Llámenos al ${phone} (${hours}).`,
  totalCaption: 'Monto de compra',
  goodThrough: (date) => `Válido hasta el ${date}`,
  afterDate: 'Después de esa fecha, pida una nueva cotización.',
  breakdownHeading: 'Cómo lo calculamos',
  residual: 'Valor residual',
  purchaseOptionFee: 'Cargo por opción de compra',
  purchaseOptionPrice: 'Precio de la opción de compra',
  tax: (rate) => `Impuesto sobre las ventas (${rate}%)`,
  remainingPayments: 'Pagos de arrendamiento restantes',
  fees: 'Cargos pendientes',
  total: 'Monto de compra',
  sendHeading: 'Cómo pagar',
  byMail: 'Por correo',
  byMailNote: (payee) => `Cheque certificado a nombre de ${payee}. Escriba su número de cuenta en él.`,
  byWire: 'Por transferencia bancaria',
  wireBank: 'Banco',
  wireRouting: 'Ruta ABA',
  wireAccount: 'Cuenta',
  wireName: 'Titular',
  wireReference: 'Referencia',
  notesHeading: 'Tenga en cuenta',
  notes: [
    'El precio de la opción de compra lo fija su contrato: el valor residual más el cargo por opción de compra.',
    'El impuesto se estima con la tasa de su contrato; la agencia de vehículos puede cobrar cargos de título y registro.',
    'Al comprar el vehículo no se cobran cargos por millaje excedente ni por desgaste.',
  ],
  closing: 'Atentamente,',
  department: 'Departamento de Fin de Arrendamiento',
};

export const PURCHASE_QUOTE_COPY = { en, es } as const;
