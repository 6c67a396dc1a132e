import { Injectable } from '@nestjs/common';

import { UsersRepository } from '../../users/users.repository';
import { FaceTicketIssuer, type IssuedFaceTicket } from './face-ticket.issuer';

/** Tickets for face checks that start from a login (face sign-in, password recovery). */
@Injectable()
export class FaceTicketsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly issuer: FaceTicketIssuer,
  ) {}

  /** Same shape for every login: unknown and inactive accounts get a ticket for a pseudonymous id. */
  async ticketFor(login: string, purpose: 'face_login' | 'password_recovery'): Promise<IssuedFaceTicket> {
    const user = await this.users.findByLogin(login);
    const subject = user?.status === 'active' ? user.id : this.issuer.pseudonymFor(login);
    return this.issuer.issue(subject, purpose);
  }
}
