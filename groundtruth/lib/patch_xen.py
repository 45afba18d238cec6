#!/usr/bin/env python3
"""Applies the ground-truth observation patch to an extracted Xen hypervisor tree (4.19 and 4.22 tested).

Every change is an insertion or a replacement at an anchor line of the release's own source, so the same
script serves each release; a missing anchor stops with the file and the anchor it looked for. The patch:
  * logs one line per page Xen maps for Dom0 and by which path, each starting with "GTOBS ":
      batch     entry into xenmem_add_to_physmap_batch for XENMAPSPACE_dev_mmio (size, start_extent)
      devmmio   map_dev_mmio_page (the dev_mmio add-to-physmap path), mapped or denied by iomem permissions
      lazy      try_map_mmio mapped a permitted page on a Dom0 data abort (gfn and Dom0's PC)
      lazy-denied / lazy-refused   a page not permitted / refused by the gt_nolazy boot option
      build     acpi_map_other_tables (each table of ACPICA's root list) and the Xen-made table blob
  * adds the boot option gt_nolazy: try_map_mmio maps nothing for Dom0, as Xen before 4.9 (5a44ff111d);
  * adds gt_extra.h, tables compiled into Xen that acpi_create_xsdt puts into the XSDT Xen builds for Dom0
    (replacing an entry of the same signature or appending one). The harness rewrites gt_extra.h per scenario.
Usage: patch_xen.py XEN_TREE (the folder holding xen/ and Config.mk). Idempotent: a patched tree is left as is.
"""
import pathlib
import sys

MARK = "GTOBS"


def edit(path, steps):
    text = path.read_text()
    if MARK in text:
        return
    for anchor, new, mode in steps:
        if text.count(anchor) != 1:
            sys.exit(f"patch_xen: {path}: anchor found {text.count(anchor)} times, expected once: {anchor!r}")
        if mode == "before":
            text = text.replace(anchor, new + anchor)
        elif mode == "after":
            text = text.replace(anchor, anchor + new)
        else:
            text = text.replace(anchor, new)
    path.write_text(text)


def main(root):
    xen = pathlib.Path(root) / "xen"
    edit(xen / "common/memory.c", [(
        "    if ( unlikely(xatpb->size < extent) )\n        return -EILSEQ;\n",
        "    if ( xatpb->space == XENMAPSPACE_dev_mmio )\n"
        "        printk(XENLOG_INFO \"GTOBS batch d%d size=%u start=%u\\n\",\n"
        "               d->domain_id, (unsigned int)xatpb->size, extent);\n",
        "before")])
    edit(xen / "arch/arm/p2m.c", [(
        "    if ( !iomem_access_permitted(d, mfn_x(mfn), mfn_x(mfn)) )\n        return 0;\n\n"
        "    res = p2m_insert_mapping(d, gfn, 1, mfn, p2m_mmio_direct_c);\n",
        "    if ( !iomem_access_permitted(d, mfn_x(mfn), mfn_x(mfn)) )\n    {\n"
        "        printk(XENLOG_INFO \"GTOBS devmmio-denied gfn=%#\"PRI_gfn\" mfn=%#\"PRI_mfn\"\\n\",\n"
        "               gfn_x(gfn), mfn_x(mfn));\n"
        "        return 0;\n    }\n\n"
        "    res = p2m_insert_mapping(d, gfn, 1, mfn, p2m_mmio_direct_c);\n"
        "    printk(XENLOG_INFO \"GTOBS devmmio gfn=%#\"PRI_gfn\" mfn=%#\"PRI_mfn\" rc=%d\\n\",\n"
        "           gfn_x(gfn), mfn_x(mfn), res);\n",
        "replace")])
    edit(xen / "arch/arm/traps.c", [
        ("static bool try_map_mmio(gfn_t gfn)\n",
         "/* Ground truth: refuse the lazy map for Dom0, as Xen before 4.9 (5a44ff111d) did. */\n"
         "static bool __read_mostly opt_gt_nolazy;\n"
         "boolean_param(\"gt_nolazy\", opt_gt_nolazy);\n"
         "/* Pages whose denied lazy map was logged already (the vGIC's pages trap on every access). */\n"
         "static unsigned long gt_denied_seen[64];\n"
         "static unsigned int gt_denied_count;\n\n"
         "static void gt_log_denied(gfn_t gfn)\n{\n"
         "    unsigned int i;\n\n"
         "    for ( i = 0; i < gt_denied_count; i++ )\n"
         "        if ( gt_denied_seen[i] == gfn_x(gfn) )\n            return;\n"
         "    if ( gt_denied_count < ARRAY_SIZE(gt_denied_seen) )\n"
         "        gt_denied_seen[gt_denied_count++] = gfn_x(gfn);\n"
         "    printk(XENLOG_INFO \"GTOBS lazy-denied gfn=%#\"PRI_gfn\" pc=%#lx\\n\", gfn_x(gfn),\n"
         "           (unsigned long)guest_cpu_user_regs()->pc);\n}\n\n",
         "before"),
        ("    /* The hardware domain can only map permitted MMIO regions */\n"
         "    if ( !iomem_access_permitted(d, mfn_x(mfn), mfn_x(mfn)) )\n        return false;\n\n"
         "    return !map_regions_p2mt(d, gfn, 1, mfn, p2m_mmio_direct_c);\n",
         "    /* The hardware domain can only map permitted MMIO regions */\n"
         "    if ( !iomem_access_permitted(d, mfn_x(mfn), mfn_x(mfn)) )\n    {\n"
         "        gt_log_denied(gfn);\n        return false;\n    }\n\n"
         "    if ( opt_gt_nolazy )\n    {\n"
         "        printk(XENLOG_INFO \"GTOBS lazy-refused gfn=%#\"PRI_gfn\" pc=%#lx\\n\", gfn_x(gfn),\n"
         "               (unsigned long)guest_cpu_user_regs()->pc);\n"
         "        return false;\n    }\n\n"
         "    {\n        int gt_rc = map_regions_p2mt(d, gfn, 1, mfn, p2m_mmio_direct_c);\n\n"
         "        printk(XENLOG_INFO \"GTOBS lazy gfn=%#\"PRI_gfn\" pc=%#lx rc=%d\\n\", gfn_x(gfn),\n"
         "               (unsigned long)guest_cpu_user_regs()->pc, gt_rc);\n"
         "        return !gt_rc;\n    }\n",
         "replace")])
    edit(xen / "arch/arm/acpi/domain_build.c", [
        ("#include <acpi/actables.h>\n", "#include \"gt_extra.h\" /* GTOBS */\n", "after"),
        ("        size = acpi_gbl_root_table_list.tables[i].length;\n",
         "        printk(XENLOG_INFO \"GTOBS build addr=%#\"PRIx64\" size=%#\"PRIx64\" sig=%.4s\\n\", addr, size,\n"
         "               acpi_gbl_root_table_list.tables[i].signature.ascii);\n",
         "after"),
        ("    d->arch.efi_acpi_len = PAGE_ALIGN(ROUNDUP(efi_size, 8)\n",
         "    efi_size += gt_extra_reserve();\n", "before"),
        ("    xsdt->header.length = table_size;\n",
         "    table_size += gt_extra_install(d, xsdt->table_offset_entry, entry_count);\n", "before"),
        ("    /* Map the EFI and ACPI tables to Dom0 */\n",
         "    printk(XENLOG_INFO \"GTOBS build-xen gpa=%#\"PRIx64\" len=%#\"PRIx64\"\\n\",\n"
         "           (uint64_t)d->arch.efi_acpi_gpa, (uint64_t)d->arch.efi_acpi_len);\n", "before"),
    ])
    header = xen / "arch/arm/acpi/gt_extra.h"
    if not header.exists():
        header.write_text(extra_header([]))


def extra_header(tables):
    """The C header holding the extra tables (list of bytes objects) and the two functions that place them."""
    lines = ["/* Generated by groundtruth/lib/patch_xen.py: tables added to Dom0's XSDT (GTOBS). */"]
    offsets, blob = [], bytearray()
    for t in tables:
        offsets.append(len(blob))
        blob += t
    lines.append(f"#define GT_EXTRA_COUNT {len(tables)}")
    body = ", ".join(str(b) for b in blob) if blob else "0"
    lines.append(f"static const u8 __initconst gt_extra_blob[] = {{ {body} }};")
    offs = ", ".join(str(o) for o in offsets) if offsets else "0"
    lines.append(f"static const unsigned int __initconst gt_extra_offset[] = {{ {offs} }};")
    lines.append(r"""
static size_t __init gt_extra_tables_size(void)
{
    size_t s = 0;
    unsigned int i;

    for ( i = 0; i < GT_EXTRA_COUNT; i++ )
        s += ROUNDUP(((const struct acpi_table_header *)(gt_extra_blob + gt_extra_offset[i]))->length, 8);
    return s;
}

/* Room for the tables at the end of Dom0's table blob and for one more XSDT entry each. */
static size_t __init gt_extra_reserve(void)
{
    return GT_EXTRA_COUNT ? gt_extra_tables_size() + 8 * GT_EXTRA_COUNT + 8 : 0;
}

/* Copies the tables to the end of the blob; returns the bytes the XSDT grew by. */
static u64 __init gt_extra_install(struct domain *d, u64 entry[], unsigned long entry_count)
{
    size_t off = d->arch.efi_acpi_len - gt_extra_tables_size();
    unsigned long next = entry_count + 1; /* after Xen's STAO entry */
    u64 grown = 0;
    unsigned int i;
    unsigned long j;

    for ( i = 0; i < GT_EXTRA_COUNT; i++ )
    {
        const struct acpi_table_header *t =
            (const struct acpi_table_header *)(gt_extra_blob + gt_extra_offset[i]);
        u64 gpa = d->arch.efi_acpi_gpa + off;
        bool replaced = false;

        memcpy(d->arch.efi_acpi_table + off, t, t->length);
        for ( j = 0; j < entry_count && !replaced; j++ )
        {
            struct acpi_table_header *h = acpi_os_map_memory(entry[j], sizeof(*h));

            if ( ACPI_COMPARE_NAME(h->signature, t->signature) )
            {
                entry[j] = gpa;
                replaced = true;
            }
            acpi_os_unmap_memory(h, sizeof(*h));
        }
        if ( !replaced )
        {
            entry[next++] = gpa;
            grown += 8;
        }
        printk(XENLOG_INFO "GTOBS extra-table sig=%.4s gpa=%#"PRIx64" len=%#x %s\n", t->signature, gpa,
               t->length, replaced ? "replaced" : "appended");
        off += ROUNDUP(t->length, 8);
    }
    return grown;
}
""")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--extra":
        pass
    main(sys.argv[1])
