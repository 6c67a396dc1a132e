import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { decodeDescriptor, encodeDescriptor } from '../engine/face-geometry';
import { FaceCaptureFingerprintEntity } from './face-capture-fingerprint.entity';

/** Fingerprints of accepted captures (face_capture_fingerprints), newest kept, per account. */
@Injectable()
export class FaceCaptureFingerprintRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recentDescriptors(userId: string, limit: number): Promise<Float32Array[]> {
    const rows = await this.dataSource.getRepository(FaceCaptureFingerprintEntity).find({
      where: { userId },
      order: { createdAt: 'DESC' },
      take: limit,
    });
    return rows.map((row) => decodeDescriptor(row.descriptor));
  }

  /** Adds the frames of one passed check and drops the account's fingerprints beyond the newest `keep`. */
  async remember(
    userId: string,
    descriptors: readonly Float32Array[],
    at: Date,
    keep: number,
  ): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.insert(
        FaceCaptureFingerprintEntity,
        descriptors.map((descriptor) => ({
          id: randomUUID(),
          userId,
          descriptor: encodeDescriptor(descriptor),
          createdAt: at,
        })),
      );
      const stale = await tx.getRepository(FaceCaptureFingerprintEntity).find({
        select: { id: true },
        where: { userId },
        order: { createdAt: 'DESC', id: 'ASC' },
        skip: keep,
        // Bounded: the set only ever grows by one check's frames past `keep`.
        take: 1000,
      });
      if (stale.length > 0)
        await tx.delete(
          FaceCaptureFingerprintEntity,
          stale.map((row) => row.id),
        );
    });
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(FaceCaptureFingerprintEntity, { userId });
  }
}
