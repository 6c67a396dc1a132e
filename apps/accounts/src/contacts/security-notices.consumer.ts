import { type EventEnvelope, Topics } from '@exam/contracts';
import { OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { SecurityNoticesService } from './security-notices.service';

/** Kafka edge: password, contact and face enrolment changes, told to the account's proven contacts. */
@Controller()
export class SecurityNoticesConsumer {
  constructor(private readonly notices: SecurityNoticesService) {}

  @OnEvent(Topics.PasswordChanged)
  async onPasswordChanged(@Payload() event: EventEnvelope<'accounts.password.changed'>): Promise<void> {
    await this.notices.passwordChanged(event.payload.userId, event.payload.method);
  }

  @OnEvent(Topics.FaceEnrolmentChanged)
  async onFaceEnrolmentChanged(
    @Payload() event: EventEnvelope<'identity.face_enrolment.changed'>,
  ): Promise<void> {
    await this.notices.faceEnrolmentChanged(event.payload.userId, event.payload.change);
  }

  @OnEvent(Topics.ContactChanged)
  async onContactChanged(@Payload() event: EventEnvelope<'accounts.contact.changed'>): Promise<void> {
    await this.notices.contactChanged(event.payload.userId, event.payload.kind, event.payload.maskedNewValue);
  }
}
