import { InboxEventEntity } from './inbox/inbox-event.entity';
import { OutboxEventEntity } from './outbox/outbox-event.entity';
import { OutboxLeaseEntity } from './outbox/outbox-lease.entity';
import { PersonalDataRevealEntity } from '../reveal/personal-data-reveal.entity';

export const PLATFORM_ENTITIES = [OutboxEventEntity, OutboxLeaseEntity, InboxEventEntity, PersonalDataRevealEntity];
