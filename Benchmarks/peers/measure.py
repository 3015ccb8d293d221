"""Running one process and measuring it from outside: wall time, CPU time, peak RSS.

`os.wait4` returns the rusage of exactly that child, so figures never mix processes (unlike
RUSAGE_CHILDREN, whose peak is the maximum over every child reaped so far).
"""
import os
import signal
import subprocess
import threading
import time


def run(cmd, *, cwd=None, env=None, stdout=None, stdin=None, timeout=None, log=None):
    """Run `cmd`; return a dict with ok, rc, wall_s, cpu_s, peak_rss_bytes, timed_out, error.

    stdout: a path to write standard output to (default: discarded).
    log: a path collecting standard error (its tail is returned as `error` on failure).
    A process still running after `timeout` seconds is killed with its whole process group."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    err = open(log, "ab") if log else subprocess.DEVNULL
    inp = open(stdin, "rb") if stdin else subprocess.DEVNULL
    result = {"cmd": [str(c) for c in cmd], "ok": False, "rc": None, "wall_s": None, "cpu_s": None,
              "peak_rss_bytes": None, "timed_out": False, "error": None}
    try:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen([str(c) for c in cmd], cwd=cwd, env=env, stdout=out, stderr=err,
                                    stdin=inp, start_new_session=True)
        except OSError as e:
            result["error"] = str(e)
            return result
        timer = None
        if timeout:
            def kill():
                result["timed_out"] = True
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            timer = threading.Timer(timeout, kill)
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        result.update(rc=proc.returncode, wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime,
                      peak_rss_bytes=usage.ru_maxrss * 1024)
        result["ok"] = proc.returncode == 0 and not result["timed_out"]
        if not result["ok"]:
            result["error"] = "timed out" if result["timed_out"] else f"exit {proc.returncode}"
            if log:
                err.flush()
                result["error"] += ": " + _tail(log)
        return result
    finally:
        for f in (out, err, inp):
            if f is not subprocess.DEVNULL:
                f.close()


def _tail(path, lines=3):
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        f.seek(max(0, f.tell() - 2000))
        return " | ".join(f.read().decode(errors="replace").strip().splitlines()[-lines:])


def dir_bytes(path):
    """Apparent size of every regular file under `path` (0 when it does not exist)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            full = os.path.join(root, name)
            if not os.path.islink(full):
                total += os.path.getsize(full)
    return total
