"""How Communique drives Debian's Chromium headless (browser tests, the web benchmark).

The browser is Debian's package (scripts/chromium.sh installs it), driven by Playwright through
`executable_path`: nothing is downloaded while tests or benchmarks run.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium"))
# Headless, and nothing that reaches out to Google's servers on its own (updates, sync, QUIC
# probes): on a closed network those connections are refused, many at a time, and slow each start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
