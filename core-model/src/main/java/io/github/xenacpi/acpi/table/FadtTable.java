package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Fixed ACPI Description Table (signature {@code FACP}, ACPI 6.5 section 5.2.9), any revision from 1 to 6.5:
 * fields past the table's length read 0. The eight fixed-hardware register blocks are kept in
 * {@link #blocks()}, each with its 32-bit address, its length byte and its 64-bit Generic Address twin.
 */
public record FadtTable(
        TableHeader header,
        long firmwareCtrl,
        long dsdt,
        int interruptModel,
        int preferredPmProfile,
        int sciInterrupt,
        long smiCommand,
        int acpiEnable,
        int acpiDisable,
        int s4BiosRequest,
        int pstateControl,
        Map<Block, RegisterBlock> blocks,
        int gpe1Base,
        int cstControl,
        int pLevel2Latency,
        int pLevel3Latency,
        int flushSize,
        int flushStride,
        int dutyOffset,
        int dutyWidth,
        int dayAlarm,
        int monthAlarm,
        int century,
        int iapcBootArch,
        long flags,
        GenericAddress resetRegister,
        int resetValue,
        int armBootArch,
        int minorVersion,
        long xFirmwareCtrl,
        long xDsdt,
        GenericAddress sleepControlRegister,
        GenericAddress sleepStatusRegister,
        long hypervisorVendorIdentity)
        implements AcpiTable {

    /** Flags bit 10: the reset register is supported. */
    public static final long RESET_REG_SUP = 1L << 10;
    /** Flags bit 20: the platform is hardware-reduced (no fixed hardware, no FACS needed). */
    public static final long HW_REDUCED_ACPI = 1L << 20;
    /** ARM boot architecture flags bit 0: PSCI is implemented. */
    public static final int PSCI_COMPLIANT = 1;
    /** ARM boot architecture flags bit 1: PSCI is called with HVC instead of SMC. */
    public static final int PSCI_USE_HVC = 1 << 1;

    public FadtTable {
        // In Block order: Map.copyOf's iteration order changes from one JVM run to the next.
        Map<Block, RegisterBlock> ordered = new EnumMap<>(Block.class);
        ordered.putAll(Map.copyOf(blocks));
        blocks = Collections.unmodifiableMap(ordered);
    }

    /** The eight fixed-hardware register blocks: 32-bit address, length and extended address field names. */
    public enum Block {
        PM1A_EVENT("pm1aEventBlock", "pm1EventLength", "xPm1aEventBlock"),
        PM1B_EVENT("pm1bEventBlock", "pm1EventLength", "xPm1bEventBlock"),
        PM1A_CONTROL("pm1aControlBlock", "pm1ControlLength", "xPm1aControlBlock"),
        PM1B_CONTROL("pm1bControlBlock", "pm1ControlLength", "xPm1bControlBlock"),
        PM2_CONTROL("pm2ControlBlock", "pm2ControlLength", "xPm2ControlBlock"),
        PM_TIMER("pmTimerBlock", "pmTimerLength", "xPmTimerBlock"),
        GPE0("gpe0Block", "gpe0BlockLength", "xGpe0Block"),
        GPE1("gpe1Block", "gpe1BlockLength", "xGpe1Block");

        private final String field;
        private final String lengthField;
        private final String extendedField;

        Block(String field, String lengthField, String extendedField) {
            this.field = field;
            this.lengthField = lengthField;
            this.extendedField = extendedField;
        }

        /** Name of the 32-bit address field in the FADT decoder's layout ({@code FadtDecoder.LAYOUT}). */
        public String field() {
            return field;
        }

        /** Name of the length byte field. */
        public String lengthField() {
            return lengthField;
        }

        /** Name of the 64-bit Generic Address field. */
        public String extendedField() {
            return extendedField;
        }
    }

    /** One fixed-hardware register block: the 32-bit I/O address, its length in bytes and its X_ twin. */
    public record RegisterBlock(long address, int length, GenericAddress extended) {}

    /** The register block of that name. */
    public RegisterBlock block(Block block) {
        return blocks.get(block);
    }

    /** Whether the HW_REDUCED_ACPI flag is set. */
    public boolean isHardwareReduced() {
        return (flags & HW_REDUCED_ACPI) != 0;
    }

    /** Whether the ARM boot flags say PSCI is implemented. */
    public boolean isPsciCompliant() {
        return (armBootArch & PSCI_COMPLIANT) != 0;
    }

    /** Whether the ARM boot flags say PSCI calls use HVC. */
    public boolean psciUsesHvc() {
        return (armBootArch & PSCI_USE_HVC) != 0;
    }

    /** The FACS address that applies: X_FIRMWARE_CTRL when non-zero, else FIRMWARE_CTRL. */
    public long facsAddress() {
        return xFirmwareCtrl != 0 ? xFirmwareCtrl : firmwareCtrl;
    }

    /** The DSDT address that applies: X_DSDT when non-zero, else DSDT. */
    public long dsdtAddress() {
        return xDsdt != 0 ? xDsdt : dsdt;
    }
}
