import type { RouteObject } from 'react-router';

/** What a feature adds to the app's routes (features/<name>/routes.tsx). */
export interface FeatureRoutes {
  /** In the page frame, open to visitors. */
  public?: RouteObject[];
  /** In the page frame, behind sign-in. */
  signedIn?: RouteObject[];
  /** Full window without the frame (the exam room), behind sign-in. */
  bare?: RouteObject[];
}
