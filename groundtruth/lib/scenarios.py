"""Scenario definitions: groundtruth/scenarios/NAME.conf, `key = value` lines (# starts a comment).

Keys: description; machine (QEMU -M value); memory (-m); qemu (more QEMU arguments); modules (kernel modules
the initramfs loads, by file name without .ko); action (shell run by /init after the modules); event (a QEMU
monitor command the harness sends when the action prints GT-EVENT, e.g. system_powerdown); tables (a folder
below the builder-made tables, see lib/make-tables); upgrade (table files of that folder given to Dom0 by
Linux's initrd table upgrade); xsdt (table files compiled into Xen and put into Dom0's XSDT); xen_options,
dom0_args (more boot options); nolazy_timeout (seconds, for a
boot with the lazy map refused whose Dom0 dies where it cannot restart); may_crash (yes when Dom0 is expected to die even with the lazy map).
"""
import hashlib
import pathlib
import shlex
import sys


class Scenario:
    def __init__(self, name, kv, tables_root):
        self.name = name
        self.description = kv.get("description", "")
        self.machine = kv.get("machine", "virt,gic-version=3,virtualization=on")
        self.memory = kv.get("memory", "2G")
        self.qemu = shlex.split(kv.get("qemu", ""))
        self.modules = kv.get("modules", "").split()
        self.action = kv.get("action", "")
        self.event = kv.get("event", "")
        self.table_set = kv.get("tables", "")
        self.upgrade_names = kv.get("upgrade", "").split()
        self.xsdt_names = kv.get("xsdt", "").split()
        self.xen_options = kv.get("xen_options", "")
        self.dom0_args = kv.get("dom0_args", "")
        self.may_crash = kv.get("may_crash", "no") == "yes"
        self.nolazy_timeout = int(kv["nolazy_timeout"]) if "nolazy_timeout" in kv else None
        self.tables_root = tables_root
        self.upgrade, self.xsdt = [], []

    def table_dir(self):
        return self.tables_root / self.table_set

    def require_tables(self):
        if not (self.upgrade_names or self.xsdt_names):
            return
        d = self.table_dir()
        missing = [n for n in self.upgrade_names + self.xsdt_names if not (d / f"{n}.aml").exists()]
        if missing:
            sys.exit(f"groundtruth: scenario {self.name}: no {', '.join(missing)} in {d} (groundtruth/lib/make-tables"
                     " writes them)")
        self.upgrade = [(n, (d / f"{n}.aml").read_bytes()) for n in self.upgrade_names]
        self.xsdt = [(n, (d / f"{n}.aml").read_bytes()) for n in self.xsdt_names]

    @property
    def xen_tag(self):
        if not self.xsdt:
            return "base"
        h = hashlib.sha256()
        for n, d in self.xsdt:
            h.update(n.encode() + d)
        return h.hexdigest()[:12]


def load(folder, tables_root):
    out = {}
    for f in sorted(pathlib.Path(folder).glob("*.conf")):
        kv = {}
        for line in f.read_text().splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            k, _, v = line.partition("=")
            kv[k.strip()] = v.strip()
        out[f.stem] = Scenario(f.stem, kv, tables_root)
    return out
