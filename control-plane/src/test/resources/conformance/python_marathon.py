"""Drives a Regatta master with Debian's python3-marathon client, unchanged.

usage: /usr/bin/python3 python_marathon.py MASTER_URL
Prints one line per step; exits non-zero on the first failure.
"""
import sys
import time

from marathon import MarathonClient
from marathon.models import MarathonApp, MarathonHealthCheck

url = sys.argv[1]
c = MarathonClient([url])


def wait(what, check, limit=60):
    end = time.time() + limit
    last = None
    while time.time() < end:
        try:
            if check():
                print("ok:", what, flush=True)
                return
        except Exception as e:  # the API may answer 503 while a leader settles
            last = e
        time.sleep(0.5)
    raise SystemExit("FAILED: %s within %ss (last error: %r)" % (what, limit, last))


def running(app_id):
    return [t for t in c.list_tasks(app_id) if t.state == "TASK_RUNNING"]


app = MarathonApp(cmd="exec python3 -m http.server $PORT0 --bind 127.0.0.1",
                  cpus=0.1, mem=32, instances=1,
                  health_checks=[MarathonHealthCheck(protocol="HTTP", path="/", port_index=0,
                                                     grace_period_seconds=5,
                                                     interval_seconds=1, timeout_seconds=1,
                                                     max_consecutive_failures=3)])
created = c.create_app("conformance", app)
print("ok: create_app", created.id, flush=True)
assert created.id == "/conformance", created.id
assert any(a.id == "/conformance" for a in c.list_apps())
print("ok: list_apps", flush=True)
wait("1 running task", lambda: len(running("/conformance")) == 1)

c.scale_app("/conformance", instances=2)
wait("scaled to 2 running tasks", lambda: len(running("/conformance")) == 2)
tasks = c.list_tasks("/conformance")
print("ok: list_tasks", [t.id for t in tasks], flush=True)
assert all(t.host and t.ports for t in tasks)
got = c.get_app("/conformance")
assert got.instances == 2, got.instances
print("ok: get_app instances", got.instances, flush=True)

before = set(t.id for t in running("/conformance"))
c.restart_app("/conformance")
wait("restarted: 2 new tasks running",
     lambda: len(running("/conformance")) == 2
     and not (set(t.id for t in running("/conformance")) & before))

c.delete_app("/conformance")
wait("deleted", lambda: all(a.id != "/conformance" for a in c.list_apps())
     and not c.list_tasks())
print("ok: all steps", flush=True)
