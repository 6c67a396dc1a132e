import { Outlet } from 'react-router';

/** The console's frame: a class that scopes its contrast fixes (security.css) to its own pages and dialogs. */
export function SecurityLayout() {
  return (
    <div className="security-console">
      <Outlet />
    </div>
  );
}
