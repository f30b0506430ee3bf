#!/usr/bin/env python3
"""Runs a command with some of its standard streams on a terminal, for the CLI
golden cases that check what tidings does only on a terminal (visible control
characters, progress, the standard-input notice).

    python3 tests/cli/onterm.py FDS [--input TEXT] -- COMMAND [ARG...]

FDS names the streams put on the terminal: any of 0, 1, 2 ("12": stdout and
stderr). What the command writes to the terminal is copied to this script's
standard output byte for byte (no CR added before newlines); the other streams
are this script's own. With stdin on the terminal, TEXT (default empty; a newline
is added when it has none) is typed, then end-of-file (Ctrl-D). The exit status is the command's.
"""
import os
import pty
import signal
import sys
import termios


def main():
    args = sys.argv[1:]
    fds = {int(c) for c in args.pop(0)}
    typed = ""
    if args and args[0] == "--input":
        typed = args[1]
        args = args[2:]
    if args and args[0] == "--":
        args = args[1:]
    master, slave = pty.openpty()
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.ONLCR          # output: "\n" stays "\n"
    attrs[3] &= ~(termios.ECHO | termios.ECHOCTL)  # what is typed is not echoed
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    pid = os.fork()
    if pid == 0:
        os.setsid()
        for fd in fds:
            os.dup2(slave, fd)
        if 0 not in fds:
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
        os.close(master)
        os.close(slave)
        os.execvp(args[0], args)
    os.close(slave)
    # A command that never ends (waiting for input it will not get) fails the case
    # instead of hanging the suite.
    signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
    signal.alarm(120)
    if 0 in fds:
        data = typed.encode()
        if data and not data.endswith(b"\n"):
            data += b"\n"  # Ctrl-D ends the input only at the start of a line
        os.write(master, data + b"\x04")
    out = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(bytes(out))
    sys.stdout.flush()
    sys.exit(os.waitstatus_to_exitcode(status))


main()
