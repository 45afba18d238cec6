package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Secure Devices table (ACPI 6.5 section 5.2.27): devices that firmware may have assigned to a secure
 * execution environment, named by ACPI path or by PCIe segment, bus and device path.
 */
public record SdevTable(TableHeader header, List<Device> devices) implements AcpiTable {

    public SdevTable {
        devices = List.copyOf(devices);
    }

    /** One secure device structure. */
    public sealed interface Device permits NamespaceDevice, PcieEndpoint, Other {

        /** The structure's flags: bit 0 allow handoff to an unsecure OS, bit 1 secure access components present. */
        int flags();

        /** Whether the OS may take the device over (flags bit 0). */
        default boolean allowHandoff() {
            return (flags() & 1) != 0;
        }
    }

    /** An ACPI namespace device: its namespace path, vendor data length and secure access components. */
    public record NamespaceDevice(int flags, String deviceId, int vendorDataLength, List<Component> components)
            implements Device {

        public NamespaceDevice {
            components = List.copyOf(components);
        }
    }

    /** A PCIe endpoint: segment, start bus and the device/function path below it. */
    public record PcieEndpoint(int flags, int segment, int startBus, List<PathEntry> path, int vendorDataLength)
            implements Device {

        public PcieEndpoint {
            path = List.copyOf(path);
        }
    }

    /** A structure of a type this decoder does not know. */
    public record Other(int type, int flags, int offset, int length) implements Device {}

    /** One device/function step of a PCIe path. */
    public record PathEntry(int device, int function) {}

    /** A secure access component (ACPI 6.4) of a namespace device. */
    public sealed interface Component permits IdComponent, MemoryComponent, OtherComponent {}

    /** Identification based component: hardware and subsystem IDs, revision and PCI class code. */
    public record IdComponent(
            int flags,
            String hardwareId,
            String subsystemId,
            int hardwareRevision,
            boolean hardwareRevisionPresent,
            boolean classCodePresent,
            int baseClass,
            int subClass,
            int programmingInterface)
            implements Component {

        /** A builder whose fields start at 0, false or empty. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link IdComponent} field by field. */
        public static final class Builder {
            private int flags;
            private String hardwareId = "";
            private String subsystemId = "";
            private int hardwareRevision;
            private boolean hardwareRevisionPresent;
            private boolean classCodePresent;
            private int baseClass;
            private int subClass;
            private int programmingInterface;

            private Builder() {}

            public Builder flags(int value) {
                flags = value;
                return this;
            }

            public Builder hardwareId(String value) {
                hardwareId = value;
                return this;
            }

            public Builder subsystemId(String value) {
                subsystemId = value;
                return this;
            }

            public Builder hardwareRevision(int value) {
                hardwareRevision = value;
                return this;
            }

            public Builder hardwareRevisionPresent(boolean value) {
                hardwareRevisionPresent = value;
                return this;
            }

            public Builder classCodePresent(boolean value) {
                classCodePresent = value;
                return this;
            }

            public Builder baseClass(int value) {
                baseClass = value;
                return this;
            }

            public Builder subClass(int value) {
                subClass = value;
                return this;
            }

            public Builder programmingInterface(int value) {
                programmingInterface = value;
                return this;
            }

            public IdComponent build() {
                return new IdComponent(
                        flags,
                        hardwareId,
                        subsystemId,
                        hardwareRevision,
                        hardwareRevisionPresent,
                        classCodePresent,
                        baseClass,
                        subClass,
                        programmingInterface);
            }
        }
    }

    /** Memory based component: a range of the device's memory that is protected. */
    public record MemoryComponent(int flags, long base, long length) implements Component {}

    /** A component of an unknown type. */
    public record OtherComponent(int type, int flags, int length) implements Component {}
}
