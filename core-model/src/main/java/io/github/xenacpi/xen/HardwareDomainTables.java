package io.github.xenacpi.xen;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.decoder.FadtDecoder;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.StaoBuilder;
import io.github.xenacpi.platform.builder.TableWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tables Xen writes for an ACPI Dom0 in {@code prepare_acpi} (src-site/markdown/dom0-model.md, "Xen"): the FADT
 * copied with the PSCI flags ORed in ({@code acpi_create_fadt}), the MADT rebuilt with the host GICD, one GICC per
 * Dom0 vCPU, the host GICR structures and, from 4.10 in a build with {@code CONFIG_HAS_ITS}, the host ITS structures
 * ({@code gicv3_make_hwdom_madt}), and a generated STAO with {@code ignore_uart} set and no name list
 * ({@code acpi_create_stao}). Every other table reaches Dom0 unchanged through the new XSDT. GICv2m MSI frames are not
 * copied.
 */
public final class HardwareDomainTables {

    private HardwareDomainTables() {}

    /**
     * The rewritten and generated tables of a Xen built without {@code CONFIG_HAS_ITS} (its default), in the order
     * Xen creates them; absent host tables are skipped.
     */
    public static List<RawTable> build(AcpiTables host, XenVersion xen, int vcpus) {
        return build(host, xen, false, vcpus);
    }

    /**
     * The rewritten and generated tables, in the order Xen creates them; {@code hasIts} says whether Xen was built
     * with {@code CONFIG_HAS_ITS} ({@code gicv3_its_make_hwdom_madt} is a stub otherwise).
     */
    public static List<RawTable> build(AcpiTables host, XenVersion xen, boolean hasIts, int vcpus) {
        List<RawTable> out = new ArrayList<>();
        Optional<LoadedTable> fadt = host.bySignature("FACP").stream().findFirst();
        fadt.ifPresent(t -> out.add(raw("FACP", fadtWithPsci(t))));
        Optional<LoadedTable> madt = host.bySignature("APIC").stream().findFirst();
        if (madt.isPresent() && madt.get().table() instanceof MadtTable m) {
            out.add(raw("APIC", madt(m, madt.get().header(), hasIts && xen.supportsIts(), vcpus)));
            out.add(raw(
                    "STAO", new StaoBuilder(1, List.of()).build(oemOf(madt.get().header()))));
        }
        return out;
    }

    /**
     * The host addresses of the tables Dom0 reads only as Xen's copies in the blob at {@code efi_acpi_gpa}: the first
     * FADT and the first MADT ({@code acpi_create_fadt} and {@code acpi_create_madt} copy {@code acpi_get_table(sig,
     * 0)}; {@code acpi_create_xsdt} points the first XSDT entry of each signature at the copy with
     * {@code acpi_xsdt_modify_entry}; Xen 4.7, cf58544a83, 17a8ba3804 and 19f15119f0). The RSDP and the XSDT are
     * Xen's too ({@code acpi_create_rsdp}, {@code acpi_create_xsdt}) and are told apart by their regions' paths
     * ({@link DescribedRegion#belongsToRsdp()}). Host tables without a known address are left out.
     */
    public static Set<Long> replacedHostTables(AcpiTables host) {
        Set<Long> out = new HashSet<>();
        for (String signature : List.of("FACP", "APIC")) {
            host.bySignature(signature).stream()
                    .findFirst()
                    .map(t -> t.raw().origin())
                    .filter(TableOrigin::hasAddress)
                    .ifPresent(o -> out.add(o.address()));
        }
        return Set.copyOf(out);
    }

    /**
     * The regions as Dom0 meets them: the host's ACPI_TABLE regions of the FADT and MADT Xen replaced
     * ({@link #replacedHostTables}) left out, since Dom0 reads Xen's copies and never the host pages (Xen still maps
     * those pages at build, {@code acpi_map_other_tables}). Without host tables (an input made by hand) the regions
     * are returned unchanged.
     */
    public static List<DescribedRegion> seenByDom0(List<DescribedRegion> regions, AcpiTables host) {
        if (host == null) {
            return regions;
        }
        Set<Long> replaced = replacedHostTables(host);
        if (replaced.isEmpty()) {
            return regions;
        }
        return regions.stream()
                .filter(r -> r.kind() != RegionKind.ACPI_TABLE || !replaced.contains(r.base()))
                .toList();
    }

    /** {@code vcpuid_to_vaffinity}: Aff0 takes 16 vCPUs, Aff1 the rest. */
    static long virtualAffinity(int vcpu) {
        return (vcpu & 0xF) | ((long) ((vcpu >> 4) & 0xFF) << 8);
    }

    private static byte[] fadtWithPsci(LoadedTable t) {
        byte[] b = t.raw().bytes();
        int flags = TableHeader.SIZE + FadtDecoder.LAYOUT.field("armBootArch").offset();
        if (b.length >= flags + 2 && t.table() instanceof FadtTable) {
            int v = (b[flags] & 0xFF) | (b[flags + 1] & 0xFF) << 8;
            v |= FadtTable.PSCI_COMPLIANT | FadtTable.PSCI_USE_HVC;
            b[flags] = (byte) v;
            b[flags + 1] = (byte) (v >> 8);
            TableWriter.fixChecksum(b);
        }
        return b;
    }

    private static byte[] madt(MadtTable host, TableHeader header, boolean its, int vcpus) {
        MadtBuilder b = new MadtBuilder()
                .revision(header.revision())
                .localInterruptControllerAddress(host.localInterruptControllerAddress())
                .flags(host.flags());
        Optional<MadtTable.Gicc> first = host.structures().stream()
                .filter(MadtTable.Gicc.class::isInstance)
                .map(MadtTable.Gicc.class::cast)
                .findFirst();
        host.structures().stream()
                .filter(MadtTable.Gicd.class::isInstance)
                .findFirst()
                .ifPresent(b::add);
        for (int i = 0; i < vcpus && first.isPresent(); i++) {
            MadtTable.Gicc g = first.get();
            // gic_make_hwdom_madt: copied from host GICC[0]; uid = interface = i, enabled, virtual MPIDR,
            // parking, PMU, GICV, GICH, GICR bases and VGIC interrupt cleared.
            b.add(MadtTable.Gicc.builder()
                    .length(g.length())
                    .cpuInterfaceNumber(i)
                    .processorUid(i)
                    .flags(MadtTable.Gicc.ENABLED)
                    .physicalBaseAddress(g.physicalBaseAddress())
                    .mpidr(virtualAffinity(i))
                    .efficiencyClass(g.efficiencyClass())
                    .speOverflowInterrupt(g.speOverflowInterrupt())
                    .trbeInterrupt(g.trbeInterrupt())
                    .build());
        }
        host.structures().stream().filter(MadtTable.Gicr.class::isInstance).forEach(b::add);
        if (its) {
            // gicv3_its_make_hwdom_madt (4.10, CONFIG_HAS_ITS): host ITS structures copied verbatim.
            host.structures().stream()
                    .filter(MadtTable.GicIts.class::isInstance)
                    .forEach(b::add);
        }
        return b.build(oemOf(header));
    }

    private static OemIdentity oemOf(TableHeader h) {
        return new OemIdentity(h.oemId(), h.oemTableId(), h.oemRevision(), h.creatorId(), h.creatorRevision());
    }

    private static RawTable raw(String signature, byte[] bytes) {
        return new RawTable(signature, 1, bytes, new TableOrigin(Path.of("xen-dom0"), SourceFormat.BUILDER, 0, 0, -1));
    }
}
