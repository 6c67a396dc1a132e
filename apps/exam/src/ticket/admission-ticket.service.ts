import { existsSync } from 'node:fs';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

import { ExamEnv } from '../config/exam.env';
import type { ExamEntity } from '../exam/exam.entity';
import { ExamRepository } from '../exam/exam.repository';
import type { RegistrationEntity } from '../registration/registration.entity';
import {
  RegistrationNotConfirmedError,
  RegistrationNotFoundError,
  TicketFontUnavailableError,
} from '../registration/registration.errors';
import { RegistrationRepository } from '../registration/registration.repository';
import {
  parseTicketPrivateKey,
  parseTicketPublicKeys,
  signTicketToken,
  type TicketVerification,
  verifyTicketToken,
} from './ticket-token';

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The admission ticket (准考证): a PDF with the exam, time, venue, numbers, masked ID number and a signed QR. */
@Injectable()
export class AdmissionTicketService {
  private readonly privateKey;
  private readonly publicKeys;

  constructor(
    private readonly env: ExamEnv,
    private readonly registrations: RegistrationRepository,
    private readonly exams: ExamRepository,
    private readonly clock: Clock,
  ) {
    this.privateKey = parseTicketPrivateKey(env.TICKET_PRIVATE_KEY);
    this.publicKeys = parseTicketPublicKeys(env.TICKET_PUBLIC_KEYS);
  }

  tokenFor(exam: ExamEntity, registration: RegistrationEntity): string {
    return signTicketToken(
      {
        iss: 'exam',
        sub: registration.userId,
        examId: exam.id,
        registrationId: registration.id,
        registrationNumber: registration.registrationNumber,
        ticketNumber: registration.ticketNumber ?? '',
        iat: Math.floor(this.clock.now().getTime() / 1000),
        exp: Math.floor(exam.closesAt.getTime() / 1000) + 24 * 3600,
      },
      this.env.TICKET_KEY_ID,
      this.privateKey,
    );
  }

  verify(token: string): TicketVerification {
    return verifyTicketToken(token, this.publicKeys, this.clock.now().getTime());
  }

  async pdf(userId: string, registrationId: string): Promise<Buffer> {
    const registration = await this.registrations.findOfUser(userId, registrationId);
    if (registration === null) throw new RegistrationNotFoundError();
    if (registration.status !== 'confirmed') throw new RegistrationNotConfirmedError(registration.status);
    const exam = await this.exams.findById(registration.examId);
    if (exam === null) throw new RegistrationNotFoundError();
    if (!existsSync(this.env.TICKET_FONT_PATH)) throw new TicketFontUnavailableError();
    const qr = await QRCode.toBuffer(this.tokenFor(exam, registration), {
      errorCorrectionLevel: 'M',
      margin: 1,
      width: 220,
    });
    return this.render(exam, registration, qr);
  }

  private render(exam: ExamEntity, registration: RegistrationEntity, qr: Buffer): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const doc = new PDFDocument({
        size: 'A4',
        margin: 56,
        info: { Title: `准考证 ${registration.ticketNumber ?? ''}` },
      });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => {
        resolve(Buffer.concat(chunks));
      });
      doc.on('error', reject);
      try {
        if (this.env.TICKET_FONT_PATH.endsWith('.ttc'))
          doc.font(this.env.TICKET_FONT_PATH, this.env.TICKET_FONT_FACE);
        else doc.font(this.env.TICKET_FONT_PATH);
      } catch {
        reject(new TicketFontUnavailableError());
        return;
      }
      const venue = exam.settings.venue;
      doc.fontSize(22).text('准考证 Admission Ticket', { align: 'center' }).moveDown();
      doc.fontSize(16).text(exam.title, { align: 'center' }).moveDown();
      const lines: [string, string][] = [
        ['准考证号 Ticket No.', registration.ticketNumber ?? ''],
        ['报名号 Registration No.', registration.registrationNumber],
        ['姓名 Name', registration.maskedName ?? '—'],
        ['证件号码 ID No.', registration.maskedIdNumber ?? '—'],
        [
          '考试时间 Time',
          `${CHINA_TIME.format(exam.opensAt)} – ${CHINA_TIME.format(exam.closesAt)} (北京时间)`,
        ],
        ['时长 Duration', `${exam.settings.durationMinutes} 分钟`],
        [
          venue.kind === 'online' ? '考试链接 Link' : '考场 Place',
          (venue.kind === 'online' ? venue.link : venue.address) ?? '',
        ],
      ];
      doc.fontSize(12);
      for (const [label, value] of lines) doc.text(`${label}：${value}`).moveDown(0.4);
      doc.moveDown().image(qr, { fit: [180, 180], align: 'center' });
      doc
        .moveDown()
        .fontSize(9)
        .text('考务人员扫码即可离线核验本准考证（Ed25519 签名）。Staff verify the QR offline.', {
          align: 'center',
        });
      doc.end();
    });
  }
}
