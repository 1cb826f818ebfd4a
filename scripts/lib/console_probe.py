#!/usr/bin/env python3
"""Drive `virsh console` through a pty against the console guest and time
what SeaBIOS/iPXE print (used by scripts/console-guest.sh check/probe).

usage: console_probe.py --uri URI --name NAME [--resume] [--ctrl-b]
                        [--ctrl-b-delay S] [--type TEXT] [--observe S]
                        [--timeout S] [--log FILE]

--resume      resume the (paused) domain once the console is connected;
              times are then relative to `virsh resume` returning, else to
              the console being connected.
--ctrl-b      send 0x02 once "Press Ctrl-B for the iPXE command line..." is
              seen (after --ctrl-b-delay seconds), wait for "iPXE> ", then
              type --type (default "echo hello\\r") and wait for its output
              and the next prompt.
--observe S   only record for S seconds (no input): shows the whole no-OS
              boot sequence and how long the Ctrl-B window stays open.
Prints one JSON object (marker -> seconds, or null) on stdout; --log writes
every read chunk with its timestamp. Exit 1 if an expected marker is missing.
"""
import argparse
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time

MARKERS = [
    ("seabios", b"SeaBIOS (version "),
    ("ipxe_rom", b"iPXE (http://ipxe.org) "),
    ("ipxe_banner", b"Open Source Network Boot Firmware"),
    ("ctrl_b_prompt", b"Press Ctrl-B for the iPXE command line..."),
    ("ctrl_b_prompt_erased", b"\x08 \x08"),
    ("dhcp", b"Configuring (net0 "),
    ("no_more_netdevs", b"No more network devices"),
    ("ctrl_b_prompt_2", b"Press Ctrl-B for the iPXE command line..."),
    ("no_bootable_device", b"No bootable device."),
]


class Console:
    def __init__(self, uri, name):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvp("virsh", ["virsh", "-c", uri, "console", name, "--force"])
        self.buf = bytearray()
        self.chunks = []  # (monotonic time, bytes)
        self.eof = False

    def read(self, timeout):
        if self.eof:
            time.sleep(timeout)
            return
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return
        try:
            d = os.read(self.fd, 65536)
        except OSError:
            d = b""
        if not d:
            self.eof = True
            return
        self.buf += d
        self.chunks.append((time.monotonic(), d))

    def when(self, end_offset):
        """Monotonic time of the chunk that brought buf up to end_offset."""
        n = 0
        for ts, d in self.chunks:
            n += len(d)
            if n >= end_offset:
                return ts
        return None

    def wait_for(self, pat, start, deadline):
        """(offset after pat, time it arrived) or (None, None)."""
        while True:
            i = self.buf.find(pat, start)
            if i >= 0:
                return i + len(pat), self.when(i + len(pat))
            if time.monotonic() >= deadline or self.eof:
                return None, None
            self.read(min(0.1, max(0.0, deadline - time.monotonic())))

    def close(self):
        try:
            os.write(self.fd, b"\x1d")  # virsh's escape: Ctrl-]
        except OSError:
            pass
        end = time.monotonic() + 3
        while time.monotonic() < end:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return
            self.read(0.1)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--uri", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--ctrl-b", action="store_true")
    ap.add_argument("--ctrl-b-delay", type=float, default=0.0)
    ap.add_argument("--type", default="echo hello\r")
    ap.add_argument("--observe", type=float)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--log")
    a = ap.parse_args()

    con = Console(a.uri, a.name)
    res = {}
    ok = True
    try:
        pos, _ = con.wait_for(b"Escape character is ^]", 0, time.monotonic() + 15)
        if pos is None:
            sys.stderr.write("virsh console did not connect: %r\n" % bytes(con.buf))
            return 1
        pos = con.buf.find(b"\n", pos) + 1 or pos
        con.read(0.2)  # let virsh's own banner line finish
        t0 = time.monotonic()
        if a.resume:
            subprocess.run(["timeout", "30", "virsh", "-q", "-c", a.uri, "resume", a.name],
                           check=True, stdout=subprocess.DEVNULL)
            t0 = time.monotonic()
        rel = lambda t: None if t is None else round(t - t0, 3)
        start = pos
        if a.observe is not None:
            deadline = t0 + a.observe
            while time.monotonic() < deadline and not con.eof:
                con.read(0.2)
            for key, pat in MARKERS:
                p, t = con.wait_for(pat, start, 0)
                res[key] = rel(t)
                if p is not None:
                    start = p
        else:
            deadline = t0 + a.timeout
            for key, pat in MARKERS[:4]:
                p, t = con.wait_for(pat, start, deadline)
                res[key] = rel(t)
                if p is None:
                    ok = False
                    break
                start = p
            if ok and a.ctrl_b:
                time.sleep(a.ctrl_b_delay)
                t_sent = time.monotonic()
                os.write(con.fd, b"\x02")
                res["ctrl_b_sent"] = rel(t_sent)
                p, t = con.wait_for(b"iPXE> ", start, time.monotonic() + 10)
                res["shell_prompt"] = rel(t)
                res["prompt_after_ctrl_b"] = None if t is None else round(t - t_sent, 3)
                if p is None:
                    ok = False
                else:
                    typed = a.type.encode()
                    t_typed = time.monotonic()
                    os.write(con.fd, typed)
                    p2, t2 = con.wait_for(b"iPXE> ", p, time.monotonic() + 10)
                    res["typed_reply"] = con.buf[p:p2 if p2 else len(con.buf)].decode("latin-1")
                    res["reply_secs"] = None if t2 is None else round(t2 - t_typed, 3)
                    ok = p2 is not None
        res["bytes"] = len(con.buf) - pos
    finally:
        con.close()
        if a.log:
            with open(a.log, "w") as f:
                for ts, d in con.chunks:
                    f.write("%9.3f %r\n" % (ts - con.chunks[0][0], d))
    print(json.dumps(res))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
