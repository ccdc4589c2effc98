"""JupyterLab starts, opens report.ipynb in chromium, and runs every cell without error.

The server runs on a free localhost port with a token, `--allow-root` when the
tests run as root, from a copy of notebooks/ (so the committed notebooks are
never touched), with its own config and runtime folders. Every wait is bounded
and the server's process group is killed at the end, kernels included.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from report_support import ARGS, BROWSER_MARKS, CHROMIUM, ROOT

pytestmark = BROWSER_MARKS


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    work = root / "notebooks"
    shutil.copytree(ROOT / "notebooks", work)
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(root / "config"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"), IPYTHONDIR=str(root / "ipython"),
               JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"))
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={work}"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(root / "lab.log", "w")
    server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-2000:])
            time.sleep(0.25)
        yield url, token, work
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        log.close()


def test_report_notebook_runs_all_cells_in_jupyterlab(lab):
    from playwright.sync_api import sync_playwright

    url, token, work = lab
    code_cells = sum(c["cell_type"] == "code"
                     for c in json.loads((work / "report.ipynb").read_text())["cells"])
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=60_000)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(60_000)
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{url}/lab/tree/report.ipynb?token={token}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
            page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=90_000)

            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()

            # Every code cell gets its number, then the kernel is idle again.
            page.wait_for_function(
                """n => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                         .filter(p => /\\[\\d+\\]/.test(p.textContent)).length === n""",
                arg=code_cells, timeout=120_000)
            page.wait_for_selector("#jp-main-statusbar >> text=Idle", timeout=60_000)

            stderr = page.locator(".jp-OutputArea-output[data-mime-type="
                                  "'application/vnd.jupyter.stderr']")
            assert stderr.count() == 0, stderr.first.inner_text()
            assert page.locator(".jp-OutputArea-output .headline").count() == 1
            assert page.locator(".jp-OutputArea-output .card").count() >= 1
            assert page.locator(".jp-OutputArea-output figure.chart img").count() == 2
            page.screenshot(path=str(work.parent / "lab.png"))
            assert errors == []
        finally:
            browser.close()
