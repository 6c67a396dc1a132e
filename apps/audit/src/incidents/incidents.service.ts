import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { StaffActionRecorder } from '../audit-log/staff-action.recorder';
import type {
  IncidentResponseDto,
  NotifyIncidentDto,
  RecordIncidentDto,
  RegulatorReportDto,
} from './dto/incident.dto';
import { IncidentDiscoveredBeforeOccurredError, IncidentNotFoundError } from './incident.errors';
import { IncidentRepository, type IncidentRow } from './incident.repository';

function toDto(row: IncidentRow): IncidentResponseDto {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    cause: row.cause,
    occurredAt: new Date(row.occurred_at).toISOString(),
    discoveredAt: new Date(row.discovered_at).toISOString(),
    dataCategories: JSON.parse(row.data_categories) as string[],
    affectedUsers: row.affected_users,
    measures: row.measures,
    userGuidance: row.user_guidance,
    status: row.status,
    recordedBy: row.recorded_by,
    createdAt: new Date(row.created_at).toISOString(),
    notifiedAt: row.notified_at === null ? null : new Date(row.notified_at).toISOString(),
    notifiedUsers: row.notified_users,
  };
}

/** Personal-information incidents: record, notify affected users, keep the regulator report. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly incidents: IncidentRepository,
    private readonly events: EventPublisher,
    private readonly recorder: StaffActionRecorder,
    private readonly clock: Clock,
  ) {}

  async record(dto: RecordIncidentDto, staffId: string): Promise<IncidentResponseDto> {
    if (Date.parse(dto.discoveredAt) < Date.parse(dto.occurredAt)) {
      throw new IncidentDiscoveredBeforeOccurredError();
    }
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      await this.incidents.insert(
        manager,
        {
          id,
          title: dto.title,
          description: dto.description,
          cause: dto.cause,
          occurredAt: new Date(dto.occurredAt),
          discoveredAt: new Date(dto.discoveredAt),
          dataCategories: dto.dataCategories,
          affectedUsers: dto.affectedUsers,
          measures: dto.measures,
          userGuidance: dto.userGuidance,
          recordedBy: staffId,
        },
        now,
      );
      await this.recorder.record(
        manager,
        {
          type: 'staff.incident.recorded',
          staffId,
          subjectUserId: null,
          attributes: {
            incidentId: id,
            dataCategories: [...dto.dataCategories],
            affectedUsers: dto.affectedUsers,
          },
        },
        now,
      );
    });
    return this.get(id);
  }

  async list(): Promise<IncidentResponseDto[]> {
    return (await this.incidents.latest()).map(toDto);
  }

  async get(id: string): Promise<IncidentResponseDto> {
    const row = await this.incidents.findById(id);
    if (!row) throw new IncidentNotFoundError(id);
    return toDto(row);
  }

  /** Sends the cause, measures and guidance to each listed user through the notification channel (an event). */
  async notify(id: string, dto: NotifyIncidentDto, staffId: string): Promise<IncidentResponseDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.incidents.lockById(manager, id);
      if (!row) throw new IncidentNotFoundError(id);
      await this.events.stage(manager, Topics.IncidentNotificationRequested, {
        subjectId: id,
        payload: {
          incidentId: id,
          userIds: [...dto.userIds],
          cause: row.cause,
          measures: row.measures,
          userGuidance: row.user_guidance,
        },
      });
      const now = this.clock.now();
      await this.incidents.markUsersNotified(manager, id, dto.userIds.length, now);
      await this.recorder.record(
        manager,
        {
          type: 'staff.incident.users_notified',
          staffId,
          subjectUserId: null,
          attributes: { incidentId: id, users: dto.userIds.length },
        },
        now,
      );
    });
    return this.get(id);
  }

  async regulatorReport(id: string): Promise<RegulatorReportDto> {
    const incident = await this.get(id);
    return {
      incidentId: incident.id,
      generatedAt: this.clock.now().toISOString(),
      title: incident.title,
      occurredAt: incident.occurredAt,
      discoveredAt: incident.discoveredAt,
      cause: incident.cause,
      personalDataCategories: incident.dataCategories,
      affectedUsers: incident.affectedUsers,
      possibleHarm: incident.description,
      remedialMeasures: incident.measures,
      measuresIndividualsCanTake: incident.userGuidance,
      usersNotified: incident.notifiedUsers,
      usersNotifiedAt: incident.notifiedAt,
    };
  }
}
