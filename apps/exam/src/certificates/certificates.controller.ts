import { type AuthUser, CurrentUser, Public, Roles } from '@exam/platform';
import { Controller, Get, Header, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { CertificateSigner } from './certificate-signer';
import { CertificateVerificationService } from './certificate-verification.service';
import { CertificatesService } from './certificates.service';
import type {
  CertificateDto,
  CertificatePublicKeysDto,
  CertificateVerificationDto,
} from './dto/certificate.dto';
import { toCertificateDto, toVerificationDto } from './dto/certificate.mapper';
import { VerificationCodeParamDto } from './dto/verification-code.dto';

/** A candidate's certificate of an exam. */
@Controller('me/exams/:examId')
@Roles('candidate')
export class CandidateCertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly signer: CertificateSigner,
  ) {}

  /** Issues the certificate on a passed, released result: 201 the first time, 200 with the same one after. */
  @Post('certificate')
  async issue(
    @CurrentUser() user: AuthUser,
    @Param('examId', ParseUUIDPipe) examId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CertificateDto> {
    const { certificate, created } = await this.certificates.issue(user.userId, examId);
    if (!created) void reply.status(200);
    return this.dto(certificate);
  }

  @Get('certificate')
  async get(
    @CurrentUser() user: AuthUser,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<CertificateDto> {
    return this.dto(await this.certificates.mine(user.userId, examId));
  }

  @Get('certificate.pdf')
  @Header('content-type', 'application/pdf')
  @Header('content-disposition', 'attachment; filename="certificate.pdf"')
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.certificates.pdf(user.userId, examId));
  }

  private dto(certificate: Parameters<CertificateSigner['tokenOf']>[0]): CertificateDto {
    return toCertificateDto(
      certificate,
      this.signer.tokenOf(certificate),
      this.certificates.verifyUrlOf(certificate.verificationCode),
    );
  }
}

/**
 * Public verification, without an account (rate-limited per address at the gateway like every public
 * route; codes carry 120 random bits, so guessing one is hopeless anyway).
 */
@Controller('certificates')
@Public()
export class PublicCertificatesController {
  constructor(
    private readonly verification: CertificateVerificationService,
    private readonly signer: CertificateSigner,
  ) {}

  /** The Ed25519 public keys that verify certificates offline (scripts/verify-certificate.ts). */
  @Get('public-keys')
  publicKeys(): CertificatePublicKeysDto {
    return {
      algorithm: 'Ed25519',
      tokenFormat:
        'ECERT1.<keyId>.<base64url canonical JSON payload>.<base64url Ed25519 signature of the payload bytes>',
      keys: this.signer.publishedKeys(),
    };
  }

  /** Whether the code belongs to a genuine, unrevoked certificate; only the masked holder, title and date. */
  @Get(':code')
  async verify(@Param() params: VerificationCodeParamDto): Promise<CertificateVerificationDto> {
    return toVerificationDto(await this.verification.verify(params.code));
  }
}
