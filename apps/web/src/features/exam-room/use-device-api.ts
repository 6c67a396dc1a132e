import { useEffect, useState } from 'react';

import { ServerClock } from './model/server-clock';
import { RoomApi } from './room-api';
import { deviceId } from './room-storage';

/** The room's API bound to this browser's device id (read from IndexedDB once), and the server clock it syncs. */
export function useDeviceApi(): { api: RoomApi; clock: ServerClock } | null {
  const [value, setValue] = useState<{ api: RoomApi; clock: ServerClock } | null>(null);
  useEffect(() => {
    let live = true;
    void deviceId().then((id) => {
      if (!live) return;
      const clock = new ServerClock();
      setValue({ api: new RoomApi(id, clock), clock });
    });
    return () => {
      live = false;
    };
  }, []);
  return value;
}
