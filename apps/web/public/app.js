'use strict';
const LABELS = { ready: 'ready', not_ready: 'not ready', unreachable: 'unreachable' };

async function refresh() {
  const list = document.getElementById('services');
  try {
    const response = await fetch('/health/services', { headers: { accept: 'application/json' } });
    const states = await response.json();
    list.replaceChildren(
      ...Object.entries(states).map(([name, state]) => {
        const item = document.createElement('li');
        const label = document.createElement('span');
        label.textContent = name;
        const status = document.createElement('span');
        status.className = `state-${state}`;
        status.textContent = LABELS[state] ?? String(state);
        item.append(label, status);
        return item;
      }),
    );
  } catch {
    list.textContent = 'The gateway did not answer.';
  }
}

refresh();
setInterval(refresh, 5000);
