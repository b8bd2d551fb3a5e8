"""A small driver for headless Chromium over the DevTools protocol on a pipe.

Chromium started with --remote-debugging-pipe reads protocol messages (JSON, each ended
by a NUL byte) on its file descriptor 3 and writes replies and events on 4: no network
port, no WebSocket, no package beyond Python's standard library.
"""

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time


class ChromiumUnavailable(Exception):
    """Chromium is not installed here or cannot start (the tests then skip)."""


class ProtocolError(Exception):
    pass


FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, timeout=30):
        binary = find_chromium()
        if not binary:
            raise ChromiumUnavailable("no chromium on PATH (./dev installs Debian's chromium)")
        self.profile = tempfile.mkdtemp(prefix="writ-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def child_fds():
            # Out of the way first, so that neither dup2 closes the other's source.
            reading = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            writing = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.log = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen(
                [binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
                preexec_fn=child_fds, pass_fds=(3, 4))
        except OSError as e:
            raise ChromiumUnavailable(f"cannot start {binary}: {e}")
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        try:
            self.send("Browser.getVersion", timeout=timeout)
        except (ProtocolError, OSError) as e:
            self.close()
            raise ChromiumUnavailable(f"chromium did not answer: {e}\n{self.output()}")

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProtocolError("timed out waiting for chromium")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise ProtocolError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            written = os.write(self.to_browser, data)
            data = data[written:]
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def new_page(self, width=1600, height=1000):
        return Page(self, width, height)

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


class JavaScriptError(Exception):
    pass


class Page:
    """One tab. Input goes through Input.dispatch*: real mouse and key events."""

    def __init__(self, browser, width, height):
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def call(self, method, params=None, timeout=30):
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def goto(self, url):
        self.call("Page.navigate", {"url": url})
        self.wait("document.readyState === 'complete'")

    def eval(self, expression, timeout=30):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise JavaScriptError(f"{text}\nin: {expression}")
        return result["result"].get("value")

    def wait(self, condition, timeout=20, what=None):
        """Waits until the JavaScript expression `condition` is truthy."""
        deadline = time.monotonic() + timeout
        while True:
            if self.eval(f"(() => {{ try {{ return !!({condition}); }} catch (e) {{ return false; }} }})()"):
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what or condition}")
            time.sleep(0.05)

    def idle(self, timeout=20):
        self.wait("document.body.dataset.state === 'idle'", timeout, "the page to finish its requests")

    def center(self, selector_expression):
        """The centre of the element that the JavaScript expression gives, scrolled into view."""
        box = self.eval(f"""(() => {{
            const e = {selector_expression};
            if (!e) return null;
            e.scrollIntoView({{block: 'nearest', inline: 'nearest'}});
            const r = e.getBoundingClientRect();
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}};
        }})()""")
        if not box or box["w"] == 0:
            raise AssertionError(f"no visible element: {selector_expression}")
        return box["x"], box["y"]

    def mouse(self, kind, x, y, clicks=1, button="left"):
        self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": button,
                                               "clickCount": clicks, "buttons": 1 if kind == "mousePressed" else 0})

    def click(self, selector_expression, clicks=1):
        x, y = self.center(selector_expression)
        self.mouse("mouseMoved", x, y)
        for n in range(1, clicks + 1):
            self.mouse("mousePressed", x, y, n)
            self.mouse("mouseReleased", x, y, n)

    def hover(self, selector_expression):
        x, y = self.center(selector_expression)
        self.mouse("mouseMoved", x, y)

    def type(self, text):
        self.call("Input.insertText", {"text": text})

    def key(self, key):
        codes = {"Enter": 13, "Escape": 27, "Backspace": 8}
        code = codes[key]
        params = {"key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
        self.call("Input.dispatchKeyEvent", {"type": "rawKeyDown", **params})
        if key == "Enter":
            self.call("Input.dispatchKeyEvent", {"type": "char", "text": "\r", **params})
        self.call("Input.dispatchKeyEvent", {"type": "keyUp", **params})

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
