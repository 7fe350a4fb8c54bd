import type { Language } from '../../i18n/index.ts';

/**
 * The E-SIGN consent disclosure and the GLBA privacy notice, in full. Lender-specific wording is
 * the white-label brand's to supply; this is the default text, with the brand's name filled in.
 */
export function EsignDisclosure({ language, brand }: { language: Language; brand: string }) {
  if (language === 'es') {
    return (
      <>
        <h3>Consentimiento para recibir documentos electrónicos (Ley E-SIGN)</h3>
        <p>
          Al aceptar, usted consiente que {brand} le proporcione electrónicamente, en este sitio web y por
          correo electrónico, los avisos, estados de cuenta, divulgaciones y demás comunicaciones sobre su
          cuenta que la ley exige entregar por escrito.
        </p>
        <h4>Su derecho a recibir documentos en papel</h4>
        <p>
          Puede pedir una copia en papel de cualquier documento sin costo llamando a nuestro servicio de
          atención al cliente. Pedir una copia en papel no retira este consentimiento.
        </p>
        <h4>Cómo retirar su consentimiento</h4>
        <p>
          Puede retirar este consentimiento en cualquier momento, sin costo, llamándonos o escribiéndonos. Si
          lo retira, le enviaremos los documentos por correo postal; su retiro no afecta la validez de los
          documentos que ya le entregamos electrónicamente.
        </p>
        <h4>Alcance</h4>
        <p>Este consentimiento cubre todas las cuentas de préstamo o arrendamiento que tenga con nosotros.</p>
        <h4>Requisitos de hardware y software</h4>
        <ul>
          <li>Un navegador actual (Chrome, Edge, Firefox o Safari) con JavaScript y cookies activados.</li>
          <li>Una dirección de correo electrónico válida y un programa para leer archivos PDF.</li>
          <li>Espacio para guardar los documentos o una impresora para imprimirlos.</li>
        </ul>
        <h4>Mantener su correo electrónico al día</h4>
        <p>
          Debe avisarnos si cambia su dirección de correo electrónico. Puede actualizarla en el centro de
          seguridad de este sitio o llamándonos.
        </p>
      </>
    );
  }
  return (
    <>
      <h3>Consent to electronic records and signatures (E-SIGN Act)</h3>
      <p>
        By agreeing, you consent to {brand} providing you electronically, on this website and by e-mail, the
        notices, statements, disclosures and other communications about your account that the law requires us
        to give you in writing.
      </p>
      <h4>Your right to paper copies</h4>
      <p>
        You can ask for a paper copy of any document at no charge by calling customer support. Asking for a
        paper copy does not withdraw this consent.
      </p>
      <h4>How to withdraw your consent</h4>
      <p>
        You can withdraw this consent at any time, at no charge, by calling or writing to us. If you do, we
        will send documents by postal mail; withdrawing does not affect documents we already delivered
        electronically.
      </p>
      <h4>Scope</h4>
      <p>This consent covers every loan or lease account you have with us.</p>
      <h4>Hardware and software you need</h4>
      <ul>
        <li>
          A current web browser (Chrome, Edge, Firefox or Safari) with JavaScript and cookies turned on.
        </li>
        <li>A valid e-mail address and software that opens PDF files.</li>
        <li>Room to save documents, or a printer to print them.</li>
      </ul>
      <h4>Keeping your e-mail address up to date</h4>
      <p>
        Tell us if your e-mail address changes. You can update it in this site's security centre or by calling
        us.
      </p>
    </>
  );
}

export function PrivacyNotice({ language, brand }: { language: Language; brand: string }) {
  if (language === 'es') {
    return (
      <>
        <h3>Aviso de privacidad: ¿qué hace {brand} con su información personal?</h3>
        <h4>¿Por qué?</h4>
        <p>
          Las compañías financieras eligen cómo comparten su información personal. La ley federal da a los
          consumidores el derecho a limitar parte de ese intercambio, pero no todo. La ley federal también nos
          exige explicarle cómo recopilamos, compartimos y protegemos su información personal.
        </p>
        <h4>¿Qué información recopilamos?</h4>
        <p>
          Su número de Seguro Social e ingresos; el saldo de su cuenta y su historial de pagos; su historial
          crediticio y su puntaje de crédito.
        </p>
        <h4>¿Cómo compartimos su información?</h4>
        <ul>
          <li>
            Para nuestros fines comerciales diarios, como procesar sus transacciones y mantener su cuenta: sí.
          </li>
          <li>Para ofrecerle nuestros productos y servicios: sí.</li>
          <li>Para el mercadeo conjunto con otras compañías financieras: no.</li>
          <li>Para que nuestras afiliadas le ofrezcan sus productos: no compartimos.</li>
          <li>Para que compañías no afiliadas le ofrezcan sus productos: no compartimos.</li>
        </ul>
        <h4>¿Cómo protegemos su información?</h4>
        <p>
          Usamos medidas de seguridad que cumplen la ley federal, incluidas protecciones informáticas y
          archivos y edificios seguros.
        </p>
        <h4>¿Preguntas?</h4>
        <p>Llame a nuestro servicio de atención al cliente.</p>
      </>
    );
  }
  return (
    <>
      <h3>Privacy notice: what does {brand} do with your personal information?</h3>
      <h4>Why?</h4>
      <p>
        Financial companies choose how they share your personal information. Federal law gives consumers the
        right to limit some but not all sharing. Federal law also requires us to tell you how we collect,
        share and protect your personal information.
      </p>
      <h4>What information do we collect?</h4>
      <p>
        Your Social Security number and income; your account balances and payment history; your credit history
        and credit scores.
      </p>
      <h4>How do we share your information?</h4>
      <ul>
        <li>
          For our everyday business purposes, such as processing your transactions and maintaining your
          account: yes.
        </li>
        <li>For our marketing purposes, to offer our products and services to you: yes.</li>
        <li>For joint marketing with other financial companies: no.</li>
        <li>For our affiliates to market to you: we don't share.</li>
        <li>For non-affiliates to market to you: we don't share.</li>
      </ul>
      <h4>How do we protect your information?</h4>
      <p>
        We use security measures that comply with federal law, including computer safeguards and secured files
        and buildings.
      </p>
      <h4>Questions?</h4>
      <p>Call customer support.</p>
    </>
  );
}
