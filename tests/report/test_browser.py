"""A real headless Chromium loads the HTML report: no console errors, charts rendered, screenshot.

Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`),
with nothing but the standard library. Outside CI (`CI` unset) the test skips when
Chromium is missing; in CI it must run. The screenshot is saved as a test artifact
under `tests/artefakter/`.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from report_data import build_workspace

from conftest import TESTS

ARTEFAKTER = TESTS / "artefakter"
TIMEOUT = 60.0


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _as_fds_3_and_4(read_end: int, write_end: int) -> None:
    """In the child: Chromium reads commands on fd 3 and writes answers on fd 4."""
    high_read = fcntl.fcntl(read_end, fcntl.F_DUPFD, 10)
    high_write = fcntl.fcntl(write_end, fcntl.F_DUPFD, 10)
    os.dup2(high_read, 3)
    os.dup2(high_write, 4)


class Browser:
    """A minimal DevTools client over the pipe: send a command, wait for its answer."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
        ]
        self.proc = subprocess.Popen(
            [binary, *flags, "about:blank"],
            pass_fds=(3, 4),
            preexec_fn=lambda: _as_fds_3_and_4(to_chrome_r, from_chrome_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                assert "error" not in reply, reply
                return dict(reply.get("result", {}))
            self.events.append(reply)

    def wait_for(self, method: str) -> None:
        if any(e.get("method") == method for e in self.events):
            return
        while (event := self._read()).get("method") != method:
            self.events.append(event)
        self.events.append(event)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            assert time.monotonic() < deadline, "Chromium svarer ikke"
            chunk = os.read(self._from_chrome, 65536)
            assert chunk, "Chromium lukkede forbindelsen"
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(raw))

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


def load(binary: str, page: Path, profile: Path) -> tuple[list[str], dict[str, Any], bytes]:
    """Open `page`; return (console errors, page facts, PNG screenshot)."""
    browser = Browser(binary, profile)
    try:
        target = browser.send("Target.createTarget", url="about:blank")["targetId"]
        session = browser.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            browser.send(domain, session)
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=1200,
            height=1600,
            deviceScaleFactor=1,
            mobile=False,
        )
        browser.send("Page.navigate", session, url=page.as_uri())
        browser.wait_for("Page.loadEventFired")
        facts = browser.send("Runtime.evaluate", session, returnByValue=True, expression=FACTS)
        shot = browser.send("Page.captureScreenshot", session, format="png")
        return _errors(browser.events), facts["result"]["value"], base64.b64decode(shot["data"])
    finally:
        browser.close()


FACTS = """({
  charts: document.querySelectorAll('svg.diagram').length,
  drawn: Array.from(document.querySelectorAll('svg.diagram'))
    .filter(s => s.getBoundingClientRect().width > 0 && s.childElementCount > 1).length,
  shapes: document.querySelectorAll(
    'svg.diagram rect, svg.diagram circle, svg.diagram path').length,
  scripts: document.scripts.length,
  external: Array.from(document.querySelectorAll('[src],[href]')).length,
  title: document.title
})"""


def _errors(events: list[dict[str, Any]]) -> list[str]:
    found = []
    for event in events:
        params = event.get("params", {})
        if event.get("method") == "Runtime.exceptionThrown":
            found.append(str(params.get("exceptionDetails", {}).get("text")))
        elif event.get("method") == "Runtime.consoleAPICalled" and params.get("type") in (
            "error",
            "assert",
        ):
            found.append(json.dumps(params.get("args"), ensure_ascii=False))
        elif (
            event.get("method") == "Log.entryAdded"
            and params.get("entry", {}).get("level") == "error"
        ):
            found.append(str(params["entry"].get("text")))
    return found


@pytest.fixture
def chromium() -> str:
    binary = _chromium()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium mangler i CI; .ci/run skal installere pakken 'chromium'.")
        pytest.skip("Chromium er ikke installeret (apt-get install chromium); kræves kun i CI.")
    return binary


@pytest.mark.browser
def test_html_report_renders_in_chromium(
    cli, workspace: Path, chromium: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    build_workspace(workspace)
    monkeypatch.chdir(workspace)
    page = tmp_path / "rapport.html"
    result = cli("rapport", "--dato", "2026-11-25", "--periode", "2026-11", "-o", str(page))
    assert result.exit_code == 0, result.output
    errors, facts, png = load(chromium, page, tmp_path / "profil")
    assert errors == []
    assert facts["title"].startswith("Ledelsestilsyn 2026-11")
    assert facts["charts"] >= 10 and facts["drawn"] == facts["charts"]
    assert facts["shapes"] > 100
    assert facts["scripts"] == 0 and facts["external"] == 0
    assert png.startswith(b"\x89PNG")
    ARTEFAKTER.mkdir(exist_ok=True)
    (ARTEFAKTER / "rapport.png").write_bytes(png)


@pytest.mark.browser
def test_console_errors_are_detected(chromium: str, tmp_path: Path) -> None:
    page = tmp_path / "fejl.html"
    page.write_text(
        '<html><body><script>console.error("bum")</script></body></html>', encoding="utf-8"
    )
    errors, _, _ = load(chromium, page, tmp_path / "profil")
    assert any("bum" in e for e in errors)
