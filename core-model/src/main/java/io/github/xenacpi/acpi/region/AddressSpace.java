package io.github.xenacpi.acpi.region;

/** ACPI address space identifiers (ACPI 6.5 section 5.2.3.2, Generic Address Structure). */
public enum AddressSpace {
    SYSTEM_MEMORY(0x00),
    SYSTEM_IO(0x01),
    PCI_CONFIG(0x02),
    EMBEDDED_CONTROLLER(0x03),
    SMBUS(0x04),
    SYSTEM_CMOS(0x05),
    PCI_BAR_TARGET(0x06),
    IPMI(0x07),
    GENERAL_PURPOSE_IO(0x08),
    GENERIC_SERIAL_BUS(0x09),
    PLATFORM_COMM_CHANNEL(0x0A),
    PLATFORM_RUNTIME_MECHANISM(0x0B),
    FUNCTIONAL_FIXED_HARDWARE(0x7F),
    /** Reserved or OEM-defined identifiers; the raw id stays in the structure that carried it. */
    OTHER(-1);

    private final int id;

    AddressSpace(int id) {
        this.id = id;
    }

    /** The numeric space id, -1 for {@link #OTHER}. */
    public int id() {
        return id;
    }

    /** The space for a numeric id; unknown ids map to {@link #OTHER}. */
    public static AddressSpace of(int id) {
        for (AddressSpace s : values()) {
            if (s.id == id) {
                return s;
            }
        }
        return OTHER;
    }

    /** Whether an access in this space is a load or store to physical memory, i.e. needs a stage-2 mapping. */
    public boolean isMemory() {
        return this == SYSTEM_MEMORY;
    }
}
