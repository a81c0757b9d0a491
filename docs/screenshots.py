"""Take the README's screenshots of a demo clinic in Debian's Chromium (desktop width).

Run: ``.venv/bin/python docs/screenshots.py``. It starts ``acupath serve --demo`` on a free
loopback port with a throwaway data folder, signs in as the demo clinician, and writes PNGs to
``docs/img/``. Needs ``/usr/bin/chromium`` (``.ci/browser.sh`` installs it).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "img"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    port = free_port()
    env = dict(os.environ, ACUPATH_DATA_DIR=tempfile.mkdtemp(prefix="acupath-shots-"))
    env.pop("ACUPATH_DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "acupath", "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        password = ""
        for line in server.stdout:
            match = re.search(r"Sign in as demo / (\S+)", line)
            if match:
                password = match.group(1)
            if "serving on" in line:
                break
        root = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(root + "/api/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        shoot(root, password)
    finally:
        server.terminate()
        server.wait(timeout=20)


def shoot(root: str, password: str) -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        question = "Does acupuncture help chronic low back pain?"
        page.goto(f"{root}/ask?q={question.replace(' ', '+')}")
        page.screenshot(path=str(OUT / "screen-ask.png"))
        page.goto(f"{root}/evidence/chronic_low_back_pain")
        page.screenshot(path=str(OUT / "screen-evidence.png"))
        page.goto(f"{root}/sign-in")
        page.fill("input[name=username]", "demo")
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.goto(f"{root}/clinic")
        page.screenshot(path=str(OUT / "screen-clinic.png"))
        page.goto(f"{root}/patients/1")
        page.screenshot(path=str(OUT / "screen-patient.png"))
        page.goto(f"{root}/patients/1/plan")
        page.screenshot(path=str(OUT / "screen-plan.png"))
        cookies = page.context.cookies()
        phone = browser.new_context(viewport={"width": 390, "height": 844})
        phone.add_cookies(cookies)
        small = phone.new_page()
        small.goto(f"{root}/patients/1")
        small.screenshot(path=str(OUT / "screen-patient-phone.png"))
        small.goto(f"{root}/patients/new")
        small.screenshot(path=str(OUT / "screen-intake-phone.png"))
        phone.close()
        browser.close()


if __name__ == "__main__":
    main()
