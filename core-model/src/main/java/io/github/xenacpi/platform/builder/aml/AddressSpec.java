package io.github.xenacpi.platform.builder.aml;

import io.github.xenacpi.aml.resource.AddressWidth;
import io.github.xenacpi.aml.resource.Cacheability;
import io.github.xenacpi.aml.resource.Resource;
import io.github.xenacpi.aml.resource.ResourceSource;
import io.github.xenacpi.aml.resource.Usage;
import java.util.Optional;

/**
 * The arguments of the ASL address space macros (QWordMemory, DWordIO, WordBusNumber, ExtendedMemory, ...):
 * starts from the ASL defaults (ResourceConsumer, PosDecode, MinNotFixed, MaxNotFixed; memory NonCacheable,
 * ReadWrite, AddressRangeMemory, TypeStatic; I/O EntireRange, TypeStatic, DenseTranslation) and is changed
 * fluently. Mutable; one spec per descriptor.
 */
public final class AddressSpec {
    private final int resourceType;
    private int generalFlags = 0x01;
    private int typeFlags;
    private long granularity;
    private long minimum;
    private long maximum;
    private long translationOffset;
    private long length;
    private Optional<ResourceSource> source = Optional.empty();

    private AddressSpec(int resourceType, int typeFlags) {
        this.resourceType = resourceType;
        this.typeFlags = typeFlags;
    }

    /** A memory range (resource type 0), ReadWrite and NonCacheable. */
    public static AddressSpec memory() {
        return new AddressSpec(Resource.AddressSpace.MEMORY, 0x01);
    }

    /** An I/O range (resource type 1), EntireRange. */
    public static AddressSpec io() {
        return new AddressSpec(Resource.AddressSpace.IO, 0x03);
    }

    /** A bus number range (resource type 2). */
    public static AddressSpec busNumber() {
        return new AddressSpec(Resource.AddressSpace.BUS_NUMBER, 0);
    }

    /** Any resource type (192..255 are vendor-defined) with raw type-specific flags. */
    public static AddressSpec ofType(int resourceType, int typeFlags) {
        return new AddressSpec(resourceType, typeFlags);
    }

    /** The five numbers in ASL order: _GRA, _MIN, _MAX, _TRA, _LEN. */
    public AddressSpec range(long gra, long min, long max, long tra, long len) {
        this.granularity = gra;
        this.minimum = min;
        this.maximum = max;
        this.translationOffset = tra;
        this.length = len;
        return this;
    }

    /** A fixed range [min, min + len): MinFixed, MaxFixed, _MAX = min + len - 1, granularity 0. */
    public AddressSpec fixed(long min, long len) {
        return range(0, min, min + len - 1, 0, len).minFixed(true).maxFixed(true);
    }

    public AddressSpec usage(Usage usage) {
        return flag(0x01, usage == Usage.CONSUMER);
    }

    /** SubDecode (_DEC set) instead of PosDecode. */
    public AddressSpec subtractiveDecode(boolean value) {
        return flag(0x02, value);
    }

    public AddressSpec minFixed(boolean value) {
        return flag(0x04, value);
    }

    public AddressSpec maxFixed(boolean value) {
        return flag(0x08, value);
    }

    /** Memory: Cacheable, NonCacheable, WriteCombining or Prefetchable (_MEM). */
    public AddressSpec cacheability(Cacheability value) {
        int mem = switch (value) {
            case NON_CACHEABLE, UNSPECIFIED -> 0;
            case CACHEABLE -> 1;
            case WRITE_COMBINING -> 2;
            case PREFETCHABLE -> 3;
        };
        typeFlags = (typeFlags & ~0x06) | (mem << 1);
        return this;
    }

    /** Memory: ReadWrite or ReadOnly (_RW). */
    public AddressSpec writable(boolean value) {
        typeFlags = (typeFlags & ~0x01) | (value ? 1 : 0);
        return this;
    }

    /** Memory: AddressRangeMemory 0, AddressRangeReserved 1, AddressRangeACPI 2, AddressRangeNVS 3 (_MTP). */
    public AddressSpec memoryType(int value) {
        typeFlags = (typeFlags & ~0x18) | ((value & 3) << 3);
        return this;
    }

    /** Memory and I/O: TypeTranslation (_TTP) instead of TypeStatic. */
    public AddressSpec typeTranslation(boolean value) {
        typeFlags = (typeFlags & ~0x20) | (value ? 0x20 : 0);
        return this;
    }

    /** I/O: SparseTranslation (_TRS) instead of DenseTranslation. */
    public AddressSpec sparseTranslation(boolean value) {
        typeFlags = (typeFlags & ~0x10) | (value ? 0x10 : 0);
        return this;
    }

    /** I/O: NonISAOnlyRanges 1, ISAOnlyRanges 2, EntireRange 3 (_RNG). */
    public AddressSpec ioRange(int value) {
        typeFlags = (typeFlags & ~0x03) | (value & 3);
        return this;
    }

    /** ResourceSourceIndex and ResourceSource (an empty name writes the index alone, as iasl does). */
    public AddressSpec source(int index, String name) {
        this.source = Optional.of(new ResourceSource(index, name));
        return this;
    }

    private AddressSpec flag(int bit, boolean value) {
        generalFlags = value ? generalFlags | bit : generalFlags & ~bit;
        return this;
    }

    /** The descriptor these arguments give in the Word, DWord or QWord form. */
    Resource.AddressSpace toResource(AddressWidth width, long typeAttribute) {
        boolean ext = width == AddressWidth.EXTENDED;
        long mask = width.mask();
        return Resource.AddressSpace.builder()
                .width(width)
                .resourceType(resourceType)
                .generalFlags(generalFlags)
                .typeFlags(typeFlags)
                .revision(ext ? 1 : 0)
                .granularity(granularity & mask)
                .minimum(minimum & mask)
                .maximum(maximum & mask)
                .translationOffset(translationOffset & mask)
                .length(length & mask)
                .typeAttribute(ext ? typeAttribute : 0)
                .source(ext ? Optional.empty() : source)
                .build();
    }
}
