import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A `pi_incidents` row as stored. */
export interface IncidentRow {
  id: string;
  title: string;
  description: string;
  cause: string;
  occurred_at: Date;
  discovered_at: Date;
  /** JSON array of personal-data categories. */
  data_categories: string;
  affected_users: number;
  measures: string;
  user_guidance: string;
  status: string;
  recorded_by: string;
  created_at: Date;
  notified_at: Date | null;
  notified_users: number;
}

export interface NewIncident {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly cause: string;
  readonly occurredAt: Date;
  readonly discoveredAt: Date;
  readonly dataCategories: readonly string[];
  readonly affectedUsers: number;
  readonly measures: string;
  readonly userGuidance: string;
  readonly recordedBy: string;
}

/** Personal-information incidents (`pi_incidents`). No entity maps the table: its statements are raw SQL. */
@Injectable()
export class IncidentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, incident: NewIncident, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO pi_incidents (id, title, description, cause, occurred_at, discovered_at, data_categories, affected_users, measures,
           user_guidance, status, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      [
        incident.id,
        incident.title,
        incident.description,
        incident.cause,
        incident.occurredAt,
        incident.discoveredAt,
        JSON.stringify(incident.dataCategories),
        incident.affectedUsers,
        incident.measures,
        incident.userGuidance,
        incident.recordedBy,
        now,
      ],
    );
  }

  /** The latest 200 incidents, newest first. */
  latest(): Promise<IncidentRow[]> {
    return this.dataSource.query('SELECT * FROM pi_incidents ORDER BY created_at DESC LIMIT 200');
  }

  async findById(id: string): Promise<IncidentRow | undefined> {
    const rows: IncidentRow[] = await this.dataSource.query('SELECT * FROM pi_incidents WHERE id = ?', [id]);
    return rows.at(0);
  }

  /** Raw: row lock. */
  async lockById(manager: EntityManager, id: string): Promise<IncidentRow | undefined> {
    const rows: IncidentRow[] = await manager.query('SELECT * FROM pi_incidents WHERE id = ? FOR UPDATE', [
      id,
    ]);
    return rows.at(0);
  }

  /** Raw: the notified count is incremented in place. */
  async markUsersNotified(manager: EntityManager, id: string, users: number, now: Date): Promise<void> {
    await manager.query(
      "UPDATE pi_incidents SET notified_at = ?, notified_users = notified_users + ?, status = 'users_notified' WHERE id = ?",
      [now, users, id],
    );
  }
}
