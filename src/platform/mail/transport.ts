import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId: string;
  headers?: Record<string, string>;
}

/**
 * Where mail goes. With SMTP configured, to the SMTP server; otherwise it stays in the outbox,
 * which operators read on a page (the embedded mode has no mail server).
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'outbox-page';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) {
    return { kind: 'outbox-page', async send() {}, close() {} };
  }
  // The mail is sent inside the transaction that marks it (see deliverMail): a silent peer must
  // not hold it, nor on PGlite the only database session, for nodemailer's default 2 to 10
  // minutes. Parameters of SMTP_URL (`?connectionTimeout=…`) still take precedence.
  // pooled: one SMTP connection carries many mails (a new connection per mail cost ~100 ms here,
  // ten times the mail itself; see bench/alerts-delivery.ts)
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
    },
    close() {
      transporter.close();
    },
  };
}
