import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId: string;
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
  const transporter = nodemailer.createTransport(smtpUrl);
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
      });
    },
    close() {
      transporter.close();
    },
  };
}
