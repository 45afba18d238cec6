package io.github.xenacpi.xen;

import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.XenVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether Xen of a version builds an ACPI hardware domain at all on a host's tables. Before 4.15 two host
 * properties stop it: {@code acpi_parse_fadt} disables ACPI for a FADT older than 6.0 ("should be 6.0+, will
 * disable ACPI"; 4.15 accepts 5.1, {@code 0ff2c7e5b4}), and {@code acpi_iomem_deny_access} fails the Dom0 build when
 * there is no SPCR ("Failed to get SPCR table", {@code -EINVAL}; optional from {@code 861f0c1109}, 4.15). Either is a
 * verdict about the platform and the Xen release, not a Dom0 crash: Dom0 never runs.
 */
public final class HardwareDomainBuild {

    private HardwareDomainBuild() {}

    /** Why Xen refuses to build an ACPI Dom0: the Xen function that stops and what it says. */
    public record Refusal(String function, String reason) {
        public Refusal {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The refusal of Xen {@code xen} on these host tables, or empty when it builds Dom0. */
    public static Optional<Refusal> refusal(XenVersion xen, AcpiTables host) {
        Objects.requireNonNull(xen, "xen");
        Optional<LoadedTable> fadt = host.bySignature("FACP").stream().findFirst();
        if (fadt.isEmpty()) {
            return Optional.of(new Refusal("acpi_boot_table_init", "no FADT: Xen " + xen + " cannot boot with ACPI"));
        }
        int revision = fadt.get().header().revision();
        int minor = fadt.get().table() instanceof FadtTable f ? f.minorVersion() : 0;
        if (!xen.acceptsFadt(revision, minor)) {
            return Optional.of(new Refusal(
                    "acpi_parse_fadt",
                    String.format(
                            "FADT %d.%d: Xen %s needs %s" + " (\"Unsupported FADT revision\", ACPI disabled, no Dom0)",
                            revision,
                            minor,
                            xen,
                            xen.atLeast(XenVersion.V4_15) ? "5.1 or later" : "6.0 or later until 4.15")));
        }
        if (xen.requiresSpcr() && host.bySignature("SPCR").isEmpty()) {
            return Optional.of(new Refusal(
                    "acpi_iomem_deny_access",
                    "no SPCR: Xen " + xen
                            + " fails the Dom0 build (\"Failed to get SPCR table\"; optional from 4.15, 861f0c1109)"));
        }
        return Optional.empty();
    }
}
