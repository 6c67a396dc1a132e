import { PersonalDataRevealEntity } from '../reveal/personal-data-reveal.entity';
import { InboxEventEntity } from './inbox/inbox-event.entity';
import { OutboxEventEntity } from './outbox/outbox-event.entity';
import { OutboxLeaseEntity } from './outbox/outbox-lease.entity';

export const PLATFORM_ENTITIES = [
  OutboxEventEntity,
  OutboxLeaseEntity,
  InboxEventEntity,
  PersonalDataRevealEntity,
];
