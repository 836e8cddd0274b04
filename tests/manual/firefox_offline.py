#!/usr/bin/env python3
"""The one-file copy in Firefox, from file://, with a deep link (a manual
check: Firefox is not part of `./run.sh test`). Needs Debian's firefox-esr
and `pip install websocket-client`; drives Firefox over WebDriver BiDi.

    python3 tests/manual/firefox_offline.py "file://$PWD/dist/parallax-offline.html#/sentence/5cdbf99d/6"
"""
import json, subprocess, time, sys, base64, websocket, shutil, os
url = sys.argv[1]
prof = "/tmp/ffprof2"; shutil.rmtree(prof, ignore_errors=True); os.makedirs(prof)
p = subprocess.Popen(["firefox-esr", "--headless", "--no-remote", "--profile", prof, "--remote-debugging-port", "9333", "--remote-allow-origins", "*"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
ws = None
for _ in range(60):
    try:
        ws = websocket.create_connection("ws://127.0.0.1:9333/session", suppress_origin=True); break
    except Exception as e:
        last = e
        time.sleep(0.5)
if ws is None: print("no connection:", last); p.kill(); sys.exit(1)
n = 0
def cmd(method, params):
    global n; n += 1
    ws.send(json.dumps({"id": n, "method": method, "params": params}))
    while True:
        m = json.loads(ws.recv())
        if m.get("id") == n:
            if m.get("type") == "error": raise RuntimeError(m)
            return m["result"]
cmd("session.new", {"capabilities": {}})
ctx = cmd("browsingContext.getTree", {})["contexts"][0]["context"]
cmd("browsingContext.navigate", {"context": ctx, "url": url, "wait": "complete"})
def ev(js):
    r = cmd("script.evaluate", {"expression": js, "target": {"context": ctx}, "awaitPromise": True})
    return r.get("result", {}).get("value")
for _ in range(60):
    if ev("!!document.querySelector('[data-testid=story-title]')"): break
    time.sleep(0.5)
print("title:", ev("document.querySelector('[data-testid=story-title]')?.textContent"))
print("hash:", ev("location.hash"))
print("selected:", ev("document.querySelector('#s-5cdbf99d-6')?.classList.contains('selected')"))
print("offline label:", ev("!!document.querySelector('[data-testid=offline-label]')"))
ev("location.hash = '#/facts'"); time.sleep(1.5)
print("fact rows:", ev("document.querySelectorAll('[data-testid=fact-row]').length"))
ev("location.hash = '#/sentence/5cdbf99d/6'"); time.sleep(1.5)
shot = cmd("browsingContext.captureScreenshot", {"context": ctx})["data"]
open("/tmp/firefox-offline.png", "wb").write(base64.b64decode(shot))
print("selected after hash change:", ev("document.querySelector('#s-5cdbf99d-6')?.classList.contains('selected')"))
p.kill()
