"""``mtnorm serve``: LanguageTool's HTTP API in front of mtnorm's pipeline.

Routes:

``POST /v2/check``      LanguageTool's check (form fields, or JSON); see :mod:`normalize.languagetool`
``GET  /v2/languages``  the languages and variants
``GET  /v2/healthcheck``, ``GET /health``  is the worker up, and how busy
``POST /mtnorm/fix``    the cleaned text, the findings and the unified diff

Each worker process loads the pipeline (and an MT model, when configured)
once, before it accepts requests, and checks on one thread beside its event
loop: the loop keeps answering while a check runs. A worker admits at most
``queue`` requests at a time (running or waiting); one more is answered 503
with ``Retry-After`` at once, a body over ``max_bytes`` 413, a check still
unanswered after ``timeout`` seconds 408. Bound to 127.0.0.1 unless told
otherwise; with an API key set, every route but the health checks asks for
it (``apiKey`` field, ``X-Api-Key`` header or ``Authorization: Bearer``).
The access log has the client, method, path, status, size and time of each
request, never its text or query string.

Starlette and uvicorn are the ``server`` extra (``pip install 'mtnorm[server]'``),
imported only here.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import math
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import Any, Callable
from urllib.parse import parse_qsl

from .languagetool import RequestError, Service, languages

log = logging.getLogger("mtnorm.access")
SETTINGS_ENV = "MTNORM_SERVE_SETTINGS"


@dataclass
class Settings:
    """What ``mtnorm serve`` was started with; travels to each worker as JSON."""

    host: str = "127.0.0.1"
    port: int = 8081
    workers: int = 1
    max_bytes: int = 1_000_000         # a request body larger than this: 413
    timeout: float = 10.0              # seconds from arrival to answer, or 408
    queue: int = 8                     # requests a worker holds (running + waiting), then 503
    api_key: str | None = None
    config: str | None = None          # a configuration file; else the one found from the working directory
    unsafe_fixes: bool | None = None   # for /mtnorm/fix when the request does not say
    mt_model: str | None = None
    allow_origin: str | None = None    # CORS: an origin (or *) whose web pages may call the server
    warm: bool = True


class Busy(Exception):
    """The worker holds as many requests as it may."""


class TookTooLong(Exception):
    """A request was not answered within the time limit."""


class Gate:
    """One checking thread per worker, and the count of what it holds.

    ``pending`` counts requests admitted and not finished, a request whose
    client got 408 included while its check still runs: the gate never
    admits more work than ``queue`` whatever the clients gave up on."""

    def __init__(self, queue: int):
        self.queue = queue
        self.pending = 0
        self.served = 0
        self.busy_answers = 0
        self.mean_s = 0.05              # running mean of a request's time on the thread
        self._lock = threading.Lock()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtnorm-check")

    def retry_after(self) -> int:
        return max(1, math.ceil(self.pending * self.mean_s))

    def _release(self, took: float | None) -> None:
        with self._lock:
            self.pending -= 1
            if took is not None:
                self.served += 1
                self.mean_s = 0.9 * self.mean_s + 0.1 * took

    async def run(self, fn: Callable[[], Any], deadline: float) -> Any:
        with self._lock:
            if self.pending >= self.queue:
                self.busy_answers += 1
                raise Busy
            self.pending += 1

        def work():
            t = time.perf_counter()
            try:
                return fn()
            finally:
                self._release(time.perf_counter() - t)

        fut = self.executor.submit(work)
        waited = asyncio.wrap_future(fut)
        # a check the client stopped waiting for may still end in an error: read it, log nothing
        waited.add_done_callback(lambda f: f.cancelled() or f.exception())
        try:
            return await asyncio.wait_for(asyncio.shield(waited), max(0.0, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            if fut.cancel():            # never started: it will not run, free its place now
                self._release(None)
            raise TookTooLong from None


def _client_key(request, params: dict | None) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    if request.headers.get("x-api-key"):
        return request.headers["x-api-key"]
    if params and params.get("apiKey"):
        return str(params["apiKey"])
    return None


class TooLarge(Exception):
    pass


async def _body(request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


async def _params(request, limit: int) -> dict[str, Any]:
    """The request's fields: query string, then the body (form-encoded,
    multipart or JSON), later ones winning."""
    params: dict[str, Any] = dict(request.query_params)
    if len(request.url.query) > limit:
        raise TooLarge
    if request.method != "POST":
        return params
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        try:
            form = await request.form(max_part_size=limit)
        except AssertionError as exc:     # python-multipart missing
            raise RequestError(str(exc)) from None
        params.update({k: v for k, v in form.items() if isinstance(v, str)})
        return params
    body = await _body(request, limit)
    if not body:
        return params
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequestError(f"the request body is not UTF-8 (byte {exc.start})") from None
    if ctype == "application/json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RequestError(f"the request body is not JSON: {exc.msg}") from None
        if not isinstance(data, dict):
            raise RequestError("the JSON body must be an object of fields")
        params.update(data)
    else:
        params.update(parse_qsl(text, keep_blank_values=True))
    return params


def create_app(settings: Settings | None = None, service: Service | None = None):
    """The ASGI application (Starlette). ``service`` defaults to one built
    from ``settings`` when the worker starts."""
    from contextlib import asynccontextmanager

    from starlette.applications import Starlette
    from starlette.responses import JSONResponse, PlainTextResponse
    from starlette.routing import Route

    settings = settings or Settings()
    state: dict[str, Any] = {"service": service, "gate": Gate(settings.queue), "started": time.time()}

    def error(status: int, message: str, headers: dict | None = None):
        # LanguageTool answers errors as plain text; its clients show the body
        return PlainTextResponse(f"Error: {message}", status_code=status, headers=headers)

    async def guarded(request, call: Callable[[Service, dict], Any], needs_key: bool = True):
        deadline = time.monotonic() + settings.timeout
        try:
            params = await _params(request, settings.max_bytes)
        except TooLarge:
            return error(413, f"the request is larger than the server's limit of {settings.max_bytes} bytes")
        except RequestError as exc:
            return error(400, str(exc))
        if needs_key and settings.api_key:
            given = _client_key(request, params)
            if given is None:
                return error(401, "this server needs an API key (apiKey, X-Api-Key or Authorization: Bearer)")
            if not hmac.compare_digest(given.encode(), settings.api_key.encode()):
                return error(403, "wrong API key")
        gate: Gate = state["gate"]
        try:
            out = await gate.run(lambda: call(state["service"], params), deadline)
        except Busy:
            return error(503, "the server is busy; try again shortly",
                         {"Retry-After": str(gate.retry_after())})
        except TookTooLong:
            return error(408, f"the check took longer than the server's limit of {settings.timeout:g} s")
        except RequestError as exc:
            return error(400, str(exc))
        return JSONResponse(out)

    async def check(request):
        return await guarded(request, lambda svc, p: svc.check(p))

    async def fix(request):
        return await guarded(request, lambda svc, p: svc.fix(p))

    async def langs(request):
        return JSONResponse(languages())

    async def health(request):
        gate: Gate = state["gate"]
        return JSONResponse({"status": "ok" if state["service"] is not None else "starting",
                             "pid": os.getpid(), "pending": gate.pending, "queue": gate.queue,
                             "served": gate.served, "busy_answers": gate.busy_answers,
                             "uptime_s": round(time.time() - state["started"], 1)})

    @asynccontextmanager
    async def lifespan(app):
        if state["service"] is None:
            state["service"] = build_service(settings)
        yield
        state["gate"].executor.shutdown(wait=False, cancel_futures=True)

    app = Starlette(routes=[
        Route("/v2/check", check, methods=["GET", "POST"]),
        Route("/v2/languages", langs, methods=["GET"]),
        Route("/v2/healthcheck", health, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/mtnorm/fix", fix, methods=["POST"]),
    ], lifespan=lifespan)
    app.state.mtnorm = state
    if settings.allow_origin:
        # as LanguageTool's --allow-origin: web-based editors may call the server from that origin
        from starlette.middleware.cors import CORSMiddleware
        app.add_middleware(CORSMiddleware, allow_origins=[o.strip() for o in settings.allow_origin.split(",")],
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "X-Api-Key",
                                                                        "Content-Type"])
    return AccessLog(app)


class AccessLog:
    """ASGI middleware: one log line per request, with no text or query string."""

    def __init__(self, app):
        self.app = app

    def __getattr__(self, name):
        return getattr(self.app, name)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        t = time.perf_counter()
        status, size = 500, 0

        async def sending(message):
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            client = scope.get("client") or ("-", 0)
            log.info("%s %s %s %d %d %.1fms", client[0], scope["method"], scope["path"], status, size,
                     (time.perf_counter() - t) * 1e3)


def build_service(settings: Settings) -> Service:
    """The worker's pipeline and model, loaded once (and warmed up)."""
    from pathlib import Path

    from .config import find_config, load_config_file
    cfg = load_config_file(Path(settings.config).resolve()) if settings.config else find_config("-")
    mt = None
    model = settings.mt_model or cfg.get("mt-model")
    if model:
        from mt import Backend, MTStage
        mt = MTStage(Backend(model))
    service = Service(cfg, mt=mt, unsafe_fixes=settings.unsafe_fixes)
    if settings.warm:
        service.warm_up()
    # what is loaded now lives as long as the worker: the collector need not
    # walk it again (a full collection over the word lists took ~100 ms, a
    # request's p99)
    import gc
    gc.collect()
    gc.freeze()
    return service


def app_from_env():
    """The application a uvicorn worker process builds (``--workers`` > 1)."""
    raw = os.environ.get(SETTINGS_ENV)
    return create_app(Settings(**json.loads(raw)) if raw else Settings())


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(settings: Settings) -> None:
    """Run the server until interrupted."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if settings.host not in LOOPBACK and not settings.api_key:
        logging.getLogger("mtnorm").warning(
            "serving on %s with no API key: anyone who can reach this port can use it "
            "(set --api-key or MTNORM_API_KEY)", settings.host)
    common = dict(host=settings.host, port=settings.port, access_log=False, log_level="info",
                  timeout_keep_alive=30)
    if settings.workers > 1:
        os.environ[SETTINGS_ENV] = json.dumps(asdict(settings))
        uvicorn.run("normalize.server:app_from_env", factory=True, workers=settings.workers, **common)
    else:
        uvicorn.run(create_app(settings), **common)
