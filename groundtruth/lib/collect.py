#!/usr/bin/env python3
"""Reads one boot's console log and writes what it saw: the tables Dom0 was given (tables/ as binaries and
tables.acpidump as acpidump text with the addresses Dom0's dmesg printed), /proc/iomem, dmesg, and observed.txt,
the observations in the line format the comparison test reads (see CONTRIBUTING.md, "Ground truth").
"""
import base64
import bisect
import pathlib
import re
import sys

XEN = re.compile(r"\(XEN\)")
GTOBS = re.compile(r"GTOBS (\S+) ?(.*)")
KV = re.compile(r"(\w+)=(\S+)")
TABLE_LINE = re.compile(r"ACPI: ([A-Z0-9_]{4}) 0x([0-9A-F]{16}) ([0-9A-F]{6}) \(v\d\d ([^)]*)\)(.*)")
UPGRADE = re.compile(r"ACPI: Table Upgrade: install \[(\w{4})-")
ABORT_HEADS = ("Unable to handle kernel", "Internal error:", "SError Interrupt", "Unhandled fault",
               "synchronous external abort", "Kernel panic")
PC_LINE = re.compile(r"pc : ([\w.]+)\+0x")
CALL_LINE = re.compile(r"^\s*([\w.]+)\+0x[0-9a-f]+/0x[0-9a-f]+")


class Observed:
    def __init__(self):
        self.lines = []
        self.complete = False
        self.counts = {}
        self.unresolved = set()

    def summary(self):
        c = self.counts
        return (f"{c.get('hypercalls', 0)} hypercalls, {c.get('hypercall_pages', 0)} pages by hypercall, "
                f"{c.get('fault_pages', 0)} on fault, {c.get('build', 0)} tables at build"
                + ("" if self.complete else ", Dom0 did not finish"))


def split_streams(raw):
    """Xen's lines and Dom0's lines. Dom0's console output is written raw, so a Xen line may cut a Dom0 line
    in two: the part before "(XEN)" is joined with the next Dom0 line."""
    xen, dom0, pending, observed = [], [], "", False
    for line in raw.replace("\r", "").split("\n"):
        m = XEN.search(line)
        if m:
            if m.start() > 0:
                pending += line[:m.start()]
            if not observed:
                xen.append(line[m.start():])
            continue
        dom0.append(pending + line)
        observed = observed or (pending + line).startswith("GT-OBSERVED")
        pending = ""
    return xen, dom0


def blocks(dom0):
    out, name, cur = {}, None, None
    for line in dom0:
        if line.startswith("GT-BEGIN "):
            name, cur = line[9:].strip(), []
        elif line.startswith("GT-END ") and name == line[7:].strip():
            out[name] = cur
            name = None
        elif name is not None:
            cur.append(line)
    return out


def symbolizer(lines):
    syms = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3 and parts[1] in "tT":
            try:
                syms.append((int(parts[0], 16), parts[2] + (f" {parts[3]}" if len(parts) > 3 else "")))
            except ValueError:
                pass
    syms.sort()
    keys = [s[0] for s in syms]

    def lookup(pc):
        # Only a symbol close below the PC holds it: module symbols must not name a PC in the kernel's text,
        # which lies about 128 MB above the module area.
        i = bisect.bisect_right(keys, pc) - 1
        return syms[i][1] if i >= 0 and syms[i][0] != 0 and pc - syms[i][0] < 0x100000 else "?"
    return lookup


def acpidump(tables, addresses):
    out = []
    for name, data in tables:
        sig = name[:4]
        addr = addresses.get(name, 0)
        out.append(f"{name} @ 0x{addr:016x}")
        for off in range(0, len(data), 16):
            chunk = data[off:off + 16]
            hexs = " ".join(f"{b:02x}" for b in chunk)
            text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
            out.append(f"    {off:04x}: {hexs:<47}  {text}")
        out.append("")
    return "\n".join(out) + "\n"


def collect(run_dir, meta, symbol_cache=None):
    run_dir = pathlib.Path(run_dir)
    raw = (run_dir / "console.log").read_bytes().decode("utf-8", "replace")
    xen, dom0 = split_streams(raw)
    blk = blocks(dom0)
    obs = Observed()
    obs.complete = any(l.startswith("GT-DONE") for l in dom0)
    tables, cur, buf = [], None, []
    for line in blk.get("tables", []):
        if line.startswith("GT-TABLE "):
            cur, buf = line[9:].strip(), []
        elif line.startswith("GT-END-TABLE") and cur:
            tables.append((cur, base64.b64decode("".join(buf))))
            cur = None
        elif cur:
            buf.append(line.strip())
    dmesg = blk.get("dmesg", dom0)
    addresses, seen, upgraded = {}, {}, []
    for line in dmesg:
        m = TABLE_LINE.search(line)
        if m:
            sig = m.group(1)
            n = seen.get(sig, 0) + 1
            seen[sig] = n
            addresses[sig if n == 1 else f"{sig}{n - 1}"] = int(m.group(2), 16)
        u = UPGRADE.search(line)
        if u:
            upgraded.append(u.group(1))
    if tables:
        tdir = run_dir / "tables"
        tdir.mkdir(exist_ok=True)
        for name, data in tables:
            (tdir / name).write_bytes(data)
        (run_dir / "tables.acpidump").write_text(acpidump(tables, addresses))
    for name in ("iomem", "dmesg"):
        if name in blk:
            (run_dir / f"{name}.txt").write_text("\n".join(blk[name]) + "\n")
    known = {}
    cache = pathlib.Path(symbol_cache) if symbol_cache else None
    if cache and cache.exists():
        for line in cache.read_text().splitlines():
            pc, _, fn = line.partition(" ")
            known[int(pc, 16)] = fn
    modules, inits = [], []
    for line in blk.get("symbols", []):
        parts = line.split()
        if parts and parts[0] == "M":
            modules.append(" ".join(parts[1:]))
        elif parts and parts[0] == "I" and len(parts) == 3:
            inits.append((int(parts[2], 16), parts[1]))
        elif len(parts) >= 2:
            known[int(parts[0], 16)] = " ".join(parts[1:])
    if cache and known:
        cache.write_text("".join(f"{pc:016x} {fn}\n" for pc, fn in sorted(known.items())))
    module_sym = symbolizer(modules)
    unresolved = set()

    def sym(pc):
        if pc in known:
            return known[pc]
        for start, mod in inits:
            if 0 <= pc - start < 0x10000:
                return f"[{mod}].init.text"
        s = module_sym(pc)
        if s != "?":
            return s
        unresolved.add(pc)
        return "?"

    o = ["# Recorded by groundtruth/run from one boot of real Xen under QEMU; regenerate, do not edit.",
         f"scenario {meta['scenario']}", f"xen {meta['xen']}", f"linux {meta['linux']} {meta['linux_release']}",
         f"qemu {meta['qemu']}", f"lazy {'on' if meta['lazy'] else 'off'}", f"ended {meta['ended']}",
         f"complete {'yes' if obs.complete else 'no'}"]
    hypercalls = entries = 0
    hpages, fpages, dpages = {}, {}, {}
    build = 0
    for line in xen:
        m = GTOBS.search(line)
        if not m:
            continue
        kind, kv = m.group(1), dict(KV.findall(m.group(2)))
        if kind == "batch":
            entries += 1
            if kv.get("start") == "0":
                hypercalls += 1
        elif kind == "build":
            build += 1
            o.append(f"build {kv['addr']} {kv['size']} {kv.get('sig', '?')}")
        elif kind == "build-xen":
            o.append(f"build-xen {kv['gpa']} {kv['len']}")
        elif kind == "extra-table":
            o.append(f"extra-table {kv['sig']} {kv['gpa']} {kv['len']} {m.group(2).split()[-1]}")
        elif kind in ("devmmio", "devmmio-denied"):
            page = int(kv["gfn"], 16)
            hpages.setdefault(page, "mapped" if kind == "devmmio" and kv.get("rc") == "0" else "denied")
        elif kind in ("lazy", "lazy-refused", "lazy-denied"):
            page = int(kv["gfn"], 16)
            state = {"lazy": "mapped", "lazy-refused": "refused", "lazy-denied": "denied"}[kind]
            if kind == "lazy" and kv.get("rc") != "0":
                state = "failed"
            target = dpages if state == "denied" else fpages
            if page not in target:
                target[page] = (state, sym(int(kv["pc"], 16)))
    o.append(f"hypercalls {hypercalls}")
    o.append(f"hypercall-entries {entries}")
    for p in sorted(hpages):
        o.append(f"hypercall-page {p << 12:#x} {hpages[p]}")
    for p in sorted(fpages):
        st, fn = fpages[p]
        o.append(f"fault-page {p << 12:#x} {st} {fn.replace(' ', '')}")
    for p in sorted(dpages):
        st, fn = dpages[p]
        o.append(f"denied-page {p << 12:#x} {fn.replace(' ', '')}")
    for sig in upgraded:
        o.append(f"table-upgrade {sig}")
    abort = first_abort(dom0)
    if abort:
        o.append(f"abort {abort}")
    (run_dir / "observed.txt").write_text("\n".join(o) + "\n")
    obs.lines = o
    obs.unresolved = unresolved
    obs.counts = {"hypercalls": hypercalls, "hypercall_pages": len(hpages), "fault_pages": len(fpages),
                  "build": build}
    return obs


def first_abort(dom0):
    """Dom0's first abort: the kernel's message, the function at pc and the callers that say what Linux did."""
    for i, line in enumerate(dom0):
        if any(h in line for h in ABORT_HEADS[:4]):
            head = re.sub(r"^\[\s*[\d.]+\]\s*", "", line).strip()
            pc, calls = "?", []
            for nxt in dom0[i:i + 120]:
                text = re.sub(r"^\[\s*[\d.]+\]\s*", "", nxt)
                p = PC_LINE.search(text)
                if p and pc == "?":
                    pc = p.group(1)
                c = CALL_LINE.match(text)
                if c and len(calls) < 12:
                    calls.append(c.group(1))
            return f"{pc} | {head} | {' < '.join(calls)}"
    return None


if __name__ == "__main__":
    import json
    d = pathlib.Path(sys.argv[1])
    print(collect(d, json.loads((d / "meta.json").read_text())).summary())
