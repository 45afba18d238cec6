package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Processor Properties Topology Table (ACPI 6.5 section 5.2.30): processor hierarchy nodes linked to their
 * parents and private resources, cache structures linked to their next level, and (deprecated) ID structures.
 * All links are table offsets.
 */
public record PpttTable(TableHeader header, List<Node> nodes) implements AcpiTable {

    public PpttTable {
        nodes = List.copyOf(nodes);
    }

    /** PPTT structure types. */
    public static final int PROCESSOR = 0;

    public static final int CACHE = 1;
    public static final int ID = 2;

    /** One PPTT structure; {@link #offset()} is where it starts in the table. */
    public sealed interface Node permits ProcessorHierarchy, Cache, IdStructure, UnknownNode {

        int offset();
    }

    /**
     * Type 0: a processor or a group of processors. {@code parent} is 0 at the root; each private resource is the
     * offset of a cache or ID structure.
     */
    public record ProcessorHierarchy(
            int offset, int length, long flags, long parent, long acpiProcessorId, List<Long> privateResources)
            implements Node {

        public ProcessorHierarchy {
            privateResources = List.copyOf(privateResources);
        }

        /** Flags bit 0: the node is a physical package. */
        public boolean isPhysicalPackage() {
            return (flags & 1) != 0;
        }

        /** Flags bit 1: the ACPI processor ID is valid. */
        public boolean isAcpiProcessorIdValid() {
            return (flags & 2) != 0;
        }
    }

    /** Type 1: a cache; {@code cacheId} exists from table revision 3 (28-byte structures), else 0. */
    public record Cache(
            int offset,
            int length,
            long flags,
            long nextLevelOfCache,
            long size,
            long numberOfSets,
            int associativity,
            int attributes,
            int lineSize,
            long cacheId)
            implements Node {

        /** A builder whose numbers all start at 0, as a cache structure of zeros decodes. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Cache} field by field, each setter named after its component. */
        public static final class Builder {
            private int offset;
            private int length;
            private long flags;
            private long nextLevelOfCache;
            private long size;
            private long numberOfSets;
            private int associativity;
            private int attributes;
            private int lineSize;
            private long cacheId;

            private Builder() {}

            public Builder offset(int value) {
                offset = value;
                return this;
            }

            public Builder length(int value) {
                length = value;
                return this;
            }

            public Builder flags(long value) {
                flags = value;
                return this;
            }

            public Builder nextLevelOfCache(long value) {
                nextLevelOfCache = value;
                return this;
            }

            public Builder size(long value) {
                size = value;
                return this;
            }

            public Builder numberOfSets(long value) {
                numberOfSets = value;
                return this;
            }

            public Builder associativity(int value) {
                associativity = value;
                return this;
            }

            public Builder attributes(int value) {
                attributes = value;
                return this;
            }

            public Builder lineSize(int value) {
                lineSize = value;
                return this;
            }

            public Builder cacheId(long value) {
                cacheId = value;
                return this;
            }

            /** The Cache set so far. */
            public Cache build() {
                return new Cache(
                        offset,
                        length,
                        flags,
                        nextLevelOfCache,
                        size,
                        numberOfSets,
                        associativity,
                        attributes,
                        lineSize,
                        cacheId);
            }
        }
    }

    /** Type 2: an ID structure (vendor and implementation IDs and revisions). */
    public record IdStructure(
            int offset,
            int length,
            long vendorId,
            long level1Id,
            long level2Id,
            int majorRevision,
            int minorRevision,
            int spinRevision)
            implements Node {}

    /** A structure of a type this decoder does not know. */
    public record UnknownNode(int offset, int type, int length) implements Node {}
}
