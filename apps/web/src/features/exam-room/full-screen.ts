/** Asks the browser for full screen (needs a click or key press just before); false when refused. */
export async function enterFullScreen(): Promise<boolean> {
  if (document.fullscreenElement) return true;
  try {
    await document.documentElement.requestFullscreen();
    return true;
  } catch {
    return false;
  }
}

export function inFullScreen(): boolean {
  return document.fullscreenElement !== null;
}
