package io.github.xenacpi.acpi.table.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One definition reads and names a structure: components bound to the fields of their names. */
class RecordLayoutTest {

    private static final Layout ENTRY = Layout.of("entry")
            .u8("type")
            .u8("length")
            .u16("id")
            .reserved(4)
            .u64("base")
            .ascii("name", 4)
            .build();

    /** The structure's record: framing and reserved bytes have no component. */
    public record Entry(int id, long base, String name) {}

    /** A structure with a field of a type the layout package does not know. */
    private static final Layout TAGGED =
            Layout.of("tagged").u16("id").bytes("tag", 2).build();

    /** A value read from a bytes field by a reader the binding is given. */
    public record Tag(int first, int second) {}

    /** The tagged structure's record. */
    public record Tagged(int id, Tag tag) {}

    /** A sub-table's record that keeps where the structure lies. */
    public record Placed(int offset, int id) {}

    /** A record with a list the decoder reads after the structure. */
    public record WithList(int id, List<Long> targets, long base) {}

    /** A register whose components lie among an outer structure's fields, under names of their own. */
    public record Window(long start, String label) {}

    /** A record that names its fields otherwise: {@code size} is the field {@code length}, {@code window} nested. */
    public record Renamed(int size, int id, Window window) {}

    /** Part of an entry whose components are fields of their own names; {@code id} is read as set or not. */
    public record Identity(boolean id, String name) {}

    /** An entry with a nested part bound by its own names. */
    public record WithIdentity(long base, Identity identity) {}

    /** A record whose component is named after no field. */
    public record Misspelt(int identifier) {}

    /** A record whose int component cannot hold an 8-byte field. */
    public record TooNarrow(int base) {}

    /** A record the binding cannot construct from another package: it is not public. */
    record Hidden(int id) {}

    @Test
    void readsEachComponentFromTheFieldOfItsNameAndGivesThemBackForAWriter() {
        ByteBuffer b = ByteBuffer.allocate(ENTRY.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 7)
                .put(1, (byte) ENTRY.size())
                .putShort(2, (short) 0x1234)
                .putLong(8, 0x8000_0000_0000L)
                .put(16, "UAR0".getBytes(StandardCharsets.US_ASCII));
        RecordLayout<Entry> binding = RecordLayout.of(Entry.class, ENTRY);

        Entry e = binding.read(Struct.over(ENTRY, b, 0, ENTRY.size(), "entry"));

        assertThat(e).isEqualTo(new Entry(0x1234, 0x8000_0000_0000L, "UAR0"));
        assertThat(binding.values(e))
                .containsExactly(
                        Map.entry("id", 0x1234L), Map.entry("base", 0x8000_0000_0000L), Map.entry("name", "UAR0"));
    }

    @Test
    void aFieldCutShortReadsAsZero() {
        ByteBuffer b =
                ByteBuffer.allocate(ENTRY.size()).order(ByteOrder.LITTLE_ENDIAN).putShort(2, (short) 5);

        Entry e = RecordLayout.of(Entry.class, ENTRY).read(Struct.over(ENTRY, b, 0, 8, "entry"));

        assertThat(e).isEqualTo(new Entry(5, 0, ""));
    }

    @Test
    void aComponentWithoutItsFieldOrTooNarrowForItFailsWhenBound() {
        assertThatThrownBy(() -> RecordLayout.of(Misspelt.class, ENTRY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Misspelt.identifier has no field of its name in entry");
        assertThatThrownBy(() -> RecordLayout.of(TooNarrow.class, ENTRY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TooNarrow.base (int) cannot hold the 8-byte UINT field of entry");
    }

    @Test
    void aRecordThatIsNotPublicFailsWhenBoundNotWhenFirstRead() {
        assertThatThrownBy(() -> RecordLayout.of(Hidden.class, ENTRY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hidden has no public canonical constructor");
    }

    @Test
    void aComponentOfAnotherTypeIsReadByTheGivenReaderAndGivenBackAsItIs() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {5, 0, 0x11, 0x22});
        RecordLayout<Tagged> binding = RecordLayout.of(Tagged.class, TAGGED, Tag.class, (s, name) -> {
            byte[] raw = s.bytes(name);
            return raw.length < 2 ? new Tag(0, 0) : new Tag(raw[0], raw[1]);
        });

        Tagged t = binding.read(Struct.over(TAGGED, b, 0, TAGGED.size(), "tagged"));

        assertThat(t).isEqualTo(new Tagged(5, new Tag(0x11, 0x22)));
        assertThat(binding.values(t)).containsExactly(Map.entry("id", 5L), Map.entry("tag", new Tag(0x11, 0x22)));
        assertThatThrownBy(() -> RecordLayout.of(Tagged.class, TAGGED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Tagged.tag (Tag) cannot hold the 2-byte BYTES field of tagged");
    }

    @Test
    void anOffsetComponentHoldsTheStructuresTableOffsetAndIsNotWritten() {
        ByteBuffer b = ByteBuffer.allocate(8 + ENTRY.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(8 + 2, (short) 9);
        RecordLayout<Placed> binding = RecordLayout.of(Placed.class, ENTRY);

        Placed p = binding.read(Struct.over(ENTRY, b, 8, ENTRY.size(), "entry"));

        assertThat(p).isEqualTo(new Placed(8, 9));
        assertThat(binding.values(p)).containsExactly(Map.entry("id", 9L));
    }

    @Test
    void aSuppliedComponentTakesTheDecodersValueAndIsNotWritten() {
        ByteBuffer b = ByteBuffer.allocate(ENTRY.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(2, (short) 3).putLong(8, 0x1000L);
        RecordLayout<WithList> binding = RecordLayout.of(WithList.class, ENTRY, "targets");
        Struct s = Struct.over(ENTRY, b, 0, ENTRY.size(), "entry");

        WithList w = binding.read(s, List.of(7L));

        assertThat(w).isEqualTo(new WithList(3, List.of(7L), 0x1000L));
        assertThat(binding.values(w)).containsExactly(Map.entry("id", 3L), Map.entry("base", 0x1000L));
        assertThatThrownBy(() -> binding.read(s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WithList.targets is not supplied");
        assertThatThrownBy(() -> RecordLayout.of(WithList.class, ENTRY, "missing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WithList has no component missing to supply");
    }

    @Test
    void aBinderReadsAComponentFromAFieldOfAnotherNameAndANestedRecordFromItsFields() {
        ByteBuffer b = ByteBuffer.allocate(ENTRY.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(1, (byte) ENTRY.size())
                .putShort(2, (short) 4)
                .putLong(8, 0x2000L)
                .put(16, "COM1".getBytes(StandardCharsets.US_ASCII));
        RecordLayout<Renamed> binding = RecordLayout.binder(Renamed.class, ENTRY)
                .field("size", "length")
                .nested("window", "base", "name")
                .build();

        Renamed r = binding.read(Struct.over(ENTRY, b, 0, ENTRY.size(), "entry"));

        assertThat(r).isEqualTo(new Renamed(ENTRY.size(), 4, new Window(0x2000L, "COM1")));
        assertThat(binding.values(r))
                .containsExactly(
                        Map.entry("length", (long) ENTRY.size()),
                        Map.entry("id", 4L),
                        Map.entry("base", 0x2000L),
                        Map.entry("name", "COM1"));
        assertThat(binding.values(new Renamed(1, 2, null)))
                .containsExactly(Map.entry("length", 1L), Map.entry("id", 2L));
        assertThatThrownBy(() -> RecordLayout.binder(Renamed.class, ENTRY)
                        .field("size", "length")
                        .nested("window", "base")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Renamed.window has 2 components, but 1 fields are named for them");
        assertThatThrownBy(() -> RecordLayout.binder(Renamed.class, ENTRY)
                        .field("size", "count")
                        .nested("window", "base", "name")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Renamed.size has no field count in entry");
    }

    @Test
    void aNestedRecordWithNoFieldsNamedReadsTheFieldsOfItsOwnNamesAndABooleanIsAnIntegerNotZero() {
        ByteBuffer b = ByteBuffer.allocate(ENTRY.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(2, (short) 0x100).putLong(8, 0x3000L).put(16, "TPM0".getBytes(StandardCharsets.US_ASCII));
        RecordLayout<WithIdentity> binding = RecordLayout.binder(WithIdentity.class, ENTRY)
                .nested("identity")
                .build();

        WithIdentity w = binding.read(Struct.over(ENTRY, b, 0, ENTRY.size(), "entry"));

        assertThat(w).isEqualTo(new WithIdentity(0x3000L, new Identity(true, "TPM0")));
        assertThat(binding.values(w))
                .containsExactly(Map.entry("base", 0x3000L), Map.entry("id", 1L), Map.entry("name", "TPM0"));
    }
}
