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

    /**
     * A builder whose numbers start at 0, whose Generic Addresses and register blocks start all-zero (as a FADT too
     * short for them decodes) and whose header starts null.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FadtTable} field by field, each setter named after its component. */
    public static final class Builder {
        private static final GenericAddress ZERO_ADDRESS = new GenericAddress(0, 0, 0, 0, 0);
        private static final RegisterBlock ZERO_BLOCK = new RegisterBlock(0, 0, ZERO_ADDRESS);

        private final Map<Block, RegisterBlock> blocks = new EnumMap<>(Block.class);
        private TableHeader header;
        private long firmwareCtrl;
        private long dsdt;
        private int interruptModel;
        private int preferredPmProfile;
        private int sciInterrupt;
        private long smiCommand;
        private int acpiEnable;
        private int acpiDisable;
        private int s4BiosRequest;
        private int pstateControl;
        private int gpe1Base;
        private int cstControl;
        private int pLevel2Latency;
        private int pLevel3Latency;
        private int flushSize;
        private int flushStride;
        private int dutyOffset;
        private int dutyWidth;
        private int dayAlarm;
        private int monthAlarm;
        private int century;
        private int iapcBootArch;
        private long flags;
        private GenericAddress resetRegister = ZERO_ADDRESS;
        private int resetValue;
        private int armBootArch;
        private int minorVersion;
        private long xFirmwareCtrl;
        private long xDsdt;
        private GenericAddress sleepControlRegister = ZERO_ADDRESS;
        private GenericAddress sleepStatusRegister = ZERO_ADDRESS;
        private long hypervisorVendorIdentity;

        private Builder() {
            for (Block b : Block.values()) {
                blocks.put(b, ZERO_BLOCK);
            }
        }

        public Builder header(TableHeader value) {
            header = value;
            return this;
        }

        public Builder firmwareCtrl(long value) {
            firmwareCtrl = value;
            return this;
        }

        public Builder dsdt(long value) {
            dsdt = value;
            return this;
        }

        public Builder interruptModel(int value) {
            interruptModel = value;
            return this;
        }

        public Builder preferredPmProfile(int value) {
            preferredPmProfile = value;
            return this;
        }

        public Builder sciInterrupt(int value) {
            sciInterrupt = value;
            return this;
        }

        public Builder smiCommand(long value) {
            smiCommand = value;
            return this;
        }

        public Builder acpiEnable(int value) {
            acpiEnable = value;
            return this;
        }

        public Builder acpiDisable(int value) {
            acpiDisable = value;
            return this;
        }

        public Builder s4BiosRequest(int value) {
            s4BiosRequest = value;
            return this;
        }

        public Builder pstateControl(int value) {
            pstateControl = value;
            return this;
        }

        /** Sets all register blocks: those {@code value} lacks become all-zero. */
        public Builder blocks(Map<Block, RegisterBlock> value) {
            for (Block b : Block.values()) {
                block(b, value.getOrDefault(b, ZERO_BLOCK));
            }
            return this;
        }

        public Builder gpe1Base(int value) {
            gpe1Base = value;
            return this;
        }

        public Builder cstControl(int value) {
            cstControl = value;
            return this;
        }

        public Builder pLevel2Latency(int value) {
            pLevel2Latency = value;
            return this;
        }

        public Builder pLevel3Latency(int value) {
            pLevel3Latency = value;
            return this;
        }

        public Builder flushSize(int value) {
            flushSize = value;
            return this;
        }

        public Builder flushStride(int value) {
            flushStride = value;
            return this;
        }

        public Builder dutyOffset(int value) {
            dutyOffset = value;
            return this;
        }

        public Builder dutyWidth(int value) {
            dutyWidth = value;
            return this;
        }

        public Builder dayAlarm(int value) {
            dayAlarm = value;
            return this;
        }

        public Builder monthAlarm(int value) {
            monthAlarm = value;
            return this;
        }

        public Builder century(int value) {
            century = value;
            return this;
        }

        public Builder iapcBootArch(int value) {
            iapcBootArch = value;
            return this;
        }

        public Builder flags(long value) {
            flags = value;
            return this;
        }

        public Builder resetRegister(GenericAddress value) {
            resetRegister = value;
            return this;
        }

        public Builder resetValue(int value) {
            resetValue = value;
            return this;
        }

        public Builder armBootArch(int value) {
            armBootArch = value;
            return this;
        }

        public Builder minorVersion(int value) {
            minorVersion = value;
            return this;
        }

        public Builder xFirmwareCtrl(long value) {
            xFirmwareCtrl = value;
            return this;
        }

        public Builder xDsdt(long value) {
            xDsdt = value;
            return this;
        }

        public Builder sleepControlRegister(GenericAddress value) {
            sleepControlRegister = value;
            return this;
        }

        public Builder sleepStatusRegister(GenericAddress value) {
            sleepStatusRegister = value;
            return this;
        }

        public Builder hypervisorVendorIdentity(long value) {
            hypervisorVendorIdentity = value;
            return this;
        }

        /** Sets one register block, leaving the others as they are. */
        public Builder block(Block block, RegisterBlock value) {
            blocks.put(block, value);
            return this;
        }

        /** The FadtTable set so far. */
        public FadtTable build() {
            return new FadtTable(
                    header,
                    firmwareCtrl,
                    dsdt,
                    interruptModel,
                    preferredPmProfile,
                    sciInterrupt,
                    smiCommand,
                    acpiEnable,
                    acpiDisable,
                    s4BiosRequest,
                    pstateControl,
                    blocks,
                    gpe1Base,
                    cstControl,
                    pLevel2Latency,
                    pLevel3Latency,
                    flushSize,
                    flushStride,
                    dutyOffset,
                    dutyWidth,
                    dayAlarm,
                    monthAlarm,
                    century,
                    iapcBootArch,
                    flags,
                    resetRegister,
                    resetValue,
                    armBootArch,
                    minorVersion,
                    xFirmwareCtrl,
                    xDsdt,
                    sleepControlRegister,
                    sleepStatusRegister,
                    hypervisorVendorIdentity);
        }
    }
}
