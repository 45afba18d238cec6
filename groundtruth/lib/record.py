#!/usr/bin/env python3
"""Turns run folders into the fixtures the comparison test reads (core-model/src/test/resources/groundtruth/):
    <scenario>/tables.acpidump        the tables Dom0 was given, at the host addresses Xen's build log names
                                      (Xen's own STAO left out: the model adds what Xen adds)
    <scenario>/xen-<release>-<lazy|nolazy>.txt   observed.txt of the run plus Dom0's RAM from /proc/iomem
Usage: record.py RUNS_DIR FIXTURES_DIR [--check]   (--check: compare instead of write; exit 1 on a difference)
"""
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import collect  # noqa: E402

RAM = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) : System RAM$")
# Lines that may differ between two boots of the same software without meaning anything: how the boot ended,
# QEMU's patch level, how often Xen preempted a batch (timer-driven under TCG) and which code first touched an
# emulated GIC page (secondary CPUs race). None of them is compared with the model.
VOLATILE = ("ended ", "hypercall-entries ", "denied-page ")
# Versions of the parts: a new Debian kernel or QEMU is reported; it fails the check only if what Xen maps changed.
NOTICED = ("linux ", "qemu ")


def host_tables(run):
    names = sorted(f.name for f in (run / "tables").iterdir()) if (run / "tables").is_dir() else []
    build = {}
    seen = {}
    for line in (run / "observed.txt").read_text().splitlines():
        p = line.split()
        if p[0] == "build" and p[3] != "?":
            n = seen.get(p[3], 0)
            seen[p[3]] = n + 1
            build[p[3] if n == 0 else f"{p[3]}{n}"] = int(p[1], 16)
    dump = (run / "tables.acpidump").read_text().split("\n\n")
    out = []
    for block in dump:
        if not block.strip():
            continue
        head, _, rest = block.partition("\n")
        name = head.split()[0]
        if name == "STAO":
            continue
        addr = build.get(name, int(head.split("@")[1], 16))
        out.append(f"{name} @ 0x{addr:016x}\n{rest}")
    return "\n\n".join(out).rstrip("\n") + "\n\n" if out else None


def fixture_text(run):
    lines = (run / "observed.txt").read_text().splitlines()
    lazy = run.parent / run.name.replace("-nolazy", "-lazy")
    if run.name.endswith("-nolazy") and (lazy / "observed.txt").exists():
        # A Dom0 that died early printed no dmesg: the tables its initrd upgraded are the lazy run's.
        lines += [l for l in (lazy / "observed.txt").read_text().splitlines() if l.startswith("table-upgrade ")
                  and l not in lines]
    if (run / "iomem.txt").exists():
        for l in (run / "iomem.txt").read_text().splitlines():
            m = RAM.match(l)
            if m:
                start, end = int(m.group(1), 16), int(m.group(2), 16)
                lines.append(f"ram {start:#x} {end - start + 1:#x}")
    return "\n".join(lines) + "\n"


def main(runs, fixtures, check):
    runs, fixtures = pathlib.Path(runs), pathlib.Path(fixtures)
    differ = []
    checked = 0
    for sc_dir in sorted(p for p in runs.iterdir() if p.is_dir() and not p.name.startswith("_")):
        target = fixtures / sc_dir.name
        for run in sorted(p for p in sc_dir.iterdir() if (p / "observed.txt").exists()):
            text = fixture_text(run)
            dest = target / f"{run.name}.txt"
            checked += 1
            if check:
                if not dest.exists():
                    differ.append(f"{dest}: no fixture for this run")
                    continue
                for key in NOTICED:
                    old = [l for l in dest.read_text().splitlines() if l.startswith(key)]
                    new = [l for l in text.splitlines() if l.startswith(key)]
                    if old != new:
                        print(f"groundtruth: notice: {run}: {' '.join(new)} (fixture: {' '.join(old)})")
                want = [l for l in dest.read_text().splitlines() if not l.startswith(VOLATILE + NOTICED)]
                got = [l for l in text.splitlines() if not l.startswith(VOLATILE + NOTICED)]
                if want != got:
                    import difflib
                    diff = "\n".join(difflib.unified_diff(want, got, str(dest), str(run / "observed.txt"),
                                                          lineterm="", n=1))
                    differ.append(diff)
                continue
            target.mkdir(parents=True, exist_ok=True)
            dest.write_text(text)
            tables = host_tables(run) if run.name.endswith("-lazy") else None
            if tables and not (target / "tables.acpidump").exists():
                (target / "tables.acpidump").write_text(tables)
    if check:
        if differ:
            print("\n".join(differ))
        print(f"groundtruth: {checked - len(differ)} passed, {len(differ)} failed")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], "--check" in sys.argv[3:]))
