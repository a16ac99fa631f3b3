"""The API's interactive documentation, /docs (Swagger UI) and /redoc (ReDoc), served from this
server: their scripts and styles come from the fastapi-offline package (no CDN), and Swagger UI
is started by a static script (the pages' Content-Security-Policy allows no inline script)."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from communique.web.rendering import render

# Swagger UI's and ReDoc's files as fastapi-offline ships them (MIT and Apache-2.0 licensed).
ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"
ASSETS_URL = "/docs-assets"

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def swagger_ui(request: Request) -> HTMLResponse:
    return render(request, "swagger.html", {"assets": ASSETS_URL, "openapi_url": "/openapi.json"})


@router.get("/redoc", response_class=HTMLResponse)
def redoc(request: Request) -> HTMLResponse:
    return render(request, "redoc.html", {"assets": ASSETS_URL, "openapi_url": "/openapi.json"})
