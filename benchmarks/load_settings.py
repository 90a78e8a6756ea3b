"""Settings for the HTTP benchmarks: FOI Desk's own, plus one bare Django page beside it (the baseline the
log's pages are measured against, served by the same gunicorn in the same run)."""

from foidesk.web.settings import *  # noqa: F403 - the application's settings, unchanged but for the URLs

ROOT_URLCONF = "load_urls"
