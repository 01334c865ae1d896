"""The app played through SDL's disk audio driver, as fast as it can: what the benches listen to."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "e2e"))
from harness import App  # noqa: E402


def run_to_disk(display, argv, raw, settings=None, timeout=600):
    """Runs `unknot ARGV` on `display` with its mix written to `raw` (S16LE stereo 48 kHz) and
    returns its exit code; `settings` is settings.toml's text (None: the defaults)."""
    app = App(display, argv, settings=settings,
              env_extra={"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw), "SDL_DISKAUDIODELAY": "0"})
    try:
        return app.wait_exit(timeout=timeout)
    finally:
        app.stop()
